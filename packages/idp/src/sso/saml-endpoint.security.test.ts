import { deflateRawSync } from 'node:zlib'
import {
  certificateToDer,
  childNamed,
  descendantsNamed,
  issueLeafCertificate,
  NS,
  parseXml,
  type RsaKeyPair,
  readPage,
  serializeXml,
  signEnveloped,
  signIn,
  textOf,
  trustCertificate,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, postToSaml2, redirectUrl, SP, setUpSamlApp } from '../test-support/saml-app'

let t: TestIdp
let spId: string
let spKey: RsaKeyPair
beforeEach(async () => {
  t = await createTestIdp()
  ;({ spId } = await setUpSamlApp(t))
  spKey = await t.runtime.keys.take()
})

async function requireSignedRequests(allowSha1 = false): Promise<void> {
  const certificate = issueLeafCertificate(t.runtime.ca, {
    profile: 'saml-signing',
    commonName: 'SP signing',
    key: spKey,
    validityDays: 30,
    now: t.runtime.clock.now(),
  })
  const set = await t.services.samlConfig.setRequestVerification(spId, {
    required: true,
    certificates: [certificate.certificatePem],
    allowSha1,
  })
  if (!set.ok) throw new Error(set.error.message)
}

function signedRequest(xml = authnRequestXml()): Document {
  const doc = parseXml(xml, { maxBytes: 1 << 20, maxDepth: 64 })
  if (!doc.ok) throw new Error(doc.error.message)
  const root = doc.value.documentElement
  signEnveloped(
    root,
    childNamed(root, NS.assertion, 'Issuer'),
    { privateKey: spKey.privateKey, certificatesBase64: [] },
    'rsa-sha256',
  )
  return doc.value
}

const text = async (response: Response) => readPage(await response.text(), new URL(t.url)).text
const get = (url: string) => Promise.resolve(t.app.request(url.replace(t.url, '')))

describe('signed AuthnRequests ("Require verification certificates")', () => {
  it('accepts a POST-binding request signed by the registered certificate', async () => {
    await requireSignedRequests()
    const response = await postToSaml2(t, serializeXml(signedRequest()))
    expect(response.status).toBe(302)
  })

  it('refuses a tampered request and a wrapped one (a signed element moved into the request)', async () => {
    await requireSignedRequests()
    const tampered = serializeXml(signedRequest()).replace(SP.acs, 'https://sp.test/saml/acs2')
    expect(await text(await postToSaml2(t, tampered))).toContain('AADSTS75005')
    // The attacker's outer request carries its own values; the genuinely signed one hides inside.
    const inner = serializeXml(signedRequest()).replace(/^<samlp:AuthnRequest /, '<samlp:AuthnRequest ')
    const wrapped = authnRequestXml({
      id: '_outer',
      children: `<samlp:Extensions>${inner}</samlp:Extensions>`,
    })
    expect(await text(await postToSaml2(t, wrapped))).toContain('AADSTS76021')
    const signature = /<Signature[\s\S]*<\/Signature>/.exec(serializeXml(signedRequest()))?.[0] ?? ''
    const moved = authnRequestXml({ id: '_outer2' }).replace('</saml:Issuer>', `</saml:Issuer>${signature}`)
    expect(await text(await postToSaml2(t, moved))).toContain('AADSTS75005')
  })

  it('checks Redirect signatures over the raw query: RSA-SHA256 passes, SHA-1 only when allowed, re-encoding fails', async () => {
    await requireSignedRequests()
    const signing = { privateKey: spKey.privateKey, algorithm: 'rsa-sha256' as const }
    const url = redirectUrl(t, authnRequestXml(), { relayState: 'a b/c', signing })
    expect((await get(url)).status).toBe(302)
    const reencoded = url.replace(/%2F/g, '%2f')
    expect(reencoded).not.toBe(url)
    expect(await text(await get(reencoded))).toContain('AADSTS75005')
    const sha1 = redirectUrl(t, authnRequestXml(), { signing: { ...signing, algorithm: 'rsa-sha1' } })
    expect(await text(await get(sha1))).toContain('AADSTS75005')
    await requireSignedRequests(true)
    expect((await get(sha1)).status).toBe(302)
  })

  it('does not check signatures when verification is not required (as Entra)', async () => {
    const tampered = serializeXml(signedRequest()).replace('id6c1c178c', 'idchanged0')
    expect((await postToSaml2(t, tampered)).status).toBe(302)
  })
})

