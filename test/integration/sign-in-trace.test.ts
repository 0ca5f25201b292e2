import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeadlessBrowser, type SignInTrace, signIn, statePaths } from '@sandbox/shared'
import { type RunningSandbox, requestJson, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { runInspectCommand, runTrace } from 'sso-rehearsal-sandbox/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpTutorial } from '../support/tutorial-setup'

const dataDir = mkdtempSync(join(tmpdir(), 'sign-in-trace-'))
let sandbox: RunningSandbox
let browser: HeadlessBrowser
let testUserPassword = ''
let traceId = ''

const target = () => ({
  idp: { baseUrl: sandbox.idp.url, token: sandbox.idp.graphApiToken },
  sp: { baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken },
})
const spGet = <T>(path: string) => requestJson<T>(target().sp, { method: 'GET', path })
const idpGet = <T>(path: string) => requestJson<T>(target().idp, { method: 'GET', path })

beforeAll(async () => {
  sandbox = await startSandbox({ dataDir })
  const setUp = await setUpTutorial(sandbox, 6)
  testUserPassword = setUp.password
  browser = new HeadlessBrowser()
  const result = await signIn({
    startUrl: setUp.signOnUrl,
    username: 'B.Simon@contoso.com',
    password: testUserPassword,
    browser,
  })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  const { attempts } = await spGet<{ attempts: { traceId?: string; outcome: string }[] }>('/api/v1/sign-ins')
  traceId = attempts.at(-1)?.traceId ?? ''
})
afterAll(async () => {
  await sandbox?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the trace of a sign-in, on both servers', () => {
  it("Webex's sign-in log names the trace; Webex traced the request sent, the Response, every ACS check, the user and the session", async () => {
    expect(traceId).toMatch(/^_/)
    const sp = await spGet<SignInTrace>(`/api/v1/traces/${traceId}`)
    expect(sp.outcome).toBe('success')
    const kinds = sp.steps.map((s) => s.kind)
    expect(kinds.slice(0, 2)).toEqual(['authn-request-sent', 'response-received'])
    expect(kinds.at(-1)).toBe('session')
    const titles = sp.steps.map((s) => s.title)
    expect(titles.indexOf('User match')).toBeGreaterThan(titles.indexOf('Audience'))
    const checks = sp.steps.filter((s) => s.kind === 'acs-check').map((s) => s.title)
    expect(checks).toEqual(
      expect.arrayContaining(['XML', 'Assertion signature', 'Audience', 'Validity window', 'Replay']),
    )
    expect(sp.steps.every((s) => s.outcome !== 'failed')).toBe(true)
    expect(sp.steps.find((s) => s.kind === 'authn-request-sent')?.message?.xml).toContain(`ID="${traceId}"`)
  })

  it("Entra's trace has the same id: the request as received, the decision (user, app, assignment, claims, certificate), the Response as sent", async () => {
    const idp = await idpGet<SignInTrace>(`/sandbox/api/traces/${traceId}`)
    const sp = await spGet<SignInTrace>(`/api/v1/traces/${traceId}`)
    expect(idp.id).toBe(traceId)
    expect(idp.outcome).toBe('success')
    const decision = idp.steps.find((s) => s.title === 'Decision')
    expect(decision?.facts?.user).toBe('B.Simon@contoso.com')
    expect(String(decision?.facts?.app)).toContain('Cisco Webex')
    expect(decision?.facts?.assignment).toMatch(/^assigned/)
    expect(decision?.facts?.certificateThumbprint).toMatch(/^[0-9A-F]{40}$/)
    expect(((decision?.facts?.claims ?? []) as string[]).some((c) => c.startsWith('uid = '))).toBe(true)
    const sent = idp.steps.find((s) => s.kind === 'response-sent')?.message?.xml
    const received = sp.steps.find((s) => s.kind === 'response-received')?.message?.xml
    expect(sent).toBeDefined()
    expect(received).toBe(sent)
    expect(idp.steps.find((s) => s.kind === 'authn-request-received')?.message?.xml).toBe(
      sp.steps.find((s) => s.kind === 'authn-request-sent')?.message?.xml,
    )
    // Entra's sign-in log entry leads to the same trace (the Trace tab of Sign-in logs).
    const { value } = await idpGet<{ value: { id: string; correlationId: string }[] }>('/sandbox/api/signIns')
    const entry = value.find((r) => idp.aliases.includes(r.correlationId))
    expect(entry).toBeDefined()
    expect((await idpGet<SignInTrace>(`/sandbox/api/signIns/${entry?.id}/trace`)).id).toBe(traceId)
  })

  it('answers an unknown id with 404 and what to do, and a bad limit with 400', async () => {
    const unknownSp = await fetch(`${sandbox.sp.url}/api/v1/traces/_nope`, {
      headers: { authorization: `Bearer ${sandbox.sp.adminApiToken}` },
    })
    expect(unknownSp.status).toBe(404)
    expect(((await unknownSp.json()) as { error: { fix: string } }).error.fix).toContain('GET /api/v1/traces')
    const unknownIdp = await fetch(`${sandbox.idp.url}/sandbox/api/traces/_nope`, {
      headers: { authorization: `Bearer ${sandbox.idp.graphApiToken}` },
    })
    expect(unknownIdp.status).toBe(404)
    for (const url of [
      `${sandbox.sp.url}/api/v1/traces?limit=x`,
      `${sandbox.idp.url}/sandbox/api/traces?limit=0`,
    ]) {
      const token = url.startsWith(sandbox.sp.url) ? sandbox.sp.adminApiToken : sandbox.idp.graphApiToken
      expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400)
    }
    expect((await fetch(`${sandbox.sp.url}/api/v1/traces`)).status).toBe(401)
  })
})

