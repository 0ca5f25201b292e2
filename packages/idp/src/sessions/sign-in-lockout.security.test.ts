import type { IncomingMessage } from 'node:http'
import { beforeEach, describe, expect, it } from 'vitest'
import { PUBLIC_CLIENTS } from '../oauth/token-endpoint'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, setUpSamlApp } from '../test-support/saml-app'
import { STAY_SIGNED_IN_ANSWERED_NO } from '../test-support/sign-in-steps'
import { THROTTLE_LIMITS } from './sign-in-throttle'

let t: TestIdp
let fields: Record<string, string>
let simon: { id: string; password: string }

beforeEach(async () => {
  t = await createTestIdp()
  const { spId } = await setUpSamlApp(t)
  const created = await t.services.directory.createUser({
    userPrincipalName: 'b.simon@contoso.com',
    displayName: 'B. Simon',
    mail: 'britta.simon@contoso.com',
    password: 'Simon-Password-1',
  })
  if (!created.ok) throw new Error(created.error.message)
  simon = { id: created.value.user.id, password: 'Simon-Password-1' }
  const assigned = await t.services.assignments.assign({ resourceId: spId, principalId: simon.id })
  if (!assigned.ok) throw new Error(assigned.error.message)
  const page = await t.browser().open(redirectUrl(t, authnRequestXml()))
  const form = page.facts.forms[0]
  if (!form) throw new Error('no sign-in form')
  fields = Object.fromEntries(form.fields.map((f) => [f.name, f.value]))
})

/** The Node binding the server hands the app: the socket's address is all the throttle may trust. */
function from(address: string) {
  return { incoming: { socket: { remoteAddress: address } } as unknown as IncomingMessage }
}

async function login(name: string, passwd: string, address = '127.0.0.1') {
  const response = await t.app.request(
    `/${t.tenantId}/login`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: t.url,
        cookie: STAY_SIGNED_IN_ANSWERED_NO,
      },
      body: new URLSearchParams({ ...fields, login: name, passwd }).toString(),
    },
    from(address),
  )
  return { status: response.status, text: await response.text() }
}

async function ropc(username: string, password: string, address = '127.0.0.1') {
  const response = await t.app.request(
    `/${t.tenantId}/oauth2/v2.0/token`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: PUBLIC_CLIENTS[0] as string,
        scope: 'https://graph.microsoft.com/.default',
        username,
        password,
      }).toString(),
    },
    from(address),
  )
  return { status: response.status, json: (await response.json()) as { error_codes?: number[] } }
}

async function lockWith(name: string, address = '127.0.0.1'): Promise<void> {
  for (let i = 0; i < THROTTLE_LIMITS.accountFailures; i += 1) await login(name, `wrong-${i}`, address)
}

/** A correct password answered with the lockout page: the account is locked, whatever it was called. */
async function expectLocked(name: string, password: string, address = '127.0.0.1'): Promise<void> {
  const answer = await login(name, password, address)
  expect(answer.status, `sign-in page as "${name}"`).toBe(429)
  expect(answer.text).toContain('Your account is temporarily locked')
}

async function expectSignedIn(name: string, password: string, address: string): Promise<void> {
  const answer = await login(name, password, address)
  expect(answer.status, `sign-in page as "${name}" from ${address}`).toBe(200)
  expect(answer.text).toContain('name="SAMLResponse"')
}

