import { inflateRawSync } from 'node:zlib'
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml'
import { DOMParser } from '@xmldom/xmldom'
import { describeInteropWith } from '../support/saml-peer'

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata'
const DSIG = 'http://www.w3.org/2000/09/xmldsig#'
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect'

/**
 * What a node-saml user takes from IdP metadata (node-saml reads none itself): the IdP's
 * entityID, its Redirect SSO URL, and every signing certificate of its IDPSSODescriptor.
 */
function readIdpMetadata(xml: string): { entityId: string; ssoUrl: string; certificates: string[] } {
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml')
  const root = doc.documentElement
  const idp = root?.getElementsByTagNameNS(MD, 'IDPSSODescriptor')[0]
  if (!root || !idp) throw new Error('no IDPSSODescriptor in the metadata')
  const ssoUrl = Array.from(idp.getElementsByTagNameNS(MD, 'SingleSignOnService'))
    .find((s) => s.getAttribute('Binding') === REDIRECT)
    ?.getAttribute('Location')
  const certificates = Array.from(idp.getElementsByTagNameNS(MD, 'KeyDescriptor'))
    .filter((k) => k.getAttribute('use') !== 'encryption')
    .flatMap((k) => Array.from(k.getElementsByTagNameNS(DSIG, 'X509Certificate')))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
  if (!ssoUrl || certificates.length === 0) throw new Error('no Redirect SSO URL or signing certificate')
  return { entityId: root.getAttribute('entityID') ?? '', ssoUrl, certificates }
}

/** The AuthnRequest ID inside a Redirect-binding URL (deflated, base64). */
function requestIdOf(url: string): string {
  const encoded = new URL(url).searchParams.get('SAMLRequest') ?? ''
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8')
  const id = /\sID="([^"]+)"/.exec(xml)?.[1]
  if (!id) throw new Error(`no ID in the AuthnRequest ${xml}`)
  return id
}

/** @node-saml/node-saml 5 (passport-saml's core), with its defaults plus signed assertions and InResponseTo checks. */
describeInteropWith('@node-saml/node-saml', () => {
  const sp = { entityId: 'https://node-saml-sp.example/metadata', acsUrl: 'https://node-saml-sp.example/acs' }
  let saml: SAML | null = null
  const configured = (): SAML => {
    if (!saml) throw new Error('node-saml is not configured')
    return saml
  }
  return {
    sp,
    expectedNameId: 'upn',
    async configure(metadataXml) {
      const idp = readIdpMetadata(metadataXml)
      saml = new SAML({
        issuer: sp.entityId,
        callbackUrl: sp.acsUrl,
        entryPoint: idp.ssoUrl,
        idpIssuer: idp.entityId,
        idpCert: idp.certificates,
        audience: sp.entityId,
        wantAssertionsSigned: true,
        wantAuthnResponseSigned: false,
        validateInResponseTo: ValidateInResponseTo.always,
      })
    },
    async authnRequest() {
      const url = await configured().getAuthorizeUrlAsync('', undefined, {})
      return { url, requestId: requestIdOf(url) }
    },
    async acs(samlResponse) {
      try {
        const { profile } = await configured().validatePostResponseAsync({ SAMLResponse: samlResponse })
        if (!profile) return { accepted: false, error: 'node-saml returned no profile' }
        const attributes = Object.fromEntries(
          Object.entries(profile).filter(([name]) => name.startsWith('http')),
        )
        return { accepted: true, nameId: profile.nameID, attributes }
      } catch (error) {
        return { accepted: false, error: (error as Error).message }
      }
    },
    close: async () => undefined,
  }
})
