import {
  BINDING,
  type DeepReadonly,
  err,
  ok,
  type RedirectSignature,
  type Result,
  STATUS,
  verifyEnvelopedSignature,
  verifyRedirectSignature,
} from '@sandbox/shared'
import { trustedCertificate } from '../certificates/trusted-certificates'
import { SUPPORTED_NAMEID_POLICY_FORMATS } from '../claims/token-claims'
import { appByIdentifier } from '../enterprise-apps/lookup'
import type { DeepState } from '../state/deep-state'
import type { EnterpriseApp } from '../state/idp-state'
import type { AuthnRequest } from './authn-request'
import { type EntraError, entraError } from './entra-errors'
import type { SamlSignIn } from './pending-sign-ins'

/** How the request arrived. */
export interface RequestTransport {
  readonly binding: 'redirect' | 'post'
  readonly relayState: string | undefined
  /** The Redirect binding's signature over the raw query, if any. */
  readonly redirectSignature: RedirectSignature | undefined
}

/** Why a request is not honoured: an error page, or a SAML error Response to the (registered) ACS. */
export type RequestRejection =
  | { readonly kind: 'page'; readonly error: EntraError; readonly app: DeepReadonly<EnterpriseApp> | null }
  | {
      readonly kind: 'status'
      readonly app: DeepReadonly<EnterpriseApp>
      readonly destination: string
      readonly inResponseTo: string
      readonly relayState: string | undefined
      readonly topCode: string
      readonly secondCode: string
      readonly message: string
      /** The AADSTS number for the sign-in log. */
      readonly errorCode: number
    }

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:/

function page(
  error: EntraError,
  app: DeepReadonly<EnterpriseApp> | null = null,
): Result<never, RequestRejection> {
  return err({ kind: 'page', error, app })
}

/** The Audience for an Issuer: itself, or `spn:{issuer}` when it is not a URI (single-sign-on-saml-protocol.md). */
export function audienceFor(issuer: string): string {
  return URI.test(issuer) ? issuer : `spn:${issuer}`
}

/**
 * Checks a request's signature when the app requires signed requests: over the raw query for
 * the Redirect binding, as an enveloped signature of the root (direct child, Reference to the
 * root's own ID, which defeats the GHSA-63ch-w8pw-4mf2 wrapping) for the POST binding.
 */
export function checkRequestSignature(
  app: DeepReadonly<EnterpriseApp>,
  element: Element,
  transport: RequestTransport,
): Result<void, RequestRejection> {
  const verification = app.saml.requestVerification
  // When verification is not required, signatures are not checked at all (howto-enforce-signed-saml-authentication.md).
  if (!verification.required) return ok(undefined)
  const trusted = verification.certificates.map(trustedCertificate)
  if (transport.binding === 'redirect') {
    if (!transport.redirectSignature) return page(entraError({ code: 'AADSTS76021' }), app)
    const verified = verifyRedirectSignature(
      transport.redirectSignature,
      trusted.map((t) => t.publicKey),
      verification.allowSha1,
    )
    if (verified.ok) return ok(undefined)
    return page(
      entraError({ code: 'AADSTS75005', detail: verified.error.message }, verified.error.message),
      app,
    )
  }
  const verified = verifyEnvelopedSignature(element, { trusted, allowSha1: verification.allowSha1 })
  if (verified.ok) return ok(undefined)
  if (verified.error.code === 'SIGNATURE_MISSING') return page(entraError({ code: 'AADSTS76021' }), app)
  return page(
    entraError(
      { code: 'AADSTS75005', detail: verified.error.message },
      `The AuthnRequest signature was refused: ${verified.error.message}`,
    ),
    app,
  )
}

