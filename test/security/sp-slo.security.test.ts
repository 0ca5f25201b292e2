import { encodePostBinding, encodeRedirectBinding, NS } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectAcsSuccess, hasSession } from './corpus/acs-kit'
import { attackerKey } from './corpus/corpus-context'
import { createSandbox, type Intercepted, type Sandbox } from './corpus/sandbox'
import { first, parseCorpusXml, resign, toXml } from './corpus/xml-kit'

/**
 * Single logout, SP side: an IdP-initiated LogoutRequest ends Webex sessions only when the
 * trusted IdP signed it: over the raw query (Redirect) or as an enveloped signature on the root
 * (POST), never one wrapped inside an attacker's message.
 */
let sandbox: Sandbox
let signedIn: Intercepted
let nameId: string

beforeAll(async () => {
  sandbox = await createSandbox()
  signedIn = await sandbox.intercept()
  await expectAcsSuccess(sandbox, signedIn, signedIn.responseXml)
  nameId = /<NameID[^>]*>([^<]+)</.exec(signedIn.responseXml)?.[1] ?? ''
})

function logoutRequest(id: string, name = nameId): string {
  return (
    `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${id}" Version="2.0" ` +
    `IssueInstant="${new Date(sandbox.idp.clock.now()).toISOString()}" Destination="${sandbox.sp.url}/idb/SPSloRedirect/metaAlias/${sandbox.sp.orgId}/sp">` +
    `<saml:Issuer>https://sts.windows.net/${sandbox.idp.idp.tenantId}/</saml:Issuer><saml:NameID>${name}</saml:NameID></samlp:LogoutRequest>`
  )
}

const slo = (query: string) =>
  Promise.resolve(sandbox.sp.app.request(`/idb/SPSloRedirect/metaAlias/${sandbox.sp.orgId}/sp?${query}`))

const sloPost = (xml: string) =>
  Promise.resolve(
    sandbox.sp.app.request(`/idb/SPSloPOST/metaAlias/${sandbox.sp.orgId}/sp`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLRequest: encodePostBinding(xml) }).toString(),
    }),
  )

async function expectRefused(response: Response): Promise<void> {
  await response.arrayBuffer()
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect(await hasSession(sandbox, signedIn.browser)).toBe(true)
}

describe('SP single logout refuses unsigned, wrongly signed, re-encoded or wrapped LogoutRequests', () => {
  it('refuses each over the Redirect binding and keeps the session', async () => {
    const before = sandbox.sp.store.read()
    const idpKey = sandbox.idp.signingKey().privateKey
    await expectRefused(
      await slo(encodeRedirectBinding({ parameter: 'SAMLRequest', xml: logoutRequest('_u1') })),
    )
    const attacker = (await attackerKey()).privateKey
    await expectRefused(
      await slo(
        encodeRedirectBinding({
          parameter: 'SAMLRequest',
          xml: logoutRequest('_a1'),
          signing: { privateKey: attacker, algorithm: 'rsa-sha256' },
        }),
      ),
    )
    const genuine = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: logoutRequest('_g1'),
      relayState: 'a/b c',
      signing: { privateKey: idpKey, algorithm: 'rsa-sha256' },
    })
    const reencoded = genuine.replace(/%2F/g, '%2f')
    expect(reencoded).not.toBe(genuine)
    await expectRefused(await slo(reencoded))
    await expectRefused(
      await slo(
        encodeRedirectBinding({
          parameter: 'SAMLRequest',
          xml: logoutRequest('_s1'),
          signing: { privateKey: idpKey, algorithm: 'rsa-sha1' },
        }),
      ),
    )
    expect(sandbox.sp.store.read()).toBe(before)
  })

  it('refuses an unsigned POST LogoutRequest and one wrapping a genuinely signed request', async () => {
    const key = sandbox.idp.signingKey()
    const base64 = key.certificatePem.replace(/-----[^-]+-----|\s/g, '')
    await expectRefused(await sloPost(logoutRequest('_pu1')))
    // GHSA-63ch-w8pw-4mf2 shape: a signed request for nobody hides in the attacker's outer request.
    const signed = parseCorpusXml(logoutRequest('_inner', 'nobody@contoso.com'))
    resign(signed.documentElement, { privateKey: key.privateKey, certificatesBase64: [base64] })
    const outer = parseCorpusXml(logoutRequest('_outer'))
    const extensions = outer.createElementNS(NS.protocol, 'samlp:Extensions')
    extensions.appendChild(outer.importNode(signed.documentElement, true))
    const issuer = first(outer.documentElement, 'Issuer')
    outer.documentElement.insertBefore(extensions, issuer.nextSibling)
    await expectRefused(await sloPost(toXml(outer)))
  })

  it('ends the session for a LogoutRequest the IdP signed (the refusals above are not vacuous)', async () => {
    const response = await slo(
      encodeRedirectBinding({
        parameter: 'SAMLRequest',
        xml: logoutRequest('_ok1'),
        signing: { privateKey: sandbox.idp.signingKey().privateKey, algorithm: 'rsa-sha256' },
      }),
    )
    await response.arrayBuffer()
    expect(response.status).toBeLessThan(400)
    expect(await hasSession(sandbox, signedIn.browser)).toBe(false)
  })
})
