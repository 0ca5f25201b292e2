import {
  descendantsNamed,
  encodePostBinding,
  encodeRedirectBinding,
  issueLeafCertificate,
  NS,
  parseXml,
  type RsaKeyPair,
  readPage,
  serializeXml,
  signEnveloped,
  signIn,
  textOf,
} from '@sandbox/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { authnRequestXml } from '../../packages/idp/src/test-support/saml-app'
import { deeplyNested, deflateBomb, entityAttacks } from './corpus/hostile-xml'
import { createResponseSource, type ResponseSource, webexIdentity } from './corpus/idp-response'
import { startXxeProbes, type XxeProbes } from './corpus/probes'
import { first, parseCorpusXml } from './corpus/xml-kit'

/**
 * Hostile XML at the IdP's SSO endpoint, and AuthnRequests from unknown issuers, to unregistered
 * ACS URLs, unsigned or wrongly signed, plus sign-in throttling: the IdP never answers a refused request
 * with a SAML Response, sets no session cookie, and leaves its stored state untouched.
 * See also packages/idp/src/sso/saml-endpoint.security.test.ts and http/pages.security.test.ts,
 * which test the same checks from inside the IdP package.
 */
let source: ResponseSource
let probes: XxeProbes
let spKey: RsaKeyPair

beforeAll(async () => {
  probes = await startXxeProbes()
})
afterAll(async () => {
  await probes.close()
})
beforeEach(async () => {
  source = await createResponseSource(webexIdentity('6a1d2b11-idp-security'))
  spKey = await source.idp.runtime.keys.take()
})

const tenantPath = (): string => `/${source.idp.tenantId}/saml2`
const request = (xml = authnRequestXml({ issuer: source.sp.entityId, acsUrl: source.sp.acsUrl })) => xml
const snapshot = (): string => JSON.stringify(source.idp.store.read())

async function viaRedirect(query: string): Promise<Response> {
  return source.idp.app.request(`${tenantPath()}?${query}`)
}

async function viaPost(body: string): Promise<Response> {
  return source.idp.app.request(tenantPath(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  })
}

const redirectOf = (
  xml: string,
  extra: Parameters<typeof encodeRedirectBinding>[0] = { parameter: 'SAMLRequest', xml },
) => viaRedirect(encodeRedirectBinding({ ...extra, xml }))
const postOf = (xml: string) =>
  viaPost(new URLSearchParams({ SAMLRequest: encodePostBinding(xml) }).toString())

interface Refusal {
  readonly status: number
  readonly text: string
}

/** Asserts the answer is a refusal that sent no SAML message and opened no session; returns its text. */
async function expectRefused(response: Response, before: string): Promise<Refusal> {
  const html = await response.text()
  const page = readPage(html, new URL(source.idp.url))
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect(page.forms.some((f) => f.fields.some((field) => field.name === 'SAMLResponse'))).toBe(false)
  expect(response.headers.get('set-cookie')).toBeNull()
  expect(html).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/) // no stack trace
  expect(snapshot()).toBe(before)
  return { status: response.status, text: page.text || html }
}

async function requireSignedRequests(allowSha1 = false): Promise<void> {
  const certificate = issueLeafCertificate(source.idp.runtime.ca, {
    profile: 'saml-signing',
    commonName: 'Webex SP signing',
    key: spKey,
    validityDays: 30,
    now: source.idp.runtime.clock.now(),
  })
  const set = await source.idp.services.samlConfig.setRequestVerification(source.spId, {
    required: true,
    certificates: [certificate.certificatePem],
    allowSha1,
  })
  if (!set.ok) throw new Error(set.error.message)
}

function signedRequestXml(xml = request()): string {
  const doc = parseCorpusXml(xml)
  const root = doc.documentElement
  signEnveloped(
    root,
    first(root, 'Issuer'),
    { privateKey: spKey.privateKey, certificatesBase64: [] },
    'rsa-sha256',
  )
  return serializeXml(doc)
}

