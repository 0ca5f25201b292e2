import type { IncomingMessage } from 'node:http'
import { readPage } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../http/request-facts'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, setUpSamlApp } from '../test-support/saml-app'
import { STAY_SIGNED_IN_ANSWERED_NO } from '../test-support/sign-in-steps'

const BOUNDS = { pending: { capacity: 12, perSession: 3 }, sessions: { capacity: 6, perUser: 2 } }

let t: TestIdp
let simon: { upn: string; password: string }

beforeEach(async () => {
  t = await createTestIdp({ memoryBounds: BOUNDS })
  const { spId } = await setUpSamlApp(t)
  simon = { upn: 'b.simon@contoso.com', password: 'Simon-Password-1' }
  const created = await t.services.directory.createUser({
    userPrincipalName: simon.upn,
    displayName: 'B. Simon',
    password: simon.password,
  })
  if (!created.ok) throw new Error(created.error.message)
  const assigned = await t.services.assignments.assign({
    resourceId: spId,
    principalId: created.value.user.id,
  })
  if (!assigned.ok) throw new Error(assigned.error.message)
})

const from = (address: string) => ({
  incoming: { socket: { remoteAddress: address } } as unknown as IncomingMessage,
})

/** Sends an AuthnRequest from `address` (with the IdP session cookie, if any): the sign-in page's fields. */
async function openSignIn(address: string, cookie?: string, forceAuthn = false) {
  const xml = authnRequestXml(forceAuthn ? { attributes: ' ForceAuthn="true"' } : {})
  const started = await t.app.request(
    redirectUrl(t, xml).replace(t.url, ''),
    { headers: cookie ? { cookie } : {} },
    from(address),
  )
  expect(started.status).toBe(302)
  const location = started.headers.get('location') ?? ''
  const page = await t.app.request(location, {}, from(address))
  const form = readPage(await page.text(), new URL(location, t.url)).forms[0]
  if (!form) throw new Error(`no sign-in form at ${location}`)
  return Object.fromEntries(form.fields.map((f) => [f.name, f.value]))
}

/** Submits the sign-in page: `signed-in` (the Response form and a session cookie) or the error code shown. */
async function submit(
  fields: Record<string, string>,
  user: { upn: string; password: string },
  address: string,
) {
  const response = await t.app.request(
    `/${t.tenantId}/login`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: t.url,
        cookie: STAY_SIGNED_IN_ANSWERED_NO,
      },
      body: new URLSearchParams({ ...fields, login: user.upn, passwd: user.password }).toString(),
    },
    from(address),
  )
  const html = await response.text()
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0]
  if (html.includes('name="SAMLResponse"')) return { outcome: 'signed-in' as const, cookie: cookie ?? '' }
  return { outcome: /AADSTS\d+/.exec(html)?.[0] ?? `HTTP ${response.status}`, cookie: cookie ?? '' }
}

const admin = () => ({ upn: 'admin@contoso.com', password: t.adminPassword })

async function hasSession(cookie: string): Promise<boolean> {
  const response = await t.app.request('/myapps', { headers: { cookie } }, from('127.0.0.1'))
  return response.status === 200
}

describe('open sign-in pages under a flood of AuthnRequests', () => {
  it('lets anonymous AuthnRequests from any 127.x address replace only their own source’s pages', async () => {
    const victim = await openSignIn('192.0.2.10')
    const neighbour = await openSignIn('2001:db8:0:7::10')
    const flood = []
    for (let i = 0; i < 40; i += 1) flood.push(await openSignIn(`127.${i % 3}.0.${i + 1}`))
    expect(await submit(flood[0] as Record<string, string>, admin(), '127.0.0.1')).toMatchObject({
      outcome: 'AADSTS50089',
    })
    expect(await submit(flood[39] as Record<string, string>, admin(), '127.0.0.1')).toMatchObject({
      outcome: 'signed-in',
    })
    expect(await submit(victim, simon, '192.0.2.10')).toMatchObject({ outcome: 'signed-in' })
    expect(await submit(neighbour, simon, '2001:db8:0:7::10')).toMatchObject({ outcome: 'signed-in' })
  })

  it('lets a signed-in browser that floods ForceAuthn requests replace only its own pages, on the same machine', async () => {
    const victim = await openSignIn('127.0.0.1')
    const flooder = await submit(await openSignIn('127.0.0.1'), admin(), '127.0.0.1')
    const flood = []
    for (let i = 0; i < 40; i += 1) flood.push(await openSignIn('127.0.0.1', flooder.cookie, true))
    expect(await submit(flood[0] as Record<string, string>, admin(), '127.0.0.1')).toMatchObject({
      outcome: 'AADSTS50089',
    })
    expect(await submit(victim, simon, '127.0.0.1')).toMatchObject({ outcome: 'signed-in' })
  })
})

describe('IdP sessions under a flood of sign-ins', () => {
  it("ends only the flooding user's own oldest sessions, however many browsers they use", async () => {
    const victim = await submit(await openSignIn('127.0.0.1'), simon, '127.0.0.1')
    const flood = []
    for (let i = 0; i < 10; i += 1)
      flood.push(await submit(await openSignIn('127.0.0.1'), admin(), '127.0.0.1'))
    expect(flood.every((f) => f.outcome === 'signed-in')).toBe(true)
    expect(await hasSession(victim.cookie)).toBe(true)
    expect(await hasSession(flood[9]?.cookie ?? '')).toBe(true)
    expect(await hasSession(flood[8]?.cookie ?? '')).toBe(true)
    expect(await hasSession(flood[7]?.cookie ?? '')).toBe(false)
  })

  it('keeps the total bounded when many users sign in', async () => {
    const cookies = []
    for (let i = 0; i < 10; i += 1) {
      const user = { upn: `user-${i}@contoso.com`, password: 'User-Password-1' }
      const created = await t.services.directory.createUser({
        userPrincipalName: user.upn,
        displayName: `User ${i}`,
        password: user.password,
      })
      if (!created.ok) throw new Error(created.error.message)
      // Unassigned users get AADSTS50105 after signing in, and their session still opens.
      cookies.push((await submit(await openSignIn('127.0.0.1'), user, '127.0.0.1')).cookie)
    }
    const live = await Promise.all(cookies.map(hasSession))
    expect(live.filter(Boolean)).toHaveLength(BOUNDS.sessions.capacity)
    expect(live.slice(-BOUNDS.sessions.capacity).every(Boolean)).toBe(true)
  })
})
