import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeRedirectBinding, encodePostBinding, fixedClock, type Runtime } from '@sandbox/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../test/support/test-runtime'
import { BROWSER_COOKIE, SESSION_COOKIE } from './http/cookies'
import { type RunningSp, startSp } from './server'
import { acsPath } from './sso-setup/sp-entity'
import { createIdpSide, type IdpSide } from './test-support/idp-side'

const PUBLIC_URL = 'http://localhost:7080'
const USER = 'b.simon@contoso.com'

let dir: string
let running: RunningSp | null = null
afterEach(async () => {
  await running?.close()
  running = null
  rmSync(dir, { recursive: true, force: true })
})

const start = (runtime: Runtime) =>
  startSp(
    { host: '127.0.0.1', port: 0, dataDir: dir, reset: false, https: false, publicUrl: PUBLIC_URL },
    runtime,
  )

/** A request over the real socket (the public URL is only what the SP tells browsers and the IdP). */
function call(sp: RunningSp, path: string, init: RequestInit & { admin?: boolean } = {}) {
  const headers = new Headers(init.headers)
  if (init.admin) headers.set('authorization', `Bearer ${sp.adminApiToken}`)
  return fetch(`http://127.0.0.1:${sp.port}${path}`, { ...init, headers, redirect: 'manual' })
}

const json = (value: unknown) => ({
  method: 'POST',
  admin: true,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
})

/** Sign-on URL → AuthnRequest → Response from `idp` → ACS; returns the ACS answer. */
async function signIn(sp: RunningSp, idp: IdpSide, path = acsPath(sp.orgId)) {
  const startPage = await call(sp, path)
  expect(startPage.status).toBe(302)
  const request = decodeRedirectBinding(new URL(startPage.headers.get('location') ?? '').search)
  if (!request.ok) throw new Error(request.error.message)
  const requestId = /\sID="([^"]+)"/.exec(request.value.xml)?.[1]
  const browser = startPage.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${BROWSER_COOKIE}=`))
    ?.split(';')[0]
  return call(sp, acsPath(sp.orgId), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: browser ?? '' },
    body: new URLSearchParams({
      SAMLResponse: encodePostBinding(idp.response({ inResponseTo: requestId })),
    }).toString(),
  })
}

describe('the SP server', () => {
  it('keeps the org, tokens, SSO configuration, settings, trust store and users across a restart; not sessions', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sp-restart-'))
    const runtime = await createTestRuntime({ clock: fixedClock(Date.parse('2026-03-01T10:00:00Z')) })
    running = await start(runtime)
    const first = running
    expect(first).toMatchObject({ url: PUBLIC_URL, firstStart: true })
    expect(first.adminApiToken.length).toBeGreaterThanOrEqual(32)
    expect(first.scimToken.length).toBeGreaterThanOrEqual(32)
    const idp = await createIdpSide(runtime, {
      entityId: `https://idbroker.webex.com/${first.orgId}`,
      acsUrl: `${PUBLIC_URL}${acsPath(first.orgId)}`,
    })

    expect(
      (await call(first, '/api/v1/sso/settings', { ...json({ clockSkewSeconds: 120 }), method: 'PATCH' }))
        .status,
    ).toBe(200)
    expect(
      (await call(first, '/api/v1/org', { ...json({ name: 'Fabrikam' }), method: 'PATCH' })).status,
    ).toBe(200)
    expect(
      (
        await call(
          first,
          '/api/v1/sso/idp-metadata',
          json({ xml: idp.metadata({ chain: true }), trustMode: 'ca-signed' }),
        )
      ).status,
    ).toBe(200)
    const test = (await (await call(first, '/api/v1/sso/test', { method: 'POST', admin: true })).json()) as {
      url: string
    }
    expect((await signIn(first, idp, new URL(test.url).pathname)).status).toBe(200)
    expect((await call(first, '/api/v1/sso/enable', { method: 'POST', admin: true })).status).toBe(200)
    expect(
      (await call(first, '/api/v1/users', json({ email: USER, firstName: 'B.', lastName: 'Simon' }))).status,
    ).toBe(201)
    const signedIn = await signIn(first, idp)
    expect(signedIn.status).toBe(303)
    const session =
      signedIn.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
        ?.split(';')[0] ?? ''
    expect((await call(first, '/api/v1/session', { headers: { cookie: session } })).status).toBe(200)
    const statusBefore = await (await call(first, '/api/v1/sso', { admin: true })).json()
    await first.close()

    running = await start(runtime)
    const second = running
    expect(second).toMatchObject({
      firstStart: false,
      orgId: first.orgId,
      adminApiToken: first.adminApiToken,
      scimToken: first.scimToken,
    })
    expect(await (await call(second, '/api/v1/sso', { admin: true })).json()).toEqual(statusBefore)
    expect(await (await call(second, '/api/v1/org', { admin: true })).json()).toMatchObject({
      name: 'Fabrikam',
    })
    // Sessions live in memory: the old cookie is gone, and a new sign-in works at once.
    expect((await call(second, '/api/v1/session', { headers: { cookie: session } })).status).toBe(401)
    expect((await signIn(second, idp)).status).toBe(303)
  })

  it('resets the sandbox: no SSO configuration and no users, same org id and tokens', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sp-reset-'))
    const runtime = await createTestRuntime()
    running = await start(runtime)
    const sp = running
    const idp = await createIdpSide(runtime, {
      entityId: `https://idbroker.webex.com/${sp.orgId}`,
      acsUrl: `${PUBLIC_URL}${acsPath(sp.orgId)}`,
    })
    await call(
      sp,
      '/api/v1/sso/idp-metadata',
      json({ xml: idp.metadata({ chain: true }), trustMode: 'ca-signed' }),
    )
    expect((await call(sp, '/api/v1/users', json({ email: USER }))).status).toBe(201)
    const before = (await (await call(sp, '/api/v1/users', { admin: true })).json()) as { total: number }
    expect(before.total).toBe(1)
    const reset = await call(sp, '/api/v1/sandbox/reset', { method: 'POST', admin: true })
    expect(reset.status).toBe(200)
    const status = (await (await call(sp, '/api/v1/sso', { admin: true })).json()) as Record<string, unknown>
    expect(status).toMatchObject({ enabled: false, pending: null, active: null, lastTest: null })
    const users = (await (await call(sp, '/api/v1/users', { admin: true })).json()) as { total: number }
    expect(users.total).toBe(0)
    const org = (await (await call(sp, '/api/v1/org', { admin: true })).json()) as { orgId: string }
    expect(org.orgId).toBe(sp.orgId)
  })
})