describe('any DOCTYPE is refused before parsing (IdP SSO)', () => {
  it('refuses a bare DOCTYPE on the Redirect and POST bindings with AADSTS75005', async () => {
    const before = snapshot()
    const xml = `<!DOCTYPE samlp:AuthnRequest>${request()}`
    expect((await expectRefused(await redirectOf(xml), before)).text).toContain('AADSTS75005')
    expect((await expectRefused(await postOf(xml), before)).text).toContain('AADSTS75005')
  })
})

describe('entity expansion and external entities (IdP SSO)', () => {
  it('refuses billion laughs, file and parameter entities and external DTDs within 1 s, touching nothing', async () => {
    const before = snapshot()
    for (const [name, xml] of entityAttacks(request(), probes)) {
      for (const send of [redirectOf, postOf]) {
        const began = performance.now()
        const refusal = await expectRefused(await send(xml), before)
        expect(performance.now() - began, name).toBeLessThan(1000)
        expect(refusal.text, name).toContain('AADSTS75005')
        expect(refusal.text, name).not.toContain(probes.marker)
      }
    }
    expect(probes.hits()).toBe(0)
  })
})

describe('oversized, deeply nested and deflate-bomb messages (IdP SSO)', () => {
  it('answers 413 to a 10 MB body, refuses 50 000-deep nesting and a 20 MB deflate bomb, and keeps serving', async () => {
    const before = snapshot()
    const huge = await viaPost(`SAMLRequest=${'A'.repeat(10 * 1024 * 1024)}`)
    expect((await expectRefused(huge, before)).status).toBe(413)
    const deep = deeplyNested(request(), 50_000)
    expect((await expectRefused(await postOf(deep), before)).text).toContain('AADSTS75005')
    const bomb = await viaRedirect(`SAMLRequest=${encodeURIComponent(deflateBomb(20 * 1024 * 1024))}`)
    expect((await expectRefused(bomb, before)).text).toMatch(/AADSTS75005.*exceeds|exceeds/)
    // The process is still up and serves a legitimate request.
    expect((await redirectOf(request())).status).toBe(302)
  })
})

describe('missing, non-base64, non-XML, wrong-root and unparsable bodies (IdP SSO)', () => {
  it('answers 4xx with a plain reason, no stack trace, for each', async () => {
    const before = snapshot()
    const bodies: ReadonlyArray<readonly [string, string]> = [
      ['application/x-www-form-urlencoded', 'RelayState=x'],
      ['application/x-www-form-urlencoded', 'SAMLRequest=%%%not-base64'],
      [
        'application/x-www-form-urlencoded',
        `SAMLRequest=${encodeURIComponent(Buffer.from('not xml').toString('base64'))}`,
      ],
      [
        'application/x-www-form-urlencoded',
        `SAMLRequest=${encodeURIComponent(encodePostBinding('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'))}`,
      ],
      // A multipart type without a boundary once made the form parser throw (a 500); found by fuzz.test.ts.
      ['multipart/form-data', 'SAMLRequest=x'],
      [
        'multipart/form-data; boundary=zz',
        '--zz\r\nContent-Disposition: form-data; name="SAMLRequest"\r\n\r\nabc',
      ],
    ]
    for (const [type, body] of bodies) {
      const response = await source.idp.app.request(tenantPath(), {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      })
      const refusal = await expectRefused(response, before)
      expect(refusal.text, body).toMatch(/AADSTS\d+/)
    }
  })
})

describe('AuthnRequest from an unknown Issuer', () => {
  it('shows AADSTS700016 and sends no Response', async () => {
    const before = snapshot()
    const xml = authnRequestXml({
      issuer: 'https://idbroker.webex.com/unknown-org',
      acsUrl: source.sp.acsUrl,
    })
    for (const send of [redirectOf, postOf]) {
      expect((await expectRefused(await send(xml), before)).text).toContain('AADSTS700016')
    }
  })
})