function chooseReplyUrl(
  app: DeepReadonly<EnterpriseApp>,
  request: AuthnRequest,
): Result<string, RequestRejection> {
  const replyUrls = app.application.replyUrls
  if (replyUrls.length === 0) {
    return page(entraError({ code: 'AADSTS500113' }, 'Add a Reply URL in Basic SAML Configuration.'), app)
  }
  if (request.assertionConsumerServiceUrl !== null) {
    const match = replyUrls.find((r) => r.url === request.assertionConsumerServiceUrl)
    if (match) return ok(match.url)
    return page(
      entraError(
        { code: 'AADSTS50011', appId: app.application.appId },
        `The request asked for '${request.assertionConsumerServiceUrl}'; the app's Reply URLs are: ${replyUrls.map((r) => r.url).join(', ')}. The match is exact (scheme, host, port, path, trailing slash).`,
      ),
      app,
    )
  }
  if (request.assertionConsumerServiceIndex !== null) {
    const match = replyUrls.find((r) => r.index === request.assertionConsumerServiceIndex)
    if (match) return ok(match.url)
    return page(
      entraError(
        { code: 'AADSTS50011', appId: app.application.appId },
        `The request asked for AssertionConsumerServiceIndex ${request.assertionConsumerServiceIndex}, which no Reply URL of the app has.`,
      ),
      app,
    )
  }
  return ok((replyUrls.find((r) => r.isDefault) ?? replyUrls[0])?.url as string)
}

/**
 * Decides whether an AuthnRequest is honoured, in Entra's order: the app by Issuer
 * (AADSTS700016), the signature when the app requires one (AADSTS76021), the reply URL
 * (AADSTS50011; an assertion never goes anywhere else), the binding (AADSTS75003),
 * unsupported properties (AADSTS900236), and the NameIDPolicy (a SAML error Response).
 */
export function validateAuthnRequest(
  state: DeepState,
  request: AuthnRequest,
  transport: RequestTransport,
): Result<SamlSignIn, RequestRejection> {
  if (request.issuer === null) {
    return page(
      entraError({ code: 'AADSTS75005', detail: 'no Issuer' }, 'The AuthnRequest has no <Issuer> element.'),
    )
  }
  const app = appByIdentifier(state, request.issuer)
  if (!app) {
    return page(
      entraError(
        { code: 'AADSTS700016', identifier: request.issuer, tenantName: state.tenant.displayName },
        'The Issuer of the AuthnRequest must equal one of the Identifiers (Entity ID) in Basic SAML Configuration, exactly (a trailing slash counts).',
      ),
    )
  }
  const signature = checkRequestSignature(app, request.element, transport)
  if (!signature.ok) return signature
  const acsUrl = chooseReplyUrl(app, request)
  if (!acsUrl.ok) return acsUrl
  if (request.protocolBinding !== null && request.protocolBinding !== BINDING.post) {
    return page(entraError({ code: 'AADSTS75003', binding: request.protocolBinding }), app)
  }
  const property = request.unsupportedProperties[0]
  if (property !== undefined) return page(entraError({ code: 'AADSTS900236', property }), app)
  const format = request.nameIdPolicy?.format ?? null
  if (format !== null && !SUPPORTED_NAMEID_POLICY_FORMATS.includes(format)) {
    return err({
      kind: 'status',
      app,
      destination: acsUrl.value,
      inResponseTo: request.id,
      relayState: transport.relayState,
      topCode: STATUS.requester,
      secondCode: STATUS.invalidNameIdPolicy,
      errorCode: 75016,
      message: `AADSTS75006: An error occurred while processing a SAML2 Authentication request. AADSTS75016: SAML2 Authentication Request has invalid NameIdPolicy: the Format '${format}' is not supported.`,
    })
  }
  return ok({
    kind: 'saml',
    servicePrincipalId: app.servicePrincipal.id,
    requestId: request.id,
    acsUrl: acsUrl.value,
    audience: audienceFor(request.issuer),
    relayState: transport.relayState,
    forceAuthn: request.forceAuthn,
    nameIdPolicy: request.nameIdPolicy,
    requestedClassRefs: request.requestedAuthnContext?.classRefs ?? null,
    initiatedBy: 'sp',
  })
}
