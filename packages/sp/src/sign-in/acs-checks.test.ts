import { createPublicKey } from 'node:crypto'
import { fixedClock, NAMEID_FORMAT, offsetClock } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestSp, enableSsoWith, sessionCookieOf, type TestSp } from '../test-support/harness'
import { createIdpSide, type IdpSide, type ResponseOptions } from '../test-support/idp-side'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const SKEW_MS = 180_000
const USER = 'b.simon@contoso.com'

let sp: TestSp
let idp: IdpSide
let forger: IdpSide

beforeAll(async () => {
  sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
  idp = await createIdpSide(sp.runtime, sp.entity())
  forger = await createIdpSide(sp.runtime, sp.entity(), { certificate: 'self-signed' })
  expect(forger.certificatePem).not.toBe(idp.certificatePem)
  await enableSsoWith(sp, idp)
  const added = await sp.services.users.add({ firstName: 'B.', lastName: 'Simon', email: USER })
  if (!added.ok) throw new Error(added.error.code)
})

/** A refused case: what to post instead of the genuine Response (and from which browser). */
interface RefusedCase {
  readonly name: string
  readonly code: string
  /** A function when it needs what beforeAll built. */
  readonly response?: ResponseOptions | (() => ResponseOptions)
  /** Post this instead (XML), built from the genuine Response. */
  readonly rewrite?: (genuine: string) => string
  /** Post this raw value as SAMLResponse (not base64-encoded here). */
  readonly raw?: string
  readonly browser?: 'other' | 'none'
}

const CASES: RefusedCase[] = [
  { name: 'an unsigned assertion', code: 'SSO_ASSERTION_UNSIGNED', response: { signAssertion: false } },
  {
    name: 'a signed Response around an unsigned assertion',
    code: 'SSO_ASSERTION_UNSIGNED',
    response: { signAssertion: false, signResponse: true },
  },
  {
    name: 'a signature by a certificate not in the metadata',
    code: 'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
    response: () => ({ signer: { key: forger.key, certificatePem: forger.certificatePem } }),
  },
  {
    name: 'an attribute changed after signing',
    code: 'SSO_INVALID_SIGNATURE',
    rewrite: (xml) =>
      xml.replace(
        `<AttributeValue>${USER}</AttributeValue>`,
        '<AttributeValue>admin@contoso.com</AttributeValue>',
      ),
  },
  { name: 'an RSA-SHA1 signature', code: 'SSO_DEPRECATED_ALGORITHM', response: { algorithm: 'rsa-sha1' } },
  {
    name: 'another issuer',
    code: 'SSO_UNTRUSTED_ISSUER',
    response: { issuer: 'https://sts.windows.net/other/' },
  },
  {
    name: 'a Response Issuer other than the IdP',
    code: 'SSO_UNTRUSTED_ISSUER',
    response: { responseIssuer: 'https://sts.windows.net/other/' },
  },
  {
    name: 'a Destination other than the ACS',
    code: 'SSO_DESTINATION_MISMATCH',
    response: { destination: 'https://sp.example/acs' },
  },
  {
    name: 'a Recipient other than the ACS',
    code: 'SSO_RECIPIENT_MISMATCH',
    response: { recipient: 'https://sp.example/acs' },
  },
  {
    name: 'an expired SubjectConfirmationData',
    code: 'SSO_ASSERTION_EXPIRED',
    response: { confirmationNotOnOrAfter: T0 - SKEW_MS - 1000 },
  },
  {
    name: 'an InResponseTo this SP never sent',
    code: 'SSO_INRESPONSETO_MISMATCH',
    response: { inResponseTo: '_never-sent' },
  },
  { name: 'a Response posted by another browser', code: 'SSO_INRESPONSETO_MISMATCH', browser: 'other' },
  {
    name: 'a Response posted without the browser cookie',
    code: 'SSO_INRESPONSETO_MISMATCH',
    browser: 'none',
  },
  {
    name: 'an assertion not yet valid (beyond the skew)',
    code: 'SSO_ASSERTION_NOT_YET_VALID',
    response: { notBefore: T0 + SKEW_MS + 1000 },
  },
  {
    name: 'an expired assertion (beyond the skew)',
    code: 'SSO_ASSERTION_EXPIRED',
    response: { notOnOrAfter: T0 - SKEW_MS - 1000 },
  },
  {
    name: 'an assertion without Conditions',
    code: 'SSO_CONDITIONS_MISSING',
    response: { withoutConditions: true },
  },
  {
    name: 'an assertion for another SP',
    code: 'SSO_AUDIENCE_MISMATCH',
    response: { audience: 'https://idbroker.webex.com/another-org' },
  },
  {
    name: 'a persistent NameID',
    code: 'SSO_NAMEID_FORMAT',
    response: { nameIdFormat: NAMEID_FORMAT.persistent },
  },
  {
    name: 'an empty NameID',
    code: 'SSO_NAMEID_MISSING',
    response: { nameId: '', attributes: { uid: USER } },
  },
  {
    name: 'an IdP error status',
    code: 'SSO_IDP_ERROR',
    response: {
      status: {
        code: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
        message: 'AADSTS50105: The signed in user is not assigned to a role for the application.',
      },
    },
  },
  { name: 'two assertions', code: 'SSO_ASSERTION_COUNT', response: { extraAssertion: true } },
  {
    name: 'an assertion encrypted to another key',
    code: 'SSO_DECRYPTION_FAILED',
    response: () => ({ encryptTo: createPublicKey(forger.certificatePem) }),
  },
  { name: 'a SAMLResponse that is not base64', code: 'SSO_MALFORMED_RESPONSE', raw: '%%% not base64 %%%' },
  {
    name: 'a Response with a DOCTYPE',
    code: 'SSO_MALFORMED_RESPONSE',
    rewrite: (xml) => `<!DOCTYPE r [<!ENTITY x "y">]>${xml}`,
  },
]

