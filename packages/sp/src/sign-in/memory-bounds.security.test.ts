import { type AdjustableClock, fixedClock, offsetClock } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { createTestSp, enableSsoWith, sessionCookieOf, type TestSp } from '../test-support/harness'
import { createIdpSide, type IdpSide } from '../test-support/idp-side'
import type { SpMemoryBounds } from './memory-stores'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const BOUNDS: SpMemoryBounds = {
  pending: { capacity: 20, perBrowser: 3 },
  sessions: { capacity: 8, perBrowser: 2, perUser: 4 },
  replay: 1000,
  logoutRequests: { capacity: 4, perUser: 2 },
}

async function setUp(bounds = BOUNDS): Promise<{ sp: TestSp; idp: IdpSide; clock: AdjustableClock }> {
  const clock = offsetClock(fixedClock(T0))
  const sp = await createTestSp({ clock, memoryBounds: bounds })
  const idp = await createIdpSide(sp.runtime, sp.entity())
  await enableSsoWith(sp, idp)
  for (const email of ['b.simon@contoso.com', 'mallory@contoso.com']) {
    const added = await sp.services.users.add({ firstName: 'X', lastName: 'Y', email })
    if (!added.ok) throw new Error(added.error.code)
  }
  return { sp, idp, clock }
}

const as = (nameId: string) => ({ nameId, attributes: { uid: nameId } })

/** Posts the IdP's answer to `started` from the browser that started it; the ACS's status and code. */
async function finish(sp: TestSp, idp: IdpSide, started: { requestId: string; browser: string }) {
  const page = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
    browser: started.browser,
  })
  const code = /SSO_[A-Z_]+/.exec(await page.text())?.[0] ?? null
  return { status: page.status, code, session: sessionCookieOf(page) }
}

async function sessionIsLive(sp: TestSp, cookie: string | null): Promise<boolean> {
  const response = await sp.app.request('/api/v1/session', { headers: { cookie: cookie ?? '' } })
  return response.status === 200
}

describe('pending AuthnRequests under a flood of Sign-on URL visits', () => {
  it("lets a browser that floods replace only its own oldest requests: the victim's sign-in completes", async () => {
    const { sp, idp } = await setUp()
    const victim = await sp.startSignIn({ address: '127.0.0.1' })
    const first = await sp.startSignIn({ address: '127.0.0.1' })
    const flood = [first]
    for (let i = 0; i < 60; i += 1)
      flood.push(await sp.startSignIn({ browser: first.browser, address: '127.0.0.1' }))
    expect(sp.memory.sizes().pending).toBe(1 + BOUNDS.pending.perBrowser)
    expect(await finish(sp, idp, first)).toMatchObject({ status: 403, code: 'SSO_INRESPONSETO_MISMATCH' })
    expect(await finish(sp, idp, flood[60] as typeof first)).toMatchObject({ status: 303 })
    expect(await finish(sp, idp, victim)).toMatchObject({ status: 303 })
  })

  it('lets clients that discard their cookie, from any 127.x address, replace only their own source’s requests', async () => {
    const { sp, idp } = await setUp()
    const victim = await sp.startSignIn({ address: '192.0.2.10' })
    const neighbour = await sp.startSignIn({ address: '2001:db8:0:7::1' })
    const flood = []
    for (let i = 0; i < 80; i += 1)
      flood.push(await sp.startSignIn({ address: `127.${i % 5}.${i % 7}.${i + 1}` }))
    expect(sp.memory.sizes().pending).toBe(BOUNDS.pending.capacity)
    // The flood's own oldest went first; what it still holds is its newest.
    expect(await finish(sp, idp, flood[0] as typeof victim)).toMatchObject({
      code: 'SSO_INRESPONSETO_MISMATCH',
    })
    expect(await finish(sp, idp, flood[79] as typeof victim)).toMatchObject({ status: 303 })
    expect(await finish(sp, idp, victim)).toMatchObject({ status: 303 })
    expect(await finish(sp, idp, neighbour)).toMatchObject({ status: 303 })
  })
})

describe('Webex sessions under a flood of sign-ins', () => {
  it("ends only the flooding browser's and the flooding user's own oldest sessions", async () => {
    const { sp, idp } = await setUp()
    const victim = await finish(sp, idp, await sp.startSignIn())
    expect(victim.status).toBe(303)
    // One browser signing in again and again (keeping its cookie)…
    const browser = (await sp.startSignIn()).browser
    for (let i = 0; i < 30; i += 1) {
      const started = await sp.startSignIn({ browser })
      const page = await sp.postToAcs(
        idp.response({ inResponseTo: started.requestId, ...as('mallory@contoso.com') }),
        { browser },
      )
      expect(page.status).toBe(303)
    }
    // …and IdP-initiated sign-ins of one user from browsers without any cookie.
    const cookieless = []
    for (let i = 0; i < 30; i += 1) {
      const page = await sp.postToAcs(idp.response(as('mallory@contoso.com')), { browser: null })
      expect(page.status, /SSO_[A-Z_]+/.exec(await page.clone().text())?.[0]).toBe(303)
      cookieless.push(sessionCookieOf(page))
    }
    expect(sp.memory.sizes().sessions).toBeLessThanOrEqual(1 + BOUNDS.sessions.perUser)
    expect(await sessionIsLive(sp, victim.session)).toBe(true)
    expect(await sessionIsLive(sp, cookieless[29] ?? null)).toBe(true)
    expect(await sessionIsLive(sp, cookieless[0] ?? null)).toBe(false)
  })

  it('keeps the total bounded when many users sign in', async () => {
    const { sp, idp } = await setUp()
    for (let i = 0; i < 12; i += 1) {
      const email = `user-${i}@contoso.com`
      const added = await sp.services.users.add({ firstName: 'U', lastName: String(i), email })
      if (!added.ok) throw new Error(added.error.code)
      expect((await sp.postToAcs(idp.response(as(email)), { browser: null })).status).toBe(303)
    }
    expect(sp.memory.sizes().sessions).toBe(BOUNDS.sessions.capacity)
  })
})

describe('the replay cache', () => {
  it('refuses an unsolicited Response rather than forget an assertion that could still be replayed', async () => {
    const replay = 5
    const { sp, idp, clock } = await setUp({ ...BOUNDS, replay })
    const used: string[] = []
    // Test SSO Connection's assertion (in setUp) holds one place already.
    while (sp.memory.sizes().replay < replay) {
      const xml = idp.response()
      expect((await sp.postToAcs(xml, { browser: null })).status).toBe(303)
      used.push(xml)
    }
    const refused = await sp.postToAcs(idp.response(), { browser: null })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('SSO_REPLAY_CACHE_FULL')
    // Every assertion accepted so far is still refused as a replay…
    for (const xml of used)
      expect(await (await sp.postToAcs(xml, { browser: null })).text()).toContain('SSO_REPLAYED_ASSERTION')
    // …answers to Webex's own requests are still accepted…
    expect(await finish(sp, idp, await sp.startSignIn())).toMatchObject({ status: 303 })
    // …and once the oldest assertions expire, there is room again.
    clock.setOffset(2 * 3600_000)
    expect((await sp.postToAcs(idp.response(), { browser: null })).status).toBe(303)
    expect(sp.memory.sizes().replay).toBeLessThanOrEqual(replay)
  })
})