describe('hostile messages', () => {
  it('refuses entity declarations, deflate bombs and oversized bodies quickly, without a response', async () => {
    const began = performance.now()
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${authnRequestXml()}`
    expect(await text(await get(redirectUrl(t, laughs)))).toContain('AADSTS75005')
    const bomb = encodeURIComponent(deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 32)).toString('base64'))
    expect(await text(await get(`/${t.tenantId}/saml2?SAMLRequest=${bomb}`))).toContain('exceeds')
    const huge = await t.app.request(`/${t.tenantId}/saml2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `SAMLRequest=${'A'.repeat(2 * 1024 * 1024)}`,
    })
    expect(huge.status).toBe(413)
    expect(performance.now() - began).toBeLessThan(2000)
  })

  it('escapes user data in the signed assertion: an injected Attribute stays text (CVE-2026-46490)', async () => {
    const injection = 'x</AttributeValue></Attribute><Attribute Name="role"><AttributeValue>admin'
    const admin = t.store.read().users[0]?.id ?? ''
    await t.services.directory.updateUser(admin, { displayName: injection })
    const result = await signIn({
      startUrl: redirectUrl(t, authnRequestXml()),
      username: 'admin@contoso.com',
      password: t.adminPassword,
      browser: t.browser(),
    })
    if (!result.ok) throw new Error(result.error.message)
    const doc = parseXml(result.value.samlResponse.xml, { maxBytes: 1 << 20, maxDepth: 64 })
    if (!doc.ok) throw new Error(doc.error.message)
    const names = descendantsNamed(doc.value, NS.assertion, 'Attribute').map((a) => a.getAttribute('Name'))
    expect(names).not.toContain('role')
    const displayName = descendantsNamed(doc.value, NS.assertion, 'Attribute').find((a) =>
      a.getAttribute('Name')?.endsWith('/displayname'),
    )
    expect(textOf(childNamed(displayName as Element, NS.assertion, 'AttributeValue') as Element)).toBe(
      injection,
    )
    const app = t.store.read().apps[0]
    const pem = app?.saml.certificates[0]?.certificatePem ?? ''
    const assertion = childNamed(doc.value.documentElement, NS.assertion, 'Assertion') as Element
    expect(
      verifyEnvelopedSignature(assertion, {
        trusted: [trustCertificate(certificateToDer(pem) as Buffer)],
        allowSha1: false,
      }).ok,
    ).toBe(true)
  })

  it('never sends an assertion to an unregistered reply URL, even with a session', async () => {
    const browser = t.browser()
    const first = await signIn({
      startUrl: redirectUrl(t, authnRequestXml()),
      username: 'admin@contoso.com',
      password: t.adminPassword,
      browser,
    })
    expect(first.ok).toBe(true)
    const page = await browser.open(
      redirectUrl(t, authnRequestXml({ acsUrl: 'https://evil.test/acs', id: '_evil' })),
    )
    expect(page.status).toBe(400)
    expect(page.facts.forms).toEqual([])
    expect(browser.samlMessages().filter((m) => m.parameter === 'SAMLResponse')).toHaveLength(1)
  })
})

