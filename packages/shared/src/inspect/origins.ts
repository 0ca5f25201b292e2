import type { ContextOrigin } from './context'

/**
 * How a diagnosis names the configuration a value came from: "the Webex org's entityID",
 * "the one imported in Control Hub", "the entityID of the SP metadata (webex.xml)".
 */

/** A short name of the source, for "is the certificate of …" and the report's context lines. */
export function describeOrigin(origin: ContextOrigin): string {
  switch (origin.kind) {
    case 'webex-org':
      return `the Webex org ${origin.label} (Control Hub)`
    case 'entra-app':
      return `the Entra app ${origin.label}`
    case 'sp-metadata':
      return `the SP metadata ${origin.label}`
    case 'idp-metadata':
      return `the IdP metadata ${origin.label}`
    case 'certificate':
      return `the given certificate ${origin.label}`
    case 'authn-request':
      return `the AuthnRequest it answers (${origin.label})`
  }
}

/** "the one imported in Control Hub", "the given certificate (entra.pem)", … */
export function signerPhrase(origin: ContextOrigin): string {
  switch (origin.kind) {
    case 'webex-org':
      return 'the one imported in Control Hub'
    case 'entra-app':
      return `the active signing certificate of the Entra app ${origin.label}`
    case 'idp-metadata':
      return `one in the IdP metadata (${origin.label})`
    case 'sp-metadata':
      return `one in the SP metadata (${origin.label})`
    case 'certificate':
      return `the given certificate (${origin.label})`
    case 'authn-request':
      return `a certificate of ${describeOrigin(origin)}`
  }
}

/** Where the SP's entityID was configured. */
export function spEntityIdPhrase(origin: ContextOrigin): string {
  switch (origin.kind) {
    case 'webex-org':
      return "the Webex org's entityID"
    case 'entra-app':
      return `the Identifier (Entity ID) of the Entra app ${origin.label}`
    case 'authn-request':
      return `the Issuer of the AuthnRequest it answers (${origin.label})`
    default:
      return `the entityID of ${describeOrigin(origin)}`
  }
}

/** Where the IdP's entityID was configured. */
export function idpEntityIdPhrase(origin: ContextOrigin): string {
  switch (origin.kind) {
    case 'webex-org':
      return 'the IdP imported in Control Hub'
    case 'entra-app':
      return `the Microsoft Entra Identifier of the Entra app ${origin.label}`
    default:
      return `the entityID of ${describeOrigin(origin)}`
  }
}

/** Where the ACS URL was configured. */
export function acsPhrase(origin: ContextOrigin): string {
  switch (origin.kind) {
    case 'webex-org':
      return "the Webex org's ACS URL"
    case 'entra-app':
      return `the Reply URL (Assertion Consumer Service URL) of the Entra app ${origin.label}`
    case 'authn-request':
      return `the AssertionConsumerServiceURL of the AuthnRequest it answers (${origin.label})`
    default:
      return `the AssertionConsumerService of ${describeOrigin(origin)}`
  }
}
