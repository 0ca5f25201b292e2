import {
  findBreakCase,
  type RunningSandbox,
  rehearse,
  silentOutput,
  startSandboxServers as startSandbox,
} from 'sso-rehearsal-sandbox'
import { runTrace } from 'sso-rehearsal-sandbox/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(async () => {
  await sandbox?.close()
})

const target = () => ({
  idp: { baseUrl: sandbox.idp.url, token: sandbox.idp.graphApiToken },
  sp: { baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken },
})

describe('a failed sign-in in the rehearsal links to its trace', () => {
  it('--break clock-skew: prints the trace command, whose diagnosis names the expired assertion, the clock and the fix', async () => {
    const breakCase = findBreakCase('clock-skew')
    if (!breakCase) throw new Error('the clock-skew exercise is gone')
    const result = await rehearse(target(), { fromScratch: true, breakCase, output: silentOutput })
    const last = result.logs.at(-1)
    expect(last?.status).toBe('passed')
    const actions = last?.actions.join('\n') ?? ''
    const command = /Trace of this sign-in: (pnpm sandbox trace (_[\w-]+))/.exec(actions)
    expect(command?.[1]).toBe(last?.produced.trace)
    const diagnosis = String(last?.produced.diagnosis)
    expect(diagnosis).toMatch(/Validity window: The assertion expired 1 h (\d+ min )?ago \(NotOnOrAfter/)
    expect(diagnosis).toContain('the IdP clock is behind')
    expect(diagnosis).toContain('Fix:')

    // The command itself shows both sides and the same diagnosis; the sign-in failed (exit 1).
    let out = ''
    const code = await runTrace(
      target(),
      { id: command?.[2] ?? '', json: false, exportTo: null },
      (t) => (out += t),
    )
    expect(code).toBe(1)
    expect(out).toContain('Webex (SP): failure')
    expect(out).toContain('Entra (IdP): success')
    expect(out).toMatch(/FAIL .* Subject confirmation: SSO_ASSERTION_EXPIRED: .* Fix: Check the clocks/)
    expect(out).toContain('Validity window: The assertion expired')
  })
})
