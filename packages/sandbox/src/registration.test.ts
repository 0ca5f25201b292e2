import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MetadataInputError, requestJson, type Sandbox, startSandbox } from './index'

let sandbox: Sandbox
let dir = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-registration-'))
  sandbox = await startSandbox()
})

afterAll(async () => {
  await sandbox?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('one-call registration', () => {
  it('registers an SP from a metadata file as a non-gallery app, and Webex trusts it back; a user signs in', async () => {
    const spMetadataFile = join(dir, 'sp-metadata.xml')
    writeFileSync(spMetadataFile, await sandbox.webex.client.spMetadataXml())
    const app = await sandbox.entra.registerServiceProvider({
      metadata: spMetadataFile,
      assign: ['alice@contoso.com'],
    })
    expect(app.entityId).toBe(`https://sts.windows.net/${sandbox.entra.tenantId}/`)
    expect(app.loginUrl).toContain(sandbox.entra.tenantId)
    expect(app.federationMetadataXml).toContain(`entityID="${app.entityId}"`)
    expect(app.signingCertificatePem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/,
    )
    const page = await sandbox.entra.client.samlPage(app.servicePrincipalId)
    const org = await sandbox.webex.client.organization()
    expect(page.basicSamlConfiguration.identifiers.map((i) => i.value)).toEqual([org.entityId])
    expect(page.basicSamlConfiguration.replyUrls.map((r) => r.url)).toContain(org.acsUrl)
    const [alice] = app.users
    expect(alice?.password).toBeTruthy()

    // The custom app sends NameID = UPN and no uid claim: Webex matches users by NameID.
    await requestJson(sandbox.webex.client.target, {
      method: 'PATCH',
      path: '/api/v1/sso/settings',
      body: { matchUserBy: 'nameid' },
    })
    await sandbox.webex.client.addUser({ firstName: 'Alice', lastName: 'Test', email: 'alice@contoso.com' })
    const trusted = await sandbox.webex.registerIdentityProvider({
      metadata: app.federationMetadataUrl,
      trust: 'ca-signed',
      testWith: { username: 'alice@contoso.com', password: alice?.password ?? '' },
    })
    expect(trusted.test?.status).toBe('passed')
    expect(trusted.status.enabled).toBe(true)
    const signedIn = await sandbox.signIn({ username: 'alice@contoso.com', password: alice?.password ?? '' })
    expect((signedIn.session as { user?: { userName?: string } }).user?.userName).toBe('alice@contoso.com')
  })

  it('refuses an Identifier another app has, and leaves no half-made app behind', async () => {
    expect(await sandbox.entra.client.servicePrincipalByName('Duplicate')).toBeNull()
    const duplicate = sandbox.entra.registerServiceProvider({
      metadata: await sandbox.webex.client.spMetadataXml(),
      displayName: 'Duplicate',
    })
    await expect(duplicate).rejects.toThrow(/same value for property identifierUris/)
    expect(await sandbox.entra.client.servicePrincipalByName('Duplicate')).toBeNull()
  })

  it('assigns an existing user without creating or re-passwording it', async () => {
    const bob = await sandbox.entra.createUser({
      userPrincipalName: 'bob@contoso.com',
      password: 'Contoso-Bob-1!',
    })
    const xml = await sandbox.webex.client.spMetadataXml()
    const app = await sandbox.entra.registerServiceProvider({
      metadata: xml.replace(/entityID="[^"]+"/, 'entityID="https://second.example.com/saml"'),
      assign: ['bob@contoso.com'],
      displayName: 'Second app',
    })
    expect(app.users).toEqual([{ id: bob.id, userPrincipalName: 'bob@contoso.com' }])
    const assignments = await sandbox.entra.client.assignments(app.servicePrincipalId)
    expect(assignments.value.map((a) => a.principalId)).toEqual([bob.id])
  })

  it('creates users with a generated password, and personas with different attribute shapes', async () => {
    const generated = await sandbox.entra.createUser({ userPrincipalName: 'carol@contoso.com' })
    expect(generated.password.length).toBeGreaterThanOrEqual(8)
    await sandbox.entra.createUser({ userPrincipalName: 'dan@contoso.com', persona: 'no-mail' })
    await sandbox.entra.createUser({ userPrincipalName: 'zoe@contoso.com', persona: 'unicode' })
    const read = (upn: string) =>
      requestJson<{ mail: string | null; displayName: string }>(sandbox.entra.client.target, {
        method: 'GET',
        path: `/v1.0/users/${encodeURIComponent(upn)}?$select=mail,displayName`,
      })
    expect((await read('dan@contoso.com')).mail).toBeNull()
    expect((await read('zoe@contoso.com')).displayName).toContain('Łukasiewicz')
  })

  it('refuses metadata it cannot read with a MetadataInputError that says what is accepted', async () => {
    const missing = sandbox.entra.registerServiceProvider({ metadata: join(dir, 'nope.xml') })
    await expect(missing).rejects.toBeInstanceOf(MetadataInputError)
    await expect(missing).rejects.toThrow(
      /ENOENT.*metadata XML itself, the path of a metadata file, or an http\(s\) URL/,
    )
    await expect(sandbox.entra.registerServiceProvider({ metadata: '  ' })).rejects.toThrow(
      /metadata is empty/,
    )
  })
})