describe('unregistered AssertionConsumerServiceURL or index', () => {
  it('shows AADSTS50011 for an unknown URL or index, even to a signed-in browser, and never posts there', async () => {
    const browser = source.idp.browser()
    const signedIn = await signIn({
      startUrl: `${source.idp.url}${tenantPath()}?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml: request() })}`,
      username: source.adminUpn,
      password: source.adminPassword,
      browser,
    })
    expect(signedIn.ok).toBe(true)
    const before = snapshot()
    for (const xml of [
      authnRequestXml({ issuer: source.sp.entityId, acsUrl: 'https://evil.test/acs', id: '_evilacs' }),
      authnRequestXml({
        issuer: source.sp.entityId,
        acsUrl: null,
        id: '_evilindex',
        attributes: ' AssertionConsumerServiceIndex="7"',
      }),
    ]) {
      const page = await browser.open(
        `${source.idp.url}${tenantPath()}?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml })}`,
      )
      expect(page.status).toBe(400)
      expect(page.facts.text).toContain('AADSTS50011')
      expect(page.facts.forms).toEqual([])
    }
    expect(browser.samlMessages().filter((m) => m.parameter === 'SAMLResponse')).toHaveLength(1)
    expect(snapshot()).toBe(before)
  })
})

describe('signed requests required: unsigned, bad signature, wrapped (GHSA-63ch-w8pw-4mf2)', () => {
  it('refuses each one and still accepts the correctly signed request', async () => {
    await requireSignedRequests()
    const before = snapshot()
    expect((await expectRefused(await postOf(request()), before)).text).toContain('AADSTS76021')
    const tampered = signedRequestXml().replace(source.sp.acsUrl, `${source.sp.acsUrl}/x`)
    expect((await expectRefused(await postOf(tampered), before)).text).toContain('AADSTS75005')
    // #634 shape: the attacker's outer request carries the values; the signed one hides inside.
    const wrapped = authnRequestXml({
      id: '_outer',
      issuer: source.sp.entityId,
      acsUrl: source.sp.acsUrl,
      children: `<samlp:Extensions>${signedRequestXml()}</samlp:Extensions>`,
    })
    expect((await expectRefused(await postOf(wrapped), before)).text).toMatch(/AADSTS76021|AADSTS75005/)
    // The signed request's Signature moved into an attacker request with its own ID.
    const signature = /<Signature[\s\S]*<\/Signature>/.exec(signedRequestXml())?.[0] ?? ''
    const moved = authnRequestXml({
      id: '_moved',
      issuer: source.sp.entityId,
      acsUrl: source.sp.acsUrl,
    }).replace('</saml:Issuer>', `</saml:Issuer>${signature}`)
    expect((await expectRefused(await postOf(moved), before)).text).toContain('AADSTS75005')
    expect((await postOf(signedRequestXml())).status).toBe(302)
  })
})

describe('Redirect binding: unknown or rsa-sha1 SigAlg, signature over a re-encoded query', () => {
  it('refuses each with AADSTS75005', async () => {
    await requireSignedRequests()
    const before = snapshot()
    const signing = { privateKey: spKey.privateKey, algorithm: 'rsa-sha256' as const }
    const good = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: request(),
      relayState: 'a b/c',
      signing,
    })
    const unknown = good.replace(
      /SigAlg=[^&]+/,
      `SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#hmac-sha256')}`,
    )
    const sha1 = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: request(),
      signing: { ...signing, algorithm: 'rsa-sha1' },
    })
    const reencoded = good.replace(/%2F/g, '%2f')
    expect(reencoded).not.toBe(good)
    for (const query of [unknown, sha1, reencoded]) {
      expect((await expectRefused(await viaRedirect(query), before)).text).toContain('AADSTS75005')
    }
    expect((await viaRedirect(good)).status).toBe(302)
  })
})