/** Every secret the sandbox holds: passwords, API and SCIM tokens, the Graph client secret, session ids, private keys. */
function sandboxSecrets(): string[] {
  const secrets = [
    sandbox.idp.firstStart?.adminPassword ?? '',
    testUserPassword,
    sandbox.idp.graphApiToken,
    sandbox.idp.automationClient.clientSecret,
    sandbox.sp.adminApiToken,
    sandbox.sp.scimToken,
    ...[sandbox.idp.url, sandbox.sp.url].flatMap((url) =>
      browser.jar.cookiesFor(new URL(url)).map((c) => c.value),
    ),
  ]
  for (const file of [statePaths(dataDir).idp, statePaths(dataDir).sp, statePaths(dataDir).ca]) {
    const text = JSON.parse(readFileSync(file, 'utf8')) as unknown
    const pems = JSON.stringify(text).match(/-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]+/g) ?? []
    // Each key's private part, line by line: any line of it would be a leak. The first lines
    // of an RSA key hold its modulus, which is public (every certificate of the key has it).
    for (const pem of pems)
      secrets.push(
        ...pem
          .split('\\n')
          .slice(9)
          .filter((line) => line.length >= 40),
      )
  }
  return secrets.filter((s) => s.length >= 6)
}

describe('the export of a trace', () => {
  it('joins both sides into one HAR that contains none of the secrets the sandbox holds', async () => {
    const secrets = sandboxSecrets()
    expect(secrets.length).toBeGreaterThan(12)
    expect(browser.jar.cookiesFor(new URL(sandbox.sp.url)).length).toBeGreaterThan(0)
    const exports = [
      await spGet<unknown>(`/api/v1/traces/${traceId}/export`),
      await idpGet<unknown>(`/sandbox/api/traces/${traceId}/export`),
    ]
    const file = join(dataDir, 'trace.har')
    let out = ''
    expect(await runTrace(target(), { id: traceId, json: false, exportTo: file }, (t) => (out += t))).toBe(0)
    expect(out).toContain('Diagnosis: every check of the SAML inspector passed.')
    const combined = readFileSync(file, 'utf8')
    for (const text of [combined, ...exports.map((e) => JSON.stringify(e))])
      for (const secret of secrets)
        expect(
          text.includes(secret),
          `a secret (${secret.slice(0, 6)}…, of ${secrets.indexOf(secret)}) is in the export`,
        ).toBe(false)
    const har = JSON.parse(combined) as { log: { entries: unknown[]; _sandboxTraces: SignInTrace[] } }
    expect(har.log.entries).toHaveLength(2)
    expect(har.log._sandboxTraces.map((t) => t.side)).toEqual(['sp', 'idp'])
  })

  it('is read by pnpm sandbox inspect: both messages of the conversation, in order', async () => {
    const file = join(dataDir, 'trace.har')
    let out = ''
    const code = await runInspectCommand([file, '--json'], {
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
    })
    const report = JSON.parse(out) as { detected: { form: string }; messages: { kind: string }[] }
    expect(report.detected.form).toBe('har')
    expect(report.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response'])
    expect([0, 1]).toContain(code)
  })
})
