import {
  type DeepReadonly,
  err,
  ok,
  type Result,
  verifyEnvelopedSignature,
  verifyRedirectSignature,
} from '@sandbox/shared'
import { trustedCertificate } from '../certificates/trusted-certificates'
import type { EnterpriseApp } from '../state/idp-state'
import type { ReceivedMessage } from './decode-message'
import { type PageRejection, pageRejection } from './request-rejection'

const CONTENT: unique symbol = Symbol('unverified request content')

/**
 * A request as read from the wire, before its signature is checked. Only its Issuer is readable:
 * it names the app, and the app's settings say whether a signature is required. The rest opens
 * only through {@link openVerified}, so no code outside this module can read an unverified value.
 */
export interface Unverified<T> {
  readonly issuer: string | null
  /** The root element, as the enveloped signature covers it. */
  readonly element: Element
  readonly [CONTENT]: T
}

/** Seals what was read from a request until its signature is checked. */
export function unverified<T>(content: T, read: { issuer: string | null; element: Element }): Unverified<T> {
  return { issuer: read.issuer, element: read.element, [CONTENT]: content }
}

/**
 * Opens a request once its signature is checked as the app requires: over the raw query for the
 * Redirect binding; as an enveloped signature of the root (direct child, Reference to the root's
 * own ID, so a valid signature of some other element moved into the request proves nothing) for the
 * POST binding.
 * When the app does not require signed requests, signatures are not checked at all (as in Entra).
 */
export function openVerified<T>(
  app: DeepReadonly<EnterpriseApp>,
  request: Unverified<T>,
  transport: Pick<ReceivedMessage, 'binding' | 'redirectSignature'>,
): Result<T, PageRejection> {
  const verification = app.saml.requestVerification
  if (!verification.required) return ok(request[CONTENT])
  const unsigned = pageRejection({ code: 'AADSTS76021', during: 'sp-initiated' }, app)
  const trusted = verification.certificates.map(trustedCertificate)
  if (transport.binding === 'redirect') {
    if (!transport.redirectSignature) return err(unsigned)
    const verified = verifyRedirectSignature(
      transport.redirectSignature,
      trusted.map((t) => t.publicKey),
      verification.allowSha1,
    )
    if (verified.ok) return ok(request[CONTENT])
    return err(pageRejection({ code: 'AADSTS75005', problem: verified.error.message }, app))
  }
  const verified = verifyEnvelopedSignature(request.element, { trusted, allowSha1: verification.allowSha1 })
  if (verified.ok) return ok(request[CONTENT])
  if (verified.error.code === 'SIGNATURE_MISSING') return err(unsigned)
  const problem = `The ${request.element.localName} signature was refused: ${verified.error.message}`
  return err(pageRejection({ code: 'AADSTS75005', problem }, app))
}
