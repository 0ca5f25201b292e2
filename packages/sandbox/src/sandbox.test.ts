import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, SignInError, startSandbox } from './index'

let keyCache = ''
let sandbox: Sandbox

beforeAll(async () => {
  keyCache = mkdtempSync(join(tmpdir(), 'sandbox-key-cache-'))
  sandbox = await startSandbox({ keyCache })
})

afterAll(async () => {
  await sandbox?.close()
  rmSync(keyCache, { recursive: true, force: true })
})

describe('startSandbox', () => {
  it('serves both emulators on loopback with the ids and tokens of the handle', async () => {
    expect(new URL(sandbox.entra.url).hostname).toBe('localhost')
    const tenant = await sandbox.entra.client.tenant()
    expect(tenant.tenantId).toBe(sandbox.entra.tenantId)
    const org = await sandbox.webex.client.organization()
    expect(org.orgId).toBe(sandbox.webex.orgId)
    const scim = await fetch(`${sandbox.webex.scimBaseUrl}/Users`, {
      headers: { authorization: `Bearer ${sandbox.webex.scimToken}` },
    })
    expect(scim.status).toBe(200)
  })

  it('fills the key cache on a first start, one file per generated key', () => {
    expect(readdirSync(keyCache).filter((name) => name.endsWith('.pem')).length).toBeGreaterThanOrEqual(5)
  })

  it('gives a second sandbox in the same process keys of its own, and a later one those same keys again', async () => {
    const keyFiles = () => readdirSync(keyCache).filter((name) => name.endsWith('.pem')).length
    const second = await startSandbox({ keyCache })
    try {
      const [first, other] = await Promise.all([
        sandbox.webex.client.spMetadataXml(),
        second.webex.client.spMetadataXml(),
      ])
      const certificate = (xml: string) => /<ds:X509Certificate>([^<]+)</.exec(xml)?.[1]
      expect(certificate(first)).toBeTruthy()
      expect(certificate(first)).not.toBe(certificate(other))
    } finally {
      await second.close()
    }
    const filled = keyFiles()
    const third = await startSandbox({ keyCache })
    await third.close()
    expect(keyFiles()).toBe(filled)
  })

  it('sets up the tutorial in one call, after which B.Simon signs in to Webex headless', async () => {
    const setUp = await sandbox.setupTutorial()
    const signedIn = await sandbox.signIn({ username: setUp.username, password: setUp.password })
    expect((signedIn.session as { user?: { userName?: string } }).user?.userName).toBe('b.simon@contoso.com')
    expect(signedIn.samlResponse.xml).toContain('<samlp:Response')
  })

  it('rejects a wrong password with a SignInError that names the failure', async () => {
    const failed = sandbox.signIn({ username: 'B.Simon@contoso.com', password: 'not-the-password' })
    await expect(failed).rejects.toBeInstanceOf(SignInError)
    await expect(failed).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' })
  })

  it('moves both servers\u2019 time with clock.advance and puts it back on reset()', async () => {
    const before = sandbox.clock.now()
    sandbox.clock.advance(3_600_000)
    expect(sandbox.clock.now() - before).toBeGreaterThanOrEqual(3_600_000)
    await sandbox.reset()
    expect(sandbox.clock.offset()).toBe(0)
    const apps = await sandbox.entra.client.servicePrincipalByName('Cisco Webex')
    expect(apps).toBeNull()
    expect(sandbox.entra.admin?.password).toBeTruthy()
  })
})
