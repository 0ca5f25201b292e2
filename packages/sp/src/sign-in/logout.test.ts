import {
  childNamed,
  decodeRedirectBinding,
  encodePostBinding,
  encodeRedirectBinding,
  fixedClock,
  NS,
  offsetClock,
  parseXml,
  SAML_MESSAGE_LIMITS,
  serializeXml,
  signEnveloped,
  trustCertificate,
  verifyRedirectSignature,
} from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../http/cookies'
import { sloPostPath, sloRedirectPath } from '../sso-setup/sp-entity'
import {
  createTestSp,
  enableSsoWith,
  sessionCookieOf,
  TEST_SP_URL,
  type TestSp,
} from '../test-support/harness'
import { createIdpSide, type IdpSide, TEST_IDP_SSO_URL } from '../test-support/idp-side'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const USER = 'b.simon@contoso.com'
const SESSION_INDEX = '_session-index-1'

let sp: TestSp
let idp: IdpSide

beforeEach(async () => {
  sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
  idp = await createIdpSide(sp.runtime, sp.entity())
  await enableSsoWith(sp, idp)
  await sp.services.users.add({ firstName: 'B.', lastName: 'Simon', email: USER })
})

async function signedIn(): Promise<string> {
  const started = await sp.startSignIn()
  const acs = await sp.postToAcs(
    idp.response({ inResponseTo: started.requestId, sessionIndex: SESSION_INDEX }),
    {
      browser: started.browser,
    },
  )
  const cookie = sessionCookieOf(acs)
  if (!cookie) throw new Error(`sign-in failed: ${acs.status}`)
  return cookie
}

const sessionStatus = async (cookie: string) =>
  (await sp.app.request('/api/v1/session', { headers: { cookie } })).status

function idpMessage(kind: 'LogoutRequest' | 'LogoutResponse', inner: string, inResponseTo?: string): string {
  const answers = inResponseTo ? ` InResponseTo="${inResponseTo}"` : ''
  return `<samlp:${kind} xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_idp${kind}"${answers} Version="2.0" IssueInstant="2026-03-01T10:00:00.000Z" Destination="${TEST_SP_URL}"><saml:Issuer>${idp.entityId}</saml:Issuer>${inner}</samlp:${kind}>`
}

describe('single logout, started by Webex', () => {
  it('ends the session and sends a signed LogoutRequest (NameID, SessionIndex) to the IdP', async () => {
    const cookie = await signedIn()
    const logout = await sp.app.request('/webex/logout', { headers: { cookie } })
    expect(logout.status).toBe(302)
    expect(logout.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toBe(true)
    const location = new URL(logout.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(TEST_IDP_SSO_URL)
    const message = decodeRedirectBinding(location.search)
    if (!message.ok) throw new Error(message.error.message)
    expect(message.value.xml).toContain(`>${USER}</saml:NameID>`)
    expect(message.value.xml).toContain(`<samlp:SessionIndex>${SESSION_INDEX}</samlp:SessionIndex>`)
    expect(message.value.xml).toContain(`<saml:Issuer>${sp.entity().entityId}</saml:Issuer>`)
    const spKey = trustCertificate(
      Buffer.from(
        sp.store.read().signingCertificate.certificatePem.replace(/-----[^-]+-----|\s/g, ''),
        'base64',
      ),
    ).publicKey
    expect(verifyRedirectSignature(message.value.signature as never, [spKey], false).ok).toBe(true)
    expect(await sessionStatus(cookie)).toBe(401)

    // The IdP's signed LogoutResponse to that request ends the round trip, once.
    const requestId = /ID="([^"]+)"/.exec(message.value.xml)?.[1] ?? ''
    const answerTo = (inResponseTo: string) =>
      encodeRedirectBinding({
        parameter: 'SAMLResponse',
        xml: idpMessage(
          'LogoutResponse',
          `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`,
          inResponseTo,
        ),
        signing: { privateKey: idp.key.privateKey, algorithm: 'rsa-sha256' },
      })
    const stray = await sp.app.request(`${sloRedirectPath(sp.orgId)}?${answerTo('_neverSent')}`)
    expect(stray.status).toBe(400)
    const done = await sp.app.request(`${sloRedirectPath(sp.orgId)}?${answerTo(requestId)}`)
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('You signed out of Webex and of your identity provider.')
    const replayed = await sp.app.request(`${sloRedirectPath(sp.orgId)}?${answerTo(requestId)}`)
    expect(replayed.status).toBe(400)
  })

  it('just signs out locally when the IdP metadata has no SLO endpoint', async () => {
    await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata({ chain: true, sloUrl: null }),
      trustMode: 'ca-signed',
    })
    const test = await sp.api('POST', '/api/v1/sso/test')
    const started = await sp.startSignIn({ path: new URL(test.json.url).pathname })
    await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), { browser: started.browser })
    expect((await sp.api('POST', '/api/v1/sso/enable')).status).toBe(200)
    const cookie = await signedIn()
    const logout = await sp.app.request('/webex/logout', { headers: { cookie } })
    expect(logout.status).toBe(200)
    expect(await logout.text()).toContain('You signed out of Webex.')
    expect(await sessionStatus(cookie)).toBe(401)
  })
})