describe('the sign-in page', () => {
  async function loginPage(browser = t.browser()) {
    const page = await browser.open(redirectUrl(t, authnRequestXml()))
    const form = page.facts.forms[0]
    if (!form) throw new Error('no sign-in form')
    return { browser, page, form }
  }

  it('answers unknown accounts and wrong passwords identically, and locks after 10 failures (429)', async () => {
    const { browser, page, form } = await loginPage()
    const unknown = await browser.submit(page, form, { login: 'nobody@contoso.com', passwd: 'wrong' })
    const wrong = await browser.submit(page, form, { login: 'admin@contoso.com', passwd: 'wrong' })
    expect([unknown.status, wrong.status]).toEqual([200, 200])
    expect(unknown.facts.text.replace('nobody@contoso.com', '')).toBe(
      wrong.facts.text.replace('admin@contoso.com', ''),
    )
    expect(wrong.facts.text).toContain('Your account or password is incorrect.')
    for (let i = 0; i < 9; i += 1)
      await browser.submit(page, form, { login: 'admin@contoso.com', passwd: `wrong${i}` })
    const last = await browser.submit(page, form, { login: 'admin@contoso.com', passwd: 'wrong-again' })
    expect(last.status).toBe(429)
    expect(last.facts.text).toContain('Your account is temporarily locked')
    const evenRight = await browser.submit(page, form, {
      login: 'admin@contoso.com',
      passwd: t.adminPassword,
    })
    expect(evenRight.status).toBe(429)
    expect(t.services.signInLog.list()[0]?.errorCode).toBe(50053)
  })

  it('refuses a POST without the site’s Origin, or with a wrong or spent flow token, and changes nothing', async () => {
    const { form } = await loginPage()
    const body = new URLSearchParams(form.fields.map((f) => [f.name, f.value]))
    body.set('login', 'admin@contoso.com')
    body.set('passwd', t.adminPassword)
    const post = (headers: Record<string, string>, fields = body) =>
      Promise.resolve(
        t.app.request(`/${t.tenantId}/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: fields.toString(),
        }),
      )
    expect((await post({})).status).toBe(403)
    expect((await post({ origin: 'https://evil.test' })).status).toBe(403)
    const forged = new URLSearchParams(body)
    forged.set('flowToken', 'forged')
    expect(await text(await post({ origin: t.url }, forged))).toContain('AADSTS50089')
    const ok = await post({ origin: t.url })
    expect(ok.status).toBe(200)
    const stay = readPage(await ok.text(), new URL(`${t.url}/${t.tenantId}/login`)).forms[0]
    expect(stay?.buttons.map((b) => b.label)).toEqual(['No', 'Yes'])
    // The password form is spent once the password was right: only "Stay signed in?" goes on.
    expect(await text(await post({ origin: t.url }))).toContain('AADSTS50089')
    const answer = new URLSearchParams(stay?.fields.map((f) => [f.name, f.value]))
    answer.set('staySignedIn', 'no')
    const kmsi = (headers: Record<string, string>) =>
      Promise.resolve(
        t.app.request(`/${t.tenantId}/kmsi`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: answer.toString(),
        }),
      )
    expect((await kmsi({})).status).toBe(403)
    const signedIn = await kmsi({ origin: t.url })
    expect(signedIn.headers.get('set-cookie')).toMatch(
      /^idp_session=[A-Za-z0-9_-]{43,}; Path=\/; HttpOnly; SameSite=Lax$/,
    )
    expect(await text(await kmsi({ origin: t.url }))).toContain('AADSTS50089')
  })

  it('rotates the session id at every sign-in', async () => {
    const { browser } = await loginPage()
    const first = await signIn({
      startUrl: redirectUrl(t, authnRequestXml()),
      username: 'admin@contoso.com',
      password: t.adminPassword,
      browser,
    })
    const before = browser.jar.cookiesFor(new URL(t.url))[0]?.value
    const again = await signIn({
      startUrl: redirectUrl(t, authnRequestXml({ attributes: ' ForceAuthn="true"' })),
      username: 'admin@contoso.com',
      password: t.adminPassword,
      browser,
    })
    expect(first.ok && again.ok).toBe(true)
    const after = browser.jar.cookiesFor(new URL(t.url))[0]?.value
    expect(after).not.toBe(before)
    expect(t.services.sessions.get(before)).toBeNull()
  })
})
