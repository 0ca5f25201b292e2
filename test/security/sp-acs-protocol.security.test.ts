import { X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { contextFor, expectAcsRefusal, expectAcsSuccess, hasSession, readAnswer } from './corpus/acs-kit'
import {
  type Attack,
  notBefore30SecondsAhead,
  PROTOCOL_CASES,
  type ResponseCase,
  VICTIM,
} from './corpus/response-cases'
import { createSandbox, type Sandbox } from './corpus/sandbox'
import { assertionOf, first, parseCorpusXml, resign, toXml } from './corpus/xml-kit'

/**
 * Protocol attacks at the Webex emulator's ACS (audience, times, recipient, InResponseTo, replay,
 * issuer, status, NameID, RelayState, a certificate that expires after import): inputs validly signed by
 * the trusted IdP that only the SP's protocol checks refuse. The org's clock skew is set to the
 * 120 s, so the boundary cases sit exactly 30 s inside and beyond it.
 */
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox()
  expect((await sandbox.sp.api('PATCH', '/api/v1/sso/settings', { clockSkewSeconds: 120 })).status).toBe(200)
  // The account an attacker wants exists, so a lax reading would sign in as it.
  const victim = await sandbox.sp.services.users.add({
    email: VICTIM,
    firstName: 'Chief',
    lastName: 'Executive',
  })
  if (!victim.ok) throw new Error(victim.error.code)
})

const casesOf = (...attacks: Attack[]): Array<readonly [string, ResponseCase]> =>
  PROTOCOL_CASES.filter((c) => attacks.includes(c.attack)).map((c) => [c.name, c] as const)

async function refuses(c: ResponseCase, on: Sandbox = sandbox): Promise<void> {
  const intercepted = await on.intercept()
  await expectAcsRefusal(on, intercepted, c.build(await contextFor(on, intercepted)), c.acs)
}

describe('comment injection in NameID and uid (CVE-2017-11427 family)', () => {
  it.each(casesOf('comment-injection'))('%s: never signs in as the victim', async (_name, c) => {
    const intercepted = await sandbox.intercept()
    const answer = await expectAcsRefusal(
      sandbox,
      intercepted,
      c.build(await contextFor(sandbox, intercepted)),
      c.acs,
    )
    // Refused because the full, signed value names no Webex user; the victim was never matched.
    expect(answer.text).toContain(`${VICTIM}.evil.test`)
  })
})

describe('Audience of another SP; AudienceRestriction missing', () => {
  it.each(casesOf('audience'))('%s', async (_name, c) => refuses(c))
})

describe('<Conditions> missing', () => {
  it.each(casesOf('conditions-missing'))('%s', async (_name, c) => refuses(c))
})

describe('NotOnOrAfter passed beyond the skew', () => {
  it.each(casesOf('expired'))('%s', async (_name, c) => refuses(c))
})

describe('NotBefore 10 min ahead refused; 30 s ahead with 120 s skew accepted', () => {
  it.each(casesOf('not-yet-valid'))('%s', async (_name, c) => refuses(c))

  it('accepts NotBefore 30 s ahead (inside the skew)', async () => {
    const intercepted = await sandbox.intercept()
    await expectAcsSuccess(
      sandbox,
      intercepted,
      notBefore30SecondsAhead(await contextFor(sandbox, intercepted)),
    )
  })
})

describe('SubjectConfirmationData expired; no bearer SubjectConfirmation', () => {
  it.each(casesOf('subject-confirmation'))('%s', async (_name, c) => refuses(c))
})

describe('Recipient or Destination other than the ACS URL', () => {
  it.each(casesOf('recipient-destination'))('%s', async (_name, c) => refuses(c))
})

describe('InResponseTo unknown, expired, of another browser, or differing', () => {
  it.each(casesOf('in-response-to'))('%s', async (_name, c) => refuses(c))

  it('refuses the Response in another browser than the one that started the sign-in', async () => {
    const intercepted = await sandbox.intercept()
    const other = { ...intercepted, browser: sandbox.browser() }
    await other.browser.open(`${sandbox.sp.url}/`) // gets its own browser cookie
    await expectAcsRefusal(sandbox, other, intercepted.responseXml, 'SSO_INRESPONSETO_MISMATCH')
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
  })

  it('refuses the Response once its request expired (10 minutes)', async () => {
    const local = await createSandbox()
    const intercepted = await local.intercept()
    local.idp.clock.setOffset(11 * 60_000)
    try {
      await expectAcsRefusal(local, intercepted, intercepted.responseXml, 'SSO_INRESPONSETO_MISMATCH', {
        pendingKept: false,
      })
    } finally {
      local.idp.clock.setOffset(0)
    }
  })
})

describe('unsolicited Response in SP-initiated-only mode (login CSRF)', () => {
  it.each(casesOf('unsolicited'))('%s', async (_name, c) => {
    const local = await createSandbox()
    expect((await local.sp.api('PATCH', '/api/v1/sso/settings', { allowIdpInitiated: false })).status).toBe(
      200,
    )
    await refuses(c, local)
  })
})

