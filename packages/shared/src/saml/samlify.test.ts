import { describe, expect, it } from 'vitest'
import { testKeys } from '../../../../test/support/test-runtime'
import { certificateToDer } from '../pki/certificate'
import { issueEntraStyleCertificate } from '../pki/certificate-authority'
import { StartupError } from '../startup-error'
import { childNamed } from '../xml/dom'
import { parseXml, SAML_MESSAGE_LIMITS } from '../xml/parse'
import { serializeXml } from '../xml/serialize'
import { signEnveloped } from '../xml/signature'
import { loadSchemaValidator, samlifySecondOpinion } from './samlify'

const IDP = 'https://sts.windows.net/00000000-0000-4000-8000-000000000001/'
const SP = 'https://idbroker.webex.com/sandbox-org'
const ACS = 'https://idbroker.webex.com/idb/Consumer/metaAlias/sandbox-org/sp'
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol'
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion'

/** An IdP (key, self-signed certificate, metadata) and the SP's metadata, as Test SSO Connection has them. */
async function parties() {
  const [key] = (await testKeys()).slice(7)
  if (!key) throw new Error('no test key')
  const certificate = issueEntraStyleCertificate({ key, now: Date.now() })
  const certificateBase64 = (certificateToDer(certificate.certificatePem) as Buffer).toString('base64')
  const idpMetadata = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${IDP}"><IDPSSODescriptor protocolSupportEnumeration="${PROTOCOL}"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${certificateBase64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.test/saml2"/></IDPSSODescriptor></EntityDescriptor>`
  const spMetadata = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${SP}"><SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="${PROTOCOL}"><AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ACS}" index="0" isDefault="true"/></SPSSODescriptor></EntityDescriptor>`
  return { key, certificateBase64, idpMetadata, spMetadata }
}

/**
 * A Response shaped like Entra's, its assertion signed; `extra` is inserted at the end of the
 * assertion before signing, so that the signature stays valid whatever it is.
 */
function signedResponse(signer: Awaited<ReturnType<typeof parties>>, extra = ''): string {
  // samlify reads the wall clock.
  const now = new Date()
  const later = new Date(now.getTime() + 5 * 60_000).toISOString()
  const earlier = new Date(now.getTime() - 60_000).toISOString()
  const xml = `<samlp:Response xmlns:samlp="${PROTOCOL}" ID="_r1" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${ACS}"><Issuer xmlns="${ASSERTION}">${IDP}</Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><Assertion xmlns="${ASSERTION}" ID="_a1" IssueInstant="${now.toISOString()}" Version="2.0"><Issuer>${IDP}</Issuer><Subject><NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">b.simon@contoso.com</NameID><SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><SubjectConfirmationData NotOnOrAfter="${later}" Recipient="${ACS}"/></SubjectConfirmation></Subject><Conditions NotBefore="${earlier}" NotOnOrAfter="${later}"><AudienceRestriction><Audience>${SP}</Audience></AudienceRestriction></Conditions><AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_a1"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext></AuthnStatement>${extra}</Assertion></samlp:Response>`
  const doc = parseXml(xml, SAML_MESSAGE_LIMITS)
  if (!doc.ok) throw new Error(doc.error.message)
  const assertion = childNamed(doc.value.documentElement, ASSERTION, 'Assertion') as Element
  signEnveloped(
    assertion,
    childNamed(assertion, ASSERTION, 'Issuer'),
    { privateKey: signer.key.privateKey, certificatesBase64: [signer.certificateBase64] },
    'rsa-sha256',
  )
  return Buffer.from(serializeXml(doc.value), 'utf8').toString('base64')
}

describe('samlify boot configuration', () => {
  it('fails start-up with install advice when the schema validator is missing', () => {
    expect(() => loadSchemaValidator('@authenio/samlify-xmllint-wasm-missing')).toThrow(StartupError)
    expect(() => loadSchemaValidator('@authenio/samlify-xmllint-wasm-missing')).toThrow(
      /is not installed\. Run "pnpm install"/,
    )
  })
})

describe("samlify's second opinion (what Test SSO Connection calls) validates the schema", () => {
  it('accepts a schema-valid, correctly signed Response', async () => {
    const signer = await parties()
    const opinion = await samlifySecondOpinion({
      spMetadata: signer.spMetadata,
      idpMetadata: signer.idpMetadata,
      samlResponseBase64: signedResponse(signer),
    })
    expect(opinion).toEqual({ accepted: true, detail: 'samlify accepts it (NameID b.simon@contoso.com)' })
  }, 20_000)

  it('refuses the same Response, still correctly signed, once it breaks the SAML schema', async () => {
    // AssertionType allows no foreign elements: only the schema validator can see this, as
    // every other check samlify makes (signature, issuer, times) still passes.
    const signer = await parties()
    const opinion = await samlifySecondOpinion({
      spMetadata: signer.spMetadata,
      idpMetadata: signer.idpMetadata,
      samlResponseBase64: signedResponse(signer, '<Unexpected>not in the schema</Unexpected>'),
    })
    expect(opinion.accepted).toBe(false)
    expect(opinion.detail).toContain('ERR_EXCEPTION_VALIDATE_XML')
  }, 20_000)
})
