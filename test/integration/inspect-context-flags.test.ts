import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InspectionReport } from '@sandbox/shared'
import { runInspectCommand } from 'sso-rehearsal-sandbox/cli'
import { afterAll, describe, expect, it } from 'vitest'
import { REAL_FIXTURES_DIR, WIREAPP_METADATA, WIREAPP_RESPONSE } from '../support/real-fixtures'

const work = mkdtempSync(join(tmpdir(), 'inspect-flags-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** `pnpm sandbox inspect …` in process, with --json: the exit status and the report. */
async function inspect(args: readonly string[]): Promise<{ code: number; report: InspectionReport }> {
  let out = ''
  const code = await runInspectCommand([...args, '--json'], { stdout: (t) => (out += t), stderr: () => {} })
  return { code, report: JSON.parse(out) as InspectionReport }
}

const check = (report: InspectionReport, name: string) =>
  report.messages.flatMap((m) => m.checks).find((c) => c.name === name)

const SP_METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idbroker.webex.com/example-org">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idbroker.webex.com/idb/Consumer/metaAlias/example-org/sp" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`

describe('pnpm sandbox inspect against metadata files (--idp-metadata, --sp-metadata)', () => {
  it("verifies the real 2018 Response with the tenant's Federation Metadata XML, as of 2018 and now", async () => {
    const args = [
      join(REAL_FIXTURES_DIR, WIREAPP_RESPONSE),
      '--idp-metadata',
      join(REAL_FIXTURES_DIR, WIREAPP_METADATA),
    ]
    const then = await inspect([...args, '--at', '2018-04-14T10:00:00Z'])
    const signature = check(then.report, 'Assertion signature') ?? check(then.report, 'Response signature')
    expect(signature?.status).toBe('passed')
    expect(check(then.report, 'Issuer')?.status).toBe('passed')
    const now = await inspect(args)
    expect(now.code).toBe(1)
    const window = check(now.report, 'Validity window')
    expect(window?.status === 'failed' && window.message).toMatch(/The assertion expired \d+ (years?|d)/)
  })

  it("names both entityIDs and Entra's Basic SAML Configuration when the Audience is not the Webex org's", async () => {
    const file = join(work, 'webex-sp.xml')
    writeFileSync(file, SP_METADATA)
    const { code, report } = await inspect([
      join(REAL_FIXTURES_DIR, WIREAPP_RESPONSE),
      '--sp-metadata',
      file,
      '--at',
      '2018-04-14T10:00:00Z',
    ])
    expect(code).toBe(1)
    const audience = check(report, 'Audience')
    expect(audience?.status).toBe('failed')
    if (audience?.status !== 'failed') return
    expect(audience.message).toContain('https://zb2.zerobuzz.net:60443/authresp')
    expect(audience.message).toContain('https://idbroker.webex.com/example-org')
    expect(audience.fix).toContain('Basic SAML Configuration')
  })

  it('exit 2 when a metadata file is of the other side, saying which flag to use', async () => {
    let err = ''
    const code = await runInspectCommand(
      [join(REAL_FIXTURES_DIR, WIREAPP_RESPONSE), '--sp-metadata', join(REAL_FIXTURES_DIR, WIREAPP_METADATA)],
      { stdout: () => {}, stderr: (t) => (err += t) },
    )
    expect(code).toBe(2)
    expect(err).toContain('--idp-metadata')
  })
})
