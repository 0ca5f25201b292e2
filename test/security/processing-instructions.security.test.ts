import {
  encodePostBinding,
  issueLeafCertificate,
  NS,
  readPage,
  serializeXml,
  signEnveloped,
} from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { authnRequestXml } from '../../packages/idp/src/test-support/saml-app'
import { expectAcsRefusal, expectAcsSuccess, hasSession, readAnswer } from './corpus/acs-kit'
import { createSandbox, type Intercepted, type Sandbox } from './corpus/sandbox'
import { first, parseCorpusXml } from './corpus/xml-kit'

/**
 * Processing instructions inside signed SAML content. Exclusive c14n (as xml-crypto implements
 * it) wrote a PI's data as if it were text while the value reader skipped PIs, so a user could
 * edit their own signed Response and be signed in as someone else; an empty PI made c14n throw
 * (a 500 with no credentials). Every PI other than the XML declaration is now refused at parse
 * time, everywhere, with a 4xx, a code and a sign-in log line.
 */
const ATTACKER = 'bob.simonsen@contoso.com'
const ATTACKER_PASSWORD = 'Contoso1234!'
const VICTIM = 'b.simon@contoso.com'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await createSandbox()
  const idp = sandbox.idp.idp.services
  const bob = await idp.directory.createUser({
    userPrincipalName: ATTACKER,
    displayName: 'Bob Simonsen',
    password: ATTACKER_PASSWORD,
  })
  if (!bob.ok) throw new Error(bob.error.message)
  const assigned = await idp.assignments.assign({
    resourceId: sandbox.idp.spId,
    principalId: bob.value.user.id,
  })
  if (!assigned.ok) throw new Error(assigned.error.message)
  for (const [email, firstName, lastName] of [
    [VICTIM, 'B.', 'Simon'],
    [ATTACKER, 'Bob', 'Simonsen'],
  ] as const) {
    const added = await sandbox.sp.services.users.add({ email, firstName, lastName })
    if (!added.ok) throw new Error(added.error.code)
  }
})

/** Bob's own sign-in, stopped before the ACS: a Response the IdP genuinely signed for him. */
const interceptBob = (): Promise<Intercepted> =>
  sandbox.intercept({ username: ATTACKER, password: ATTACKER_PASSWORD })

/** Replaces every signed text value `from` (NameID and uid) with `to`, leaving the signature as it is. */
function editValues(xml: string, from: string, to: string): string {
  const edited = xml.split(`>${from}</`).join(`>${to}</`)
  expect(edited).not.toBe(xml)
  return edited
}

async function signedInUser(intercepted: Intercepted): Promise<string | null> {
  const cookie = intercepted.browser.jar
    .cookiesFor(new URL(sandbox.sp.url))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
  const response = await sandbox.sp.app.request('/api/v1/session', { headers: { cookie } })
  if (response.status !== 200) return null
  return ((await response.json()) as { user: { userName: string } }).user.userName
}

describe('processing instructions in signed NameID and uid values (impersonation)', () => {
  it('signs Bob in as himself with his genuine Response', async () => {
    const intercepted = await interceptBob()
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
    expect(await signedInUser(intercepted)).toBe(ATTACKER)
  })

  it('refuses b<?x ob?>.simon<?x sen?>@contoso.com made from Bob’s signed value, never signing in as b.simon', async () => {
    const intercepted = await interceptBob()
    const forged = editValues(intercepted.responseXml, ATTACKER, 'b<?x ob?>.simon<?x sen?>@contoso.com')
    const answer = await expectAcsRefusal(sandbox, intercepted, forged, 'SSO_MALFORMED_RESPONSE')
    expect(answer.text).toContain('processing instruction')
    expect(await signedInUser(intercepted)).toBeNull()
  })

  it('refuses b.simon@contoso.com<?x .evil.com?> made from a signed b.simon@contoso.com.evil.com', async () => {
    const intercepted = await interceptBob()
    // What an IdP signs for a user whose claims read b.simon@contoso.com.evil.com.
    const signedForEvil = editValues(intercepted.responseXml, ATTACKER, `${VICTIM}.evil.com`)
    const resigned = resignAssertion(signedForEvil)
    const forged = editValues(resigned, `${VICTIM}.evil.com`, `${VICTIM}<?x .evil.com?>`)
    await expectAcsRefusal(sandbox, intercepted, forged, 'SSO_MALFORMED_RESPONSE')
    expect(await signedInUser(intercepted)).toBeNull()
  })
})