describe('attribute values escaped in the signed assertion (CVE-2026-46490)', () => {
  it('keeps an injected Attribute as the text of displayname', async () => {
    const injection = 'x</AttributeValue></Attribute><Attribute Name="role"><AttributeValue>admin'
    const admin = source.idp.store.read().users[0]?.id ?? ''
    await source.idp.services.directory.updateUser(admin, { displayName: injection })
    const doc = parseXml(await source.issue(), { maxBytes: 1 << 20, maxDepth: 64 })
    if (!doc.ok) throw new Error(doc.error.message)
    const attributes = descendantsNamed(doc.value, NS.assertion, 'Attribute')
    expect(attributes.map((a) => a.getAttribute('Name'))).not.toContain('role')
    const displayName = attributes.find((a) => a.getAttribute('Name')?.endsWith('/displayname'))
    expect(textOf(first(displayName as Element, 'AttributeValue'))).toBe(injection)
    const configured = source.idp.store.read().apps.find((a) => a.servicePrincipal.id === source.spId)
    // Exactly the fixed Entra claims plus the configured ones: nothing injected.
    expect(attributes.length).toBe(5 + (configured?.saml.claims.length ?? 0))
  })
})

describe('sign-in throttling, identical failures, session rotation', () => {
  async function loginPage(browser = source.idp.browser()) {
    const page = await browser.open(
      `${source.idp.url}${tenantPath()}?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml: request() })}`,
    )
    const form = page.facts.forms[0]
    if (!form) throw new Error('no sign-in form')
    return { browser, page, form }
  }

  it('answers unknown user and wrong password alike, sets no cookie, and locks with 429 after 10 failures', async () => {
    const before = snapshot()
    const { browser, page, form } = await loginPage()
    const unknown = await browser.submit(page, form, { login: 'nobody@contoso.com', passwd: 'wrong' })
    const wrong = await browser.submit(page, form, { login: source.adminUpn, passwd: 'wrong' })
    expect([unknown.status, wrong.status]).toEqual([200, 200])
    expect(unknown.facts.text.replace('nobody@contoso.com', '')).toBe(
      wrong.facts.text.replace(source.adminUpn, ''),
    )
    const statuses: number[] = []
    for (let i = 0; i < 18; i += 1) {
      statuses.push(
        (await browser.submit(page, form, { login: source.adminUpn, passwd: `wrong${i}` })).status,
      )
    }
    // Failures of the admin: 1 above + 9 here; the attempt after the 10th is locked out.
    expect(statuses.indexOf(429)).toBe(9)
    expect(statuses.slice(9).every((s) => s === 429)).toBe(true)
    expect(browser.jar.cookiesFor(new URL(source.idp.url))).toEqual([])
    const evenRight = await browser.submit(page, form, {
      login: source.adminUpn,
      passwd: source.adminPassword,
    })
    expect(evenRight.status).toBe(429)
    expect(snapshot()).toBe(before)
  })

  it('issues a new session id at every sign-in and invalidates the old one', async () => {
    const browser = source.idp.browser()
    const start = () =>
      `${source.idp.url}${tenantPath()}?${encodeRedirectBinding({
        parameter: 'SAMLRequest',
        xml: authnRequestXml({
          issuer: source.sp.entityId,
          acsUrl: source.sp.acsUrl,
          attributes: ' ForceAuthn="true"',
        }),
      })}`
    const sign = () =>
      signIn({ startUrl: start(), username: source.adminUpn, password: source.adminPassword, browser })
    expect((await sign()).ok).toBe(true)
    const first = browser.jar.cookiesFor(new URL(source.idp.url))[0]?.value
    expect((await sign()).ok).toBe(true)
    const second = browser.jar.cookiesFor(new URL(source.idp.url))[0]?.value
    expect(first).toBeTruthy()
    expect(second).not.toBe(first)
    expect(source.idp.services.sessions.get(first as string)).toBeNull()
  })
})
