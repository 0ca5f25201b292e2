import type { Result } from '../result'
import { NS } from '../saml/urns'
import { attributeOf, descendantsNamed, elementChildren } from '../xml/dom'
import { SAML_MESSAGE_LIMITS, type XmlParseError } from '../xml/parse'
import type { InspectionContext } from './context'
import { decryptAssertion } from './decrypt-assertion'
import type { DecryptionReport } from './report'
import { inspectEnvelopedSignature, type SignatureFacts } from './signature-report'

/**
 * A Response made ready for the ACS checks: parsed, its assertion found (and decrypted when it
 * can be), and each signature verified once. The checks only read this; none parses again.
 */
export interface ResponseUnderInspection {
  /** Why this is not a SAML 2.0 Response the ACS would read at all; null when it is. */
  readonly xmlProblem: XmlParseError | { readonly code: 'NOT_A_RESPONSE'; readonly message: string } | null
  readonly response: Element | null
  /** Assertions (plain or encrypted) directly under the Response, and anywhere in it. */
  readonly directAssertions: number
  readonly allAssertions: number
  readonly encrypted: boolean
  readonly decryption: DecryptionReport | null
  /** The assertion the checks read: the plaintext one, or the decrypted one; null when neither. */
  readonly assertion: Element | null
  readonly responseSignature: SignatureFacts | null
  readonly assertionSignature: SignatureFacts | null
}

/** What the ACS knows beyond the message when it is part of a conversation (a HAR of a sign-in). */
export interface Conversation {
  /** IDs of the AuthnRequests sent before this Response. */
  readonly requestIds: readonly string[]
  /** Assertion IDs posted before this Response, with where they were posted. */
  readonly assertionsSeen: ReadonlyMap<string, string>
}

/** What the ACS checks compare with: the context, and the conversation when one is known. */
export interface AcsExpectations {
  readonly context: InspectionContext
  readonly conversation: Conversation | null
}

const EMPTY = {
  response: null,
  directAssertions: 0,
  allAssertions: 0,
  encrypted: false,
  decryption: null,
  assertion: null,
  responseSignature: null,
  assertionSignature: null,
} as const

/** Prepares a parsed document (or its parse failure) for the ACS checks. */
export function readResponse(
  parsed: Result<Document, XmlParseError>,
  xml: string,
  context: InspectionContext,
): ResponseUnderInspection {
  if (!parsed.ok) return { ...EMPTY, xmlProblem: parsed.error }
  const bytes = Buffer.byteLength(xml, 'utf8')
  if (bytes > SAML_MESSAGE_LIMITS.maxBytes)
    return {
      ...EMPTY,
      xmlProblem: {
        code: 'XML_TOO_LARGE',
        message: `The Response is ${bytes} bytes; Webex reads at most ${SAML_MESSAGE_LIMITS.maxBytes}.`,
      },
    }
  const response = parsed.value.documentElement
  if (attributeOf(response, 'Version') !== '2.0')
    return {
      ...EMPTY,
      xmlProblem: {
        code: 'NOT_A_RESPONSE',
        message: `The Response's Version is ${attributeOf(response, 'Version') ?? 'missing'}, not 2.0: this is not a SAML 2.0 Response.`,
      },
    }
  const isAssertion = (e: Element): boolean =>
    e.namespaceURI === NS.assertion && (e.localName === 'Assertion' || e.localName === 'EncryptedAssertion')
  const direct = elementChildren(response).filter(isAssertion)
  const allAssertions =
    descendantsNamed(response, NS.assertion, 'Assertion').length +
    descendantsNamed(response, NS.assertion, 'EncryptedAssertion').length
  const { at, authorities, idpSigners } = context
  const responseSignature = inspectEnvelopedSignature(response, 'Response', idpSigners, at, authorities)
  const first = direct[0] ?? null
  const encrypted = first?.localName === 'EncryptedAssertion'
  let assertion: Element | null = encrypted ? null : first
  let decryption: DecryptionReport | null = null
  if (first && encrypted) {
    const decrypted = decryptAssertion(first, context.decryptionKeys)
    assertion = decrypted.assertion
    decryption = decrypted.report
  }
  return {
    xmlProblem: null,
    response,
    directAssertions: direct.length,
    allAssertions,
    encrypted,
    decryption,
    assertion,
    responseSignature,
    assertionSignature: assertion
      ? inspectEnvelopedSignature(assertion, 'Assertion', idpSigners, at, authorities)
      : null,
  }
}