/** Signs the (edited) Assertion again with the IdP's genuine key, as the IdP itself would have. */
function resignAssertion(xml: string): string {
  const doc = parseCorpusXml(xml)
  const assertion = first(doc, 'Assertion')
  const old = first(assertion, 'Signature', NS.dsig)
  assertion.removeChild(old)
  const key = sandbox.idp.signingKey()
  signEnveloped(
    assertion,
    first(assertion, 'Issuer'),
    {
      privateKey: key.privateKey,
      certificatesBase64: [key.certificatePem.replace(/-----[^-]+-----|\s/g, '')],
    },
    'rsa-sha256',
  )
  return serializeXml(doc)
}

describe('an empty processing instruction <?x?> inside signed content', () => {
  it('is a 403 SSO_MALFORMED_RESPONSE with a sign-in log line at the ACS, and the genuine Response still signs in', async () => {
    const intercepted = await sandbox.intercept()
    const forged = intercepted.responseXml.replace(/<\/NameID>/, '<?x?></NameID>')
    expect(forged).not.toBe(intercepted.responseXml)
    await expectAcsRefusal(sandbox, intercepted, forged, 'SSO_MALFORMED_RESPONSE')
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
  })

  it('is a 400 SLO_MALFORMED_MESSAGE with a log line at the SP SLO POST endpoint, and the session survives', async () => {
    const intercepted = await sandbox.intercept()
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
    const nameId = /<NameID[^>]*>([^<]+)</.exec(intercepted.responseXml)?.[1] ?? ''
    const doc = parseCorpusXml(
      `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_pi-logout" Version="2.0" ` +
        `IssueInstant="${new Date(sandbox.idp.clock.now()).toISOString()}" Destination="${sandbox.sp.url}/idb/SPSloPOST/metaAlias/${sandbox.sp.orgId}/sp">` +
        `<saml:Issuer>https://sts.windows.net/${sandbox.idp.idp.tenantId}/</saml:Issuer><saml:NameID>${nameId}</saml:NameID></samlp:LogoutRequest>`,
    )
    const key = sandbox.idp.signingKey()
    signEnveloped(
      doc.documentElement,
      first(doc, 'Issuer'),
      { privateKey: key.privateKey, certificatesBase64: [] },
      'rsa-sha256',
    )
    const forged = serializeXml(doc).replace('</saml:NameID>', '<?x?></saml:NameID>')
    const response = await sandbox.sp.app.request(`/idb/SPSloPOST/metaAlias/${sandbox.sp.orgId}/sp`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLRequest: encodePostBinding(forged) }).toString(),
    })
    const text = await response.text()
    expect(response.status, text).toBe(400)
    expect(text).toContain('SLO_MALFORMED_MESSAGE')
    expect(text).toContain('processing instruction')
    expect(sandbox.sp.memory.attempts().at(-1)).toMatchObject({
      purpose: 'logout',
      outcome: 'failure',
      code: 'SLO_MALFORMED_MESSAGE',
    })
    expect(await hasSession(sandbox, intercepted.browser)).toBe(true)
  })

  it('is AADSTS75005 with a sign-in log line at the IdP SAML endpoint when the app requires signed requests', async () => {
    const idp = sandbox.idp.idp
    const spKey = await idp.runtime.keys.take()
    const certificate = issueLeafCertificate(idp.runtime.ca, {
      profile: 'saml-signing',
      commonName: 'Webex SP signing',
      key: spKey,
      validityDays: 30,
      now: idp.runtime.clock.now(),
    })
    const set = await idp.services.samlConfig.setRequestVerification(sandbox.idp.spId, {
      required: true,
      certificates: [certificate.certificatePem],
    })
    if (!set.ok) throw new Error(set.error.message)
    try {
      const doc = parseCorpusXml(
        authnRequestXml({ issuer: sandbox.idp.sp.entityId, acsUrl: sandbox.idp.sp.acsUrl }),
      )
      signEnveloped(
        doc.documentElement,
        first(doc, 'Issuer'),
        { privateKey: spKey.privateKey, certificatesBase64: [] },
        'rsa-sha256',
      )
      const forged = serializeXml(doc).replace('</saml:Issuer>', '<?x?></saml:Issuer>')
      expect(forged).toContain('<?x?>')
      const before = JSON.stringify(idp.store.read())
      const response = await idp.app.request(`/${idp.tenantId}/saml2`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ SAMLRequest: encodePostBinding(forged) }).toString(),
      })
      const html = await response.text()
      expect(response.status, html.slice(0, 300)).toBe(400)
      const page = readPage(html, new URL(idp.url)).text
      expect(page).toContain('AADSTS75005')
      expect(page).toContain('processing instruction')
      expect(JSON.stringify(idp.store.read())).toBe(before)
      expect(idp.services.signInLog.list()[0]).toMatchObject({
        errorCode: 75005,
        failureReason: expect.stringContaining('AADSTS75005'),
      })
    } finally {
      await idp.services.samlConfig.setRequestVerification(sandbox.idp.spId, { required: false })
    }
  })
})

