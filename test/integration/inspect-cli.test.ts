import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeadlessBrowser, type InspectionReport, signIn } from '@sandbox/shared'
import { type RunningSandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { writeRunningRecord } from 'sso-rehearsal-sandbox/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliRun, runCli } from '../support/cli'
import {
  REAL_FIXTURES_DIR,
  readRealFixture,
  TERCEN_CERTIFICATE,
  TERCEN_RESPONSE,
  WIREAPP_METADATA,
} from '../support/real-fixtures'
import { setUpTutorial } from '../support/tutorial-setup'

const real = (name: string): string => join(REAL_FIXTURES_DIR, name)
const work = mkdtempSync(join(tmpdir(), 'inspect-cli-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** `pnpm sandbox inspect …`, finished: exit status and what it printed (stdout complete). */
async function inspect(
  args: readonly string[],
  stdin?: string,
): Promise<{ code: number | string; out: string; all: string }> {
  const run: CliRun = runCli('scripts/sandbox.ts', ['inspect', ...args], stdin === undefined ? {} : { stdin })
  const closed = new Promise((resolve) => run.child.on('close', resolve))
  const code = await run.exited
  await closed
  return { code, out: run.stdout(), all: run.output() }
}

describe('pnpm sandbox inspect on files and stdin', () => {
  it('exit 1 for the real 2022 Response judged now: signature valid with --cert, expired, every claim listed', async () => {
    const { code, out } = await inspect([real(TERCEN_RESPONSE), '--cert', real(TERCEN_CERTIFICATE)])
    expect(code).toBe(1)
    expect(out).toContain('Detected: raw XML')
    expect(out).toContain(
      '51C2D601242429AFD1F23C23C5D7AF1AC50604F1 is the given certificate (entra-app-signing-cert.2022.tercen.pem)',
    )
    expect(out).toMatch(
      /FAIL {2}Validity window +The assertion expired \d+ years? (\d+ months? )?ago \(NotOnOrAfter 2022-02-23T18:49:18\.779Z/,
    )
    expect(out).toContain(
      'http://schemas.microsoft.com/identity/claims/objectidentifier = 814bd554-6a00-405c-91d5-4132d39ba4fb',
    )
    expect(out).toMatch(/Result: \d+ checks failed in 1 of 1 message\./)
  })

  it('exit 0 for the 2018 tenant metadata judged in 2018, exit 1 judged now', async () => {
    const then = await inspect([real(WIREAPP_METADATA), '--at', '2018-04-14T10:00:00Z'])
    expect(then.code).toBe(0)
    expect(then.out).toContain('== Message 1 of 1: Metadata ==')
    expect(then.out).toContain('EntityDescriptor (ID _')
    expect(then.out).toContain('Result: no check failed in 1 message.')
    expect((await inspect([real(WIREAPP_METADATA)])).code).toBe(1)
  })

  it('reads base64 from stdin (-) and answers --json', async () => {
    const base64 = Buffer.from(readRealFixture(TERCEN_RESPONSE)).toString('base64')
    const { code, out } = await inspect(['-', '--json', '--at', '2022-02-23T18:00:00Z'], base64)
    expect(code).toBe(1)
    const report = JSON.parse(out) as InspectionReport
    expect(report).toMatchObject({
      detected: { form: 'base64' },
      judgedAt: '2022-02-23T18:00:00.000Z',
      exitCode: 1,
    })
    expect(report.messages[0]).toMatchObject({ kind: 'Response', encoding: 'base64 (HTTP-POST binding)' })
    expect(report.messages[0]?.checks.filter((c) => c.status === 'failed').map((c) => c.name)).toEqual([
      'uid attribute',
    ])
  })

  it('exit 2 for unusable input and a bad command line, with what was expected', async () => {
    const garbage = await inspect(['-'], 'this is not SAML at all')
    expect(garbage.code).toBe(2)
    expect(garbage.all).toContain('Expected a SAML message')
    const json = await inspect(['-', '--json'], '{"log": {"entries": []}}')
    expect(json.code).toBe(2)
    expect(JSON.parse(json.out)).toEqual({
      error: {
        code: 'HAR_WITHOUT_SAML',
        message: expect.stringContaining('has 0 entries but no SAML message'),
      },
    })
    const usage = await inspect([real(TERCEN_RESPONSE), '--at', 'yesterday', '--colour'])
    expect(usage.code).toBe(2)
    expect(usage.all).toContain('Unknown option --colour')
    expect(usage.all).toContain('--at: "yesterday" is not a time I can read')
  })

  it('--help names every flag', async () => {
    const { code, out } = await inspect(['--help'])
    expect(code).toBe(0)
    for (const flag of [
      '--json',
      '--cert',
      '--idp-metadata',
      '--sp-metadata',
      '--key',
      '--app',
      '--org',
      '--at',
      '--data-dir',
    ])
      expect(out).toContain(flag)
  })

  it('prints a <script> value as text: verbatim in the summary and as a JSON string, never HTML-escaped', async () => {
    const file = join(work, 'script.xml')
    writeFileSync(
      file,
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a" Version="2.0"><Issuer>https://idp/</Issuer><AttributeStatement><Attribute Name="uid" FriendlyName="&lt;script>x&lt;/script>"><AttributeValue>&lt;script&gt;alert(1)&lt;/script&gt;</AttributeValue></Attribute></AttributeStatement></Assertion></samlp:Response>',
    )
    const text = await inspect([file])
    expect(text.code).toBe(1)
    expect(text.out).toContain('  uid [<script>x</script>] = <script>alert(1)</script>')
    expect(text.out).toContain('<Attribute Name="uid" FriendlyName="&lt;script>x&lt;/script>">')
    expect(text.out).not.toMatch(/&amp;|&lt;script&gt;|&#60;/)
    const json = await inspect([file, '--json'])
    expect(json.out).toContain('"<script>alert(1)</script>"')
    const report = JSON.parse(json.out) as InspectionReport
    expect(report.messages[0]?.summary.attributes[0]?.values).toEqual(['<script>alert(1)</script>'])
  })
})

describe('pnpm sandbox inspect against a started sandbox (--app, --org, --data-dir)', () => {
  const dataDir = join(work, 'sandbox')
  let sandbox: RunningSandbox
  let servicePrincipalId = ''
  let orgId = ''
  let password = ''
  let signOnUrl = ''

  async function capturedResponse(): Promise<string> {
    const result = await signIn({
      startUrl: signOnUrl,
      username: 'B.Simon@contoso.com',
      password,
      browser: new HeadlessBrowser(),
    })
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    const file = join(work, `response-${Date.now()}.xml`)
    writeFileSync(file, result.value.samlResponse.xml)
    return file
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir })
    const setUp = await setUpTutorial(sandbox, 6)
    servicePrincipalId = setUp.facts.servicePrincipalId ?? ''
    password = setUp.password
    signOnUrl = setUp.signOnUrl
    orgId = sandbox.sp.orgId
    await writeRunningRecord(dataDir, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      idp: { url: sandbox.idp.url, tenantId: sandbox.idp.tenantId, graphApiToken: sandbox.idp.graphApiToken },
      sp: { url: sandbox.sp.url, orgId, adminApiToken: sandbox.sp.adminApiToken },
    })
  }, 60_000)
  afterAll(async () => {
    await sandbox?.close()
  })

  it('exit 0 for a fresh Response checked against the Webex org and the Entra app', async () => {
    const file = await capturedResponse()
    const org = await inspect([file, '--org', orgId, '--data-dir', dataDir, '--json'])
    expect(org.code, org.all).toBe(0)
    const report = JSON.parse(org.out) as InspectionReport
    const checks = Object.fromEntries(report.messages[0]?.checks.map((c) => [c.name, c]) ?? [])
    expect(checks.Audience).toMatchObject({ status: 'passed' })
    expect(checks['Assertion signature']).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining('is the one imported in Control Hub'),
    })
    expect(checks['Certificate trust']).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining('chains to the sandbox CA'),
    })
    expect(report.comparedWith.join('\n')).toContain("the Webex org's SSO settings: clock skew 3 min")
    const app = await inspect([file, '--app', servicePrincipalId, '--data-dir', dataDir])
    expect(app.code, app.all).toBe(0)
    expect(app.out).toContain('is the active signing certificate of the Entra app Cisco Webex')
  })

  it('exit 1 for the same Response two hours later, and exit 2 for an org that is not the sandbox’s', async () => {
    const file = await capturedResponse()
    const later = await inspect([file, '--org', orgId, '--data-dir', dataDir, '--at', '+2h'])
    expect(later.code).toBe(1)
    expect(later.out).toMatch(/The assertion expired 1 h( \d{2} min)? ago \(NotOnOrAfter /)
    const wrong = await inspect([file, '--org', 'not-the-org', '--data-dir', dataDir])
    expect(wrong.code).toBe(2)
    expect(wrong.all).toContain(`The running sandbox's Webex org is ${orgId}, not not-the-org`)
    const missing = await inspect([file, '--app', 'no-such-app', '--data-dir', dataDir])
    expect(missing.code).toBe(2)
    expect(missing.all).toContain('The running sandbox has no Entra app no-such-app')
  })

  it("decrypts an encrypted Response with the sandbox SP's key from the data directory", async () => {
    const answer = await fetch(
      `${sandbox.idp.url}/sandbox/api/servicePrincipals/${servicePrincipalId}/saml/encryption`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${sandbox.idp.graphApiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ enabled: true }),
      },
    )
    expect(answer.status).toBe(200)
    try {
      const file = await capturedResponse()
      const withKey = await inspect([file, '--org', orgId, '--data-dir', dataDir, '--json'])
      expect(withKey.code, withKey.all).toBe(0)
      const message = (JSON.parse(withKey.out) as InspectionReport).messages[0]
      expect(message?.decryption).toMatchObject({
        status: 'decrypted',
        detail: expect.stringContaining("the sandbox Webex SP's encryption key"),
      })
      expect(message?.decryptedAssertionXml).toContain('<AttributeValue>')
      const elsewhere = join(work, 'no-such-dir')
      const withoutKey = await inspect([file, '--data-dir', elsewhere])
      expect(withoutKey.code).toBe(1)
      expect(withoutKey.out).toContain('the inspector has no key to decrypt it')
      const state = JSON.parse(readFileSync(join(dataDir, 'sp', 'state.json'), 'utf8')) as {
        data: { encryptionCertificate: { privateKeyPem: string } }
      }
      const keyFile = join(work, 'sp-key.pem')
      writeFileSync(keyFile, state.data.encryptionCertificate.privateKeyPem)
      const given = await inspect([file, '--key', keyFile, '--data-dir', elsewhere])
      expect(given.out).toContain('decrypted: decrypted with --key sp-key.pem')
    } finally {
      await fetch(`${sandbox.idp.url}/sandbox/api/servicePrincipals/${servicePrincipalId}/saml/encryption`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${sandbox.idp.graphApiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ enabled: false }),
      })
    }
  })
})