describe('single logout, started by the IdP', () => {
  it('Redirect: a signed LogoutRequest ends the sessions of its NameID and gets a signed LogoutResponse', async () => {
    const cookie = await signedIn()
    const query = idp.logoutRequestQuery({
      destination: `${TEST_SP_URL}${sloRedirectPath(sp.orgId)}`,
      nameId: USER,
      sessionIndex: SESSION_INDEX,
    })
    const answer = await sp.app.request(`${sloRedirectPath(sp.orgId)}${query}`)
    expect(answer.status).toBe(302)
    const response = decodeRedirectBinding(new URL(answer.headers.get('location') ?? '').search)
    if (!response.ok) throw new Error(response.error.message)
    expect(response.value.parameter).toBe('SAMLResponse')
    expect(response.value.xml).toContain('InResponseTo="_l')
    expect(response.value.xml).toContain('status:Success')
    expect(response.value.signature).toBeDefined()
    expect(await sessionStatus(cookie)).toBe(401)
  })

  it('Redirect: refuses an unsigned, a forged and a foreign LogoutRequest, and the session stays', async () => {
    const cookie = await signedIn()
    const forger = await createIdpSide(sp.runtime, sp.entity(), { certificate: 'self-signed' })
    const request = idpMessage('LogoutRequest', `<saml:NameID>${USER}</saml:NameID>`)
    const unsigned = `?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml: request })}`
    const forged = `?${encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: request,
      signing: { privateKey: forger.key.privateKey, algorithm: 'rsa-sha256' },
    })}`
    const foreign = `?${encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: request.replace(`<saml:Issuer>${idp.entityId}`, '<saml:Issuer>https://sts.windows.net/other/'),
      signing: { privateKey: idp.key.privateKey, algorithm: 'rsa-sha256' },
    })}`
    for (const [query, reason] of [
      [unsigned, 'not signed'],
      [forged, ''],
      [foreign, 'does not come from the configured IdP'],
    ] as const) {
      const refused = await sp.app.request(`${sloRedirectPath(sp.orgId)}${query}`)
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain(reason)
    }
    expect(await sessionStatus(cookie)).toBe(200)
  })

  it('POST: a LogoutRequest with an enveloped signature ends the session; a tampered one does not', async () => {
    const cookie = await signedIn()
    const parsed = parseXml(
      idpMessage(
        'LogoutRequest',
        `<saml:NameID>${USER}</saml:NameID><samlp:SessionIndex>${SESSION_INDEX}</samlp:SessionIndex>`,
      ),
      SAML_MESSAGE_LIMITS,
    )
    if (!parsed.ok) throw new Error(parsed.error.message)
    const root = parsed.value.documentElement
    signEnveloped(
      root,
      childNamed(root, NS.assertion, 'Issuer'),
      { privateKey: idp.key.privateKey, certificatesBase64: [] },
      'rsa-sha256',
    )
    const signed = serializeXml(parsed.value)
    const post = (xml: string) =>
      sp.app.request(sloPostPath(sp.orgId), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ SAMLRequest: encodePostBinding(xml) }).toString(),
      })
    const tampered = await post(signed.replace(`>${USER}<`, '>someone.else@contoso.com<'))
    expect(tampered.status).toBe(400)
    expect(await sessionStatus(cookie)).toBe(200)
    const accepted = await post(signed)
    expect(accepted.status).toBe(302)
    expect(await sessionStatus(cookie)).toBe(401)
  })
})
