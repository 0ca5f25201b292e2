import {
  type DeepReadonly,
  decodePostBinding,
  decodeRedirectBinding,
  parseXml,
  type RedirectMessage,
  SAML_MESSAGE_LIMITS,
  type TrustedCertificate,
  verifyEnvelopedSignature,
  verifyRedirectSignature,
} from '@sandbox/shared'
import { spError } from '../errors/catalogue'
import type { IdpTrust } from '../sso-setup/sso-schema'
import { type CheckStep, passed, refused } from './check-pipeline'
import { type Unverified, unverified } from './unverified'

/** A logout message as it arrived, by binding. */
export type PostedLogout =
  | { readonly binding: 'redirect'; readonly rawQuery: string }
  | {
      readonly binding: 'post'
      readonly samlRequest: string | undefined
      readonly samlResponse: string | undefined
      readonly relayState: string | undefined
    }

/** What the SLO endpoint's checks read and write. */
export interface LogoutFacts {
  readonly posted: PostedLogout
  readonly parameter: 'SAMLRequest' | 'SAMLResponse'
  readonly relayState: string | undefined
  /** Redirect binding: the decoded query, its signature not yet verified. */
  readonly query: Unverified<RedirectMessage>
  /** POST binding: the decoded message, not yet parsed. */
  readonly xml: Unverified<string>
  /** POST binding: the parsed message, its enveloped signature not yet verified. */
  readonly parsed: Unverified<Element>
  /** The message, once a signature by the IdP covers it. */
  readonly message: Element
  /** LogoutRequest: whose sessions end. */
  readonly nameId: string
  readonly sessionIndex: string | null
}

/** The active IdP trust and what judging its messages needs. */
export interface LogoutContext {
  readonly idp: DeepReadonly<IdpTrust> | null
  readonly trusted: readonly TrustedCertificate[]
  readonly allowSha1: boolean
  /** Uses up the LogoutRequest Webex sent with this ID; false when unknown, expired or used. */
  readonly useLogoutRequest: (requestId: string) => boolean
}

export type LogoutStep<R extends keyof LogoutFacts> = CheckStep<LogoutFacts, LogoutContext, R>

export const MALFORMED = ['SLO_MALFORMED_MESSAGE'] as const
export const FIX_MESSAGE = 'The IdP must send one signed SAML 2.0 LogoutRequest or LogoutResponse.'

export const ssoEnabled: LogoutStep<never> = {
  name: 'Single sign-on',
  checks: 'Single sign-on is enabled, so there is an IdP whose messages are trusted.',
  codes: ['SLO_NOT_ENABLED'],
  fix: 'Control Hub > Authentication: enable single sign-on.',
  reads: [],
  run: (_facts, context) => (context.idp ? passed(null) : refused(spError('SLO_NOT_ENABLED'))),
}

export const redirectBinding: LogoutStep<'posted'> = {
  name: 'Binding',
  checks:
    'The query is one SAML message of the HTTP-Redirect binding (deflated, base64, at most the size limit).',
  codes: MALFORMED,
  fix: FIX_MESSAGE,
  reads: ['posted'],
  run: ({ posted }) => {
    const decoded = decodeRedirectBinding(posted.binding === 'redirect' ? posted.rawQuery : '')
    if (!decoded.ok)
      return refused(spError('SLO_MALFORMED_MESSAGE', { problem: 'binding', detail: decoded.error.message }))
    const { parameter, relayState } = decoded.value
    return passed(null, { query: unverified(decoded.value), parameter, relayState })
  },
}

export const redirectSignature: LogoutStep<'query'> = {
  name: 'Signature',
  checks: "The query is signed (SigAlg and Signature) by a certificate of the active IdP's metadata.",
  codes: ['SLO_UNSIGNED', 'SLO_INVALID_SIGNATURE'],
  fix: 'Import the current IdP metadata; the IdP must sign its logout messages.',
  reads: ['query'],
  run: ({ query }, context) => {
    const { signature, xml } = query.unverified
    if (!signature) return refused(spError('SLO_UNSIGNED'))
    const keys = context.trusted.map((t) => t.publicKey)
    const verified = verifyRedirectSignature(signature, keys, context.allowSha1)
    if (!verified.ok) return refused(spError('SLO_INVALID_SIGNATURE', { detail: verified.error.message }))
    return passed(null, { xml: unverified(xml) })
  },
}

export const redirectXml: LogoutStep<'xml'> = {
  name: 'XML',
  checks: 'The signed message is well-formed XML within the SAML message limits.',
  codes: MALFORMED,
  fix: FIX_MESSAGE,
  reads: ['xml'],
  run: ({ xml }) => {
    const parsed = parseXml(xml.unverified, SAML_MESSAGE_LIMITS)
    if (!parsed.ok)
      return refused(spError('SLO_MALFORMED_MESSAGE', { problem: 'xml', detail: parsed.error.message }))
    // The query signature covered these bytes: the message is the IdP's.
    return passed(null, { message: parsed.value.documentElement })
  },
}

export const postBinding: LogoutStep<'posted'> = {
  name: 'Binding',
  checks: 'The form carries exactly one of SAMLRequest or SAMLResponse, base64 of at most the size limit.',
  codes: MALFORMED,
  fix: FIX_MESSAGE,
  reads: ['posted'],
  run: ({ posted }) => {
    if (
      posted.binding !== 'post' ||
      (posted.samlRequest === undefined) === (posted.samlResponse === undefined)
    )
      return refused(spError('SLO_MALFORMED_MESSAGE', { problem: 'not-one-message' }))
    const decoded = decodePostBinding(posted.samlRequest ?? posted.samlResponse)
    if (!decoded.ok)
      return refused(spError('SLO_MALFORMED_MESSAGE', { problem: 'binding', detail: decoded.error.message }))
    const parameter = posted.samlRequest !== undefined ? 'SAMLRequest' : 'SAMLResponse'
    return passed(null, { xml: unverified(decoded.value), parameter, relayState: posted.relayState })
  },
}

export const postXml: LogoutStep<'xml'> = {
  ...redirectXml,
  checks: 'The message is well-formed XML within the SAML message limits.',
  run: ({ xml }) => {
    const parsed = parseXml(xml.unverified, SAML_MESSAGE_LIMITS)
    if (!parsed.ok)
      return refused(spError('SLO_MALFORMED_MESSAGE', { problem: 'xml', detail: parsed.error.message }))
    return passed(null, { parsed: unverified(parsed.value.documentElement) })
  },
}

export const postSignature: LogoutStep<'parsed'> = {
  name: 'Signature',
  checks: "The message's enveloped signature verifies with a certificate of the active IdP's metadata.",
  codes: ['SLO_INVALID_SIGNATURE'],
  fix: redirectSignature.fix,
  reads: ['parsed'],
  run: ({ parsed }, context) => {
    const verified = verifyEnvelopedSignature(parsed.unverified, {
      trusted: context.trusted,
      allowSha1: context.allowSha1,
    })
    if (!verified.ok) return refused(spError('SLO_INVALID_SIGNATURE', { detail: verified.error.message }))
    return passed(null, { message: parsed.unverified })
  },
}