describe('one lock per account, whatever the account is called', () => {
  it('locks the account for its name with a leading space, in another case, by mail and by object id', async () => {
    await lockWith('b.simon@contoso.com')
    for (const name of [
      ' b.simon@contoso.com',
      'b.simon@contoso.com ',
      '\tB.Simon@Contoso.COM',
      'britta.simon@contoso.com',
      'BRITTA.SIMON@contoso.com ',
      simon.id,
      simon.id.toUpperCase(),
    ])
      await expectLocked(name, simon.password, '192.0.2.10')
  })

  it('counts failures under every name of the account towards one lock', async () => {
    const names = [' b.simon@contoso.com', 'B.SIMON@contoso.com', 'britta.simon@contoso.com', simon.id]
    for (let i = 0; i < THROTTLE_LIMITS.accountFailures; i += 1)
      await login(names[i % names.length] as string, `wrong-${i}`)
    await expectLocked('b.simon@contoso.com', simon.password, '192.0.2.10')
  })

  it('refuses a token for the account on the token endpoint once the sign-in page locked it, and the reverse', async () => {
    await lockWith('b.simon@contoso.com')
    for (const name of [
      ' b.simon@contoso.com',
      'B.Simon@contoso.com',
      'britta.simon@contoso.com',
      simon.id,
    ]) {
      const answer = await ropc(name, simon.password, '192.0.2.10')
      expect(answer.json.error_codes, `token endpoint as "${name}"`).toEqual([50053])
    }
    for (let i = 0; i < THROTTLE_LIMITS.accountFailures; i += 1)
      await ropc(' admin@contoso.com', `wrong-${i}`)
    await expectLocked('admin@contoso.com', t.adminPassword, '192.0.2.10')
  })

  it('signs in under each of those names when the password is right and the account is not locked', async () => {
    for (const name of [
      ' b.simon@contoso.com',
      'B.Simon@contoso.com',
      'britta.simon@contoso.com',
      simon.id,
    ]) {
      const answer = await ropc(name, simon.password)
      expect(answer.status, `token endpoint as "${name}"`).toBe(200)
    }
    await expectSignedIn(' Britta.Simon@contoso.com', simon.password, '127.0.0.1')
  })

  it('answers a locked unknown account exactly as a locked real one', async () => {
    await lockWith('b.simon@contoso.com')
    await lockWith('nobody@contoso.com')
    const real = await login('b.simon@contoso.com', 'anything', '192.0.2.10')
    const unknown = await login('nobody@contoso.com', 'anything', '192.0.2.10')
    expect([real.status, unknown.status]).toEqual([429, 429])
    const page = (answer: { text: string }, name: string) =>
      answer.text.replaceAll(name, '').replace(/name="flowToken" value="[^"]*"/, '')
    expect(page(unknown, 'nobody@contoso.com')).toBe(page(real, 'b.simon@contoso.com'))
    const token = await ropc('nobody@contoso.com', 'anything', '192.0.2.10')
    expect(token.json.error_codes).toEqual([50053])
  })
})

describe('the per-address limit', () => {
  /** Failures for distinct unknown accounts, so only the address limit can lock. */
  async function spray(addresses: (i: number) => string): Promise<void> {
    for (let i = 0; i < THROTTLE_LIMITS.addressFailures; i += 1)
      await login(`nobody-${i}@contoso.com`, 'wrong', addresses(i))
  }

  it('treats every loopback address (127.0.0.0/8, ::1, IPv4-mapped) as one machine', async () => {
    await spray((i) => `127.${i % 7}.${i % 11}.${(i % 250) + 1}`)
    for (const address of ['127.0.0.1', '127.200.3.4', '::1', '::ffff:127.0.0.1'])
      await expectLocked('b.simon@contoso.com', simon.password, address)
    expect((await ropc('b.simon@contoso.com', simon.password, '127.9.9.9')).json.error_codes).toEqual([50053])
    await expectSignedIn('b.simon@contoso.com', simon.password, '192.0.2.10')
  })

  it('groups IPv6 addresses by /64', async () => {
    await spray((i) => `2001:db8:0:7::${(i + 1).toString(16)}`)
    await expectLocked('b.simon@contoso.com', simon.password, '2001:db8:0:7:ffff:1:2:3')
    await expectLocked('b.simon@contoso.com', simon.password, '2001:0db8:0000:0007::abcd')
    await expectSignedIn('b.simon@contoso.com', simon.password, '2001:db8:0:8::1')
  })

  it('counts IPv4 by address, written plainly or IPv4-mapped', async () => {
    await spray(() => '192.0.2.20')
    await expectLocked('b.simon@contoso.com', simon.password, '::ffff:192.0.2.20')
    await expectSignedIn('b.simon@contoso.com', simon.password, '192.0.2.21')
  })
})

describe('guesses sent all at once', () => {
  const codes = async (answers: Promise<{ json: { error_codes?: number[] } }>[]) =>
    (await Promise.all(answers)).map((a) => a.json.error_codes?.[0])

  it('checks no more passwords of one account than its limit, however many arrive together', async () => {
    const answers = await codes(
      Array.from({ length: 40 }, (_, i) => ropc('b.simon@contoso.com', `guess-${i}`, `192.0.2.${i + 1}`)),
    )
    expect(answers.filter((c) => c === 50126)).toHaveLength(THROTTLE_LIMITS.accountFailures)
    expect(answers.filter((c) => c === 50053)).toHaveLength(40 - THROTTLE_LIMITS.accountFailures)
    await expectLocked('b.simon@contoso.com', simon.password, '192.0.2.200')
  })

  it('checks no more passwords from one source than its limit, however many arrive together', async () => {
    const answers = await codes(
      Array.from({ length: 50 }, (_, i) => ropc(`nobody-${i}@contoso.com`, 'guess', `127.0.${i}.1`)),
    )
    expect(answers.filter((c) => c === 50126)).toHaveLength(THROTTLE_LIMITS.addressFailures)
    expect(answers.filter((c) => c === 50053)).toHaveLength(50 - THROTTLE_LIMITS.addressFailures)
  })

  it('lets honest sign-ins of one account run side by side', async () => {
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => ropc('b.simon@contoso.com', simon.password)),
    )
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 25 }, () => 200))
  })
})