describe('what is not a processing instruction', () => {
  it('refuses a PI before the root, after it, or as a second declaration', async () => {
    const intercepted = await sandbox.intercept()
    const xml = intercepted.responseXml
    for (const forged of [
      `<?xml-stylesheet href="x"?>${xml}`,
      `${xml}<?x y?>`,
      `<?xml version="1.0"?><?xml version="1.0"?>${xml}`,
      xml.replace('<samlp:Status>', '<?xml version="1.0"?><samlp:Status>'),
    ]) {
      await expectAcsRefusal(sandbox, intercepted, forged, 'SSO_MALFORMED_RESPONSE')
    }
    await expectAcsSuccess(sandbox, intercepted, xml)
  })

  it('reads <? inside a CDATA section of a signed value as the text c14n signs, not as a PI', async () => {
    const intercepted = await interceptBob()
    // The IdP signs a uid whose value is literally "b.simon@contoso.com<?x?>" (as CDATA).
    const doc = parseCorpusXml(intercepted.responseXml)
    for (const value of [first(doc, 'NameID'), ...uidValues(doc)]) {
      while (value.firstChild) value.removeChild(value.firstChild)
      value.appendChild(doc.createCDATASection(`${VICTIM}<?x?>`))
    }
    const signed = resignAssertion(serializeXml(doc))
    expect(signed).toContain('<![CDATA[')
    const answer = await readAnswer(await sandbox.postToAcs(intercepted.browser, signed))
    expect(answer.status).toBe(403)
    expect(answer.text).toContain('SSO_USER_NOT_FOUND')
    expect(answer.text).toContain(`${VICTIM}<?x?>`)
    expect(await signedInUser(intercepted)).toBeNull()
  })
})

function uidValues(doc: Document): Element[] {
  const out: Element[] = []
  const attributes = doc.getElementsByTagNameNS(NS.assertion, 'Attribute')
  for (let i = 0; i < attributes.length; i += 1) {
    const attribute = attributes.item(i)
    if (attribute?.getAttribute('Name') === 'uid') out.push(first(attribute, 'AttributeValue'))
  }
  return out
}