describe('the ACS refuses, creating nothing', () => {
  it.each(CASES)('$name: $code', async (c) => {
    const started = await sp.startSignIn()
    const genuine = idp.response({ inResponseTo: started.requestId })
    const options = typeof c.response === 'function' ? c.response() : c.response
    let xml = options ? idp.response({ inResponseTo: started.requestId, ...options }) : genuine
    if (c.rewrite) {
      xml = c.rewrite(genuine)
      expect(xml).not.toBe(genuine)
    }
    const browser =
      c.browser === 'other' ? 'another-browser-0123456789ab' : c.browser === 'none' ? null : started.browser
    const before = sp.store.read()
    const refused = c.raw
      ? await sp.app.request(`/idb/Consumer/metaAlias/${sp.orgId}/sp`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: `webex_sandbox_browser=${started.browser}`,
          },
          body: new URLSearchParams({ SAMLResponse: c.raw }).toString(),
        })
      : await sp.postToAcs(xml, { browser })
    expect(refused.status).toBe(403)
    const page = await refused.text()
    expect(page).toContain(c.code)
    expect(sessionCookieOf(refused)).toBeNull()
    expect(sp.store.read()).toBe(before)
    const attempts = (await sp.api('GET', '/api/v1/sign-ins')).json.attempts
    expect(attempts.at(-1)).toMatchObject({ outcome: 'failure', code: c.code, purpose: 'sign-in' })
    if (c.code === 'SSO_IDP_ERROR') expect(page).toContain('AADSTS50105')
    // The log names the user only from a verified assertion, never from a forged or changed one.
    expect([null, '', USER]).toContain(attempts.at(-1).user)
    if (c.code === 'SSO_AUDIENCE_MISMATCH') expect(attempts.at(-1).user).toBe(USER)
    if (/SIGN|ALGORITHM/.test(c.code)) expect(attempts.at(-1).user).toBeNull()
    // Nothing was consumed: the genuine Response for the same request still signs in.
    const accepted = await sp.postToAcs(genuine, { browser: started.browser })
    expect(accepted.status).toBe(303)
    expect(sessionCookieOf(accepted)).not.toBeNull()
  })
})

describe('ACS boundaries', () => {
  it('accepts an assertion just inside the clock skew on both sides', async () => {
    for (const window of [{ notBefore: T0 + SKEW_MS - 1000 }, { notOnOrAfter: T0 - SKEW_MS + 1000 }]) {
      const started = await sp.startSignIn()
      const accepted = await sp.postToAcs(idp.response({ inResponseTo: started.requestId, ...window }), {
        browser: started.browser,
      })
      expect(accepted.status).toBe(303)
    }
  })

  it('refuses a replayed assertion, and a second answer to the same request', async () => {
    const unsolicited = idp.response()
    expect((await sp.postToAcs(unsolicited)).status).toBe(303)
    const replayed = await sp.postToAcs(unsolicited)
    expect(replayed.status).toBe(403)
    expect(await replayed.text()).toContain('SSO_REPLAYED_ASSERTION')

    const started = await sp.startSignIn()
    expect(
      (await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), { browser: started.browser }))
        .status,
    ).toBe(303)
    const again = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
      browser: started.browser,
    })
    expect(await again.text()).toContain('SSO_INRESPONSETO_MISMATCH')
  })

  it('decrypts an assertion encrypted to the Webex encryption certificate', async () => {
    const started = await sp.startSignIn()
    const encryptTo = createPublicKey(sp.store.read().encryptionCertificate.certificatePem)
    const accepted = await sp.postToAcs(idp.response({ inResponseTo: started.requestId, encryptTo }), {
      browser: started.browser,
    })
    expect(accepted.status).toBe(303)
    const session = await sp.app.request('/api/v1/session', {
      headers: { cookie: sessionCookieOf(accepted) ?? '' },
    })
    const checks = ((await session.json()) as { checks: { name: string }[] }).checks.map((c) => c.name)
    expect(checks).toContain('Decryption')
  })

  it('accepts RSA-SHA1 only when allowSha1 is on', async () => {
    const settings = await sp.api('PATCH', '/api/v1/sso/settings', { allowSha1: true })
    expect(settings.status).toBe(200)
    try {
      const started = await sp.startSignIn()
      const accepted = await sp.postToAcs(
        idp.response({ inResponseTo: started.requestId, algorithm: 'rsa-sha1' }),
        {
          browser: started.browser,
        },
      )
      expect(accepted.status).toBe(303)
    } finally {
      await sp.api('PATCH', '/api/v1/sso/settings', { allowSha1: false })
    }
  })

  it('expires pending requests after 10 minutes', async () => {
    const clock = sp.runtime.clock as ReturnType<typeof offsetClock>
    const started = await sp.startSignIn()
    clock.setOffset(10 * 60_000 + 1000)
    try {
      const late = await sp.postToAcs(
        idp.response({ inResponseTo: started.requestId, now: T0 + 10 * 60_000 }),
        { browser: started.browser },
      )
      expect(late.status).toBe(403)
      expect(await late.text()).toContain('SSO_INRESPONSETO_MISMATCH')
    } finally {
      clock.setOffset(0)
    }
  })
})