describe('replay of a consumed Response or assertion', () => {
  it('refuses the same Response twice and the same assertion again as an unsolicited one', async () => {
    const intercepted = await sandbox.intercept()
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
    const again = await readAnswer(await sandbox.postToAcs(intercepted.browser, intercepted.responseXml))
    expect(again.status).toBe(403)
    expect(again.text).toMatch(/Error code: SSO_(INRESPONSETO_MISMATCH|REPLAYED_ASSERTION)/)
    expect(again.sessionCookie).toBe(false)
    // The same signed assertion, made unsolicited (a new request could not match it): the replay cache refuses it.
    const ctx = await contextFor(sandbox, intercepted)
    const doc = parseCorpusXml(intercepted.responseXml)
    doc.documentElement.removeAttribute('InResponseTo')
    first(assertionOf(doc), 'SubjectConfirmationData').removeAttribute('InResponseTo')
    const unsolicited = parseCorpusXml(toXml(doc))
    resign(assertionOf(unsolicited), {
      privateKey: ctx.idpKey.privateKey,
      certificatesBase64: [ctx.idpKey.certificateBase64],
    })
    const before = sandbox.sp.store.read()
    const fresh = sandbox.browser()
    const replayed = await readAnswer(await sandbox.postToAcs(fresh, toXml(unsolicited)))
    expect(replayed.status).toBe(403)
    expect(replayed.text).toContain('Error code: SSO_REPLAYED_ASSERTION')
    expect(replayed.sessionCookie).toBe(false)
    expect(await hasSession(sandbox, fresh)).toBe(false)
    expect(sandbox.sp.store.read()).toBe(before)
  })
})

describe('Assertion or Response Issuer other than the IdP', () => {
  it.each(casesOf('issuer'))('%s', async (_name, c) => refuses(c))
})

describe('Status Responder / Requester', () => {
  it.each(casesOf('status'))('%s shows the status and signs nobody in', async (_name, c) => refuses(c))

  it('shows the IdP’s AADSTS message to the person', async () => {
    const c = PROTOCOL_CASES.find((p) => p.name === 'status-responder.no-assertion') as ResponseCase
    const intercepted = await sandbox.intercept()
    const answer = await expectAcsRefusal(
      sandbox,
      intercepted,
      c.build(await contextFor(sandbox, intercepted)),
      c.acs,
    )
    expect(answer.text).toContain('AADSTS50105')
  })
})

describe('empty NameID; disallowed NameID format', () => {
  it.each(casesOf('name-id'))('%s', async (_name, c) => {
    const local = await createSandbox()
    // NameID matching makes the NameID the identity, so an empty or disallowed NameID has nothing else to fall back on.
    expect((await local.sp.api('PATCH', '/api/v1/sso/settings', { matchUserBy: 'nameid' })).status).toBe(200)
    await refuses(c, local)
  })
})

describe('RelayState open-redirect attempts', () => {
  it.each(['https://evil.test', '//evil.test', '/\\evil.test', 'javascript:alert(1)', `/${'a'.repeat(100)}`])(
    'signs in and lands on the default page for RelayState %s',
    async (relayState) => {
      const viaSignOn = await sandbox.intercept({ relayState })
      const first = await expectAcsSuccess(sandbox, viaSignOn, viaSignOn.responseXml, { relayState })
      expect(first.location).toBe('/webex/home')
      // The same value posted to the ACS with an unsolicited Response is no redirect either.
      const plain = await sandbox.intercept()
      const second = await expectAcsSuccess(sandbox, plain, plain.responseXml, { relayState })
      expect(second.location).toBe('/webex/home')
    },
  )

  it('honours a local path', async () => {
    const intercepted = await sandbox.intercept({ relayState: '/webex/home?tab=meetings' })
    const answer = await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml, {
      relayState: '/webex/home?tab=meetings',
    })
    expect(answer.location).toBe('/webex/home?tab=meetings')
  })
})

describe('a certificate valid at import expires later (fake clock)', () => {
  it('refuses sign-in with CERT_EXPIRED once the IdP signing certificate has expired', async () => {
    const local = await createSandbox()
    const intercepted = await local.intercept()
    const validTo = Date.parse(new X509Certificate(local.idp.signingKey().certificatePem).validTo)
    local.idp.clock.setOffset(validTo - Date.now() + 86_400_000)
    try {
      // Freshly signed by the (now expired) trusted key with current times: only the certificate is wrong.
      const ctx = await contextFor(local, intercepted)
      const doc = parseCorpusXml(intercepted.responseXml)
      const assertion = assertionOf(doc)
      const now = local.idp.clock.now()
      first(assertion, 'Conditions').setAttributeNS(null, 'NotBefore', new Date(now - 60_000).toISOString())
      first(assertion, 'Conditions').setAttributeNS(
        null,
        'NotOnOrAfter',
        new Date(now + 3_600_000).toISOString(),
      )
      const scd = first(assertion, 'SubjectConfirmationData')
      scd.setAttributeNS(null, 'NotOnOrAfter', new Date(now + 3_600_000).toISOString())
      const reparsed = parseCorpusXml(toXml(doc))
      resign(assertionOf(reparsed), {
        privateKey: ctx.idpKey.privateKey,
        certificatesBase64: [ctx.idpKey.certificateBase64],
      })
      await expectAcsRefusal(local, intercepted, toXml(reparsed), 'CERT_EXPIRED', { pendingKept: false })
    } finally {
      local.idp.clock.setOffset(0)
    }
  })
})
