import type { KeyObject } from 'node:crypto'
import {
  BINDING,
  encodePostBinding,
  encodeRedirectBinding,
  escapeXmlAttribute,
  escapeXmlText,
  isoInstant,
  NS,
  parseXml,
  SAML_MESSAGE_LIMITS,
  type SignatureAlgorithm,
  serializeXml,
  signEnveloped,
} from '@sandbox/shared'

/** Where the browser goes next: a redirect, or an auto-posting form. */
export type Outbound =
  | { readonly kind: 'redirect'; readonly url: string }
  | { readonly kind: 'post'; readonly action: string; readonly fields: Readonly<Record<string, string>> }

export interface AuthnRequestInput {
  readonly id: string
  readonly now: number
  readonly destination: string
  readonly acsUrl: string
  readonly issuer: string
}

/**
 * The AuthnRequest Webex sends: POST binding for the Response, no NameIDPolicy (Entra then
 * uses the app's configured Unique User Identifier), no RequestedAuthnContext.
 */
export function authnRequestXml(input: AuthnRequestInput): string {
  const a = escapeXmlAttribute
  return `<samlp:AuthnRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${a(input.id)}" Version="2.0" IssueInstant="${isoInstant(input.now)}" Destination="${a(input.destination)}" AssertionConsumerServiceURL="${a(input.acsUrl)}" ProtocolBinding="${BINDING.post}"><saml:Issuer>${escapeXmlText(input.issuer)}</saml:Issuer></samlp:AuthnRequest>`
}

/** Sends a request over the chosen binding, signed when a key is given. */
export function outboundMessage(options: {
  readonly xml: string
  readonly parameter: 'SAMLRequest' | 'SAMLResponse'
  readonly binding: 'redirect' | 'post'
  readonly destination: string
  readonly relayState: string | undefined
  readonly signing: { readonly privateKey: KeyObject; readonly certificateBase64: string } | undefined
  readonly algorithm: SignatureAlgorithm
}): Outbound {
  if (options.binding === 'redirect') {
    const query = encodeRedirectBinding({
      parameter: options.parameter,
      xml: options.xml,
      relayState: options.relayState,
      signing: options.signing
        ? { privateKey: options.signing.privateKey, algorithm: options.algorithm }
        : undefined,
    })
    const separator = options.destination.includes('?') ? '&' : '?'
    return { kind: 'redirect', url: `${options.destination}${separator}${query}` }
  }
  let xml = options.xml
  if (options.signing) {
    const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
    if (!parsed.ok) throw new Error(`The SP built an unreadable message: ${parsed.error.message}`)
    const root = parsed.value.documentElement
    const issuer = root.getElementsByTagNameNS(NS.assertion, 'Issuer')[0] ?? null
    signEnveloped(
      root,
      issuer,
      { privateKey: options.signing.privateKey, certificatesBase64: [options.signing.certificateBase64] },
      options.algorithm,
    )
    xml = serializeXml(parsed.value)
  }
  return {
    kind: 'post',
    action: options.destination,
    fields: {
      [options.parameter]: encodePostBinding(xml),
      ...(options.relayState !== undefined ? { RelayState: options.relayState } : {}),
    },
  }
}
