import { readPage } from '../client/html-forms'
import { err, ok, type Result } from '../result'
import {
  type BindingError,
  decodePostBinding,
  decodeRedirectBinding,
  type MessageParameter,
  type RedirectSignature,
} from '../saml/bindings'

/** One SAML message found in the input, before its XML is read. */
export interface LocatedMessage {
  /** Where it was found: "the input", "HAR entry 4: POST https://…/sp (form body)". */
  readonly location: string
  /** How it was encoded: "raw XML", "base64 (HTTP-POST binding)", "deflated base64 (HTTP-Redirect binding)". */
  readonly encoding: string
  readonly parameter: MessageParameter | null
  readonly relayState: string | null
  /** The Redirect binding's query signature (SigAlg + Signature), when the query carried one. */
  readonly redirectSignature: RedirectSignature | null
  /** The decoded XML text, or why it could not be decoded. */
  readonly decoded: Result<string, string>
  /** Other places the same encoded message appeared (an auto-post form and the POST it made). */
  readonly alsoSeenIn: readonly string[]
}

/** The form of the whole input. */
export type InputForm =
  | 'xml'
  | 'base64'
  | 'deflated-base64'
  | 'url'
  | 'redirect-query'
  | 'form-body'
  | 'html-form'
  | 'har'

/** What was found in the input, and how it was recognised. */
export interface DetectedInput {
  readonly form: InputForm
  /** In words: "a HAR file: 3 SAML messages in 12 entries". */
  readonly description: string
  readonly messages: readonly LocatedMessage[]
}

/** Why the input could not be inspected: what was wrong, and what was expected instead. */
export interface UnusableInput {
  readonly code:
    | 'INPUT_EMPTY'
    | 'INPUT_TOO_LARGE'
    | 'INPUT_NOT_RECOGNISED'
    | 'INPUT_NOT_DECODABLE'
    | 'INPUT_NOT_SAML'
    | 'HAR_INVALID'
    | 'HAR_WITHOUT_SAML'
    | 'HTML_WITHOUT_SAML'
    | 'URL_WITHOUT_SAML'
  readonly message: string
}

/** The forms the inspector reads, said once for every refusal. */
export const EXPECTED_INPUT =
  'Expected a SAML message (AuthnRequest, Response, LogoutRequest or LogoutResponse) or SAML metadata, as raw XML, base64 (HTTP-POST binding), deflated base64 (HTTP-Redirect binding), a URL or query string with SAMLRequest or SAMLResponse, a form-encoded POST body (SAMLResponse=…), an HTML page with an auto-post form, or a HAR file.'

export function unusable(code: UnusableInput['code'], problem: string): Result<never, UnusableInput> {
  return err({ code, message: `${problem} ${EXPECTED_INPUT}` })
}

const looksLikeXml = (text: string): boolean => /^\uFEFF?\s*</.test(text)

/** A message found by a parameter name, whose XML is decoded with the binding's limits. */
export function postMessage(
  location: string,
  parameter: MessageParameter,
  value: string,
  relayState: string | null,
): LocatedMessage {
  const decoded = decodePostBinding(value)
  return {
    location,
    encoding: 'base64 (HTTP-POST binding)',
    parameter,
    relayState,
    redirectSignature: null,
    decoded: decoded.ok
      ? looksLikeXml(decoded.value)
        ? ok(decoded.value)
        : err(`The ${parameter} value is base64, but what it decodes to is not XML.`)
      : err(describeBindingError(decoded.error, parameter)),
    alsoSeenIn: [],
  }
}

/**
 * A Redirect-binding query (`SAMLRequest=…&RelayState=…&SigAlg=…&Signature=…`), read from its
 * raw octets so that its signature can be checked. A value that is base64 of plain XML (not
 * deflated, as some tools send) is read as well, and said so.
 */
export function redirectMessage(location: string, rawQuery: string): Result<LocatedMessage, BindingError> {
  const decoded = decodeRedirectBinding(rawQuery)
  if (decoded.ok)
    return ok({
      location,
      encoding: 'deflated base64 (HTTP-Redirect binding)',
      parameter: decoded.value.parameter,
      relayState: decoded.value.relayState ?? null,
      redirectSignature: decoded.value.signature ?? null,
      decoded: looksLikeXml(decoded.value.xml)
        ? ok(decoded.value.xml)
        : err('The message inflates, but what it inflates to is not XML.'),
      alsoSeenIn: [],
    })
  if (decoded.error.code !== 'MESSAGE_NOT_DEFLATED') return decoded
  const params = new URLSearchParams(rawQuery.replace(/^\?/, ''))
  const parameter: MessageParameter = params.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse'
  const plain = postMessage(location, parameter, params.get(parameter) ?? '', params.get('RelayState'))
  if (!plain.decoded.ok) return decoded
  return ok({
    ...plain,
    encoding: 'base64 in a query string, not deflated (the HTTP-Redirect binding deflates)',
  })
}

export function describeBindingError(error: BindingError, parameter: string): string {
  switch (error.code) {
    case 'MESSAGE_NOT_BASE64':
      return `The ${parameter} value is not valid base64 (was it cut short, or URL-decoded twice?).`
    case 'MESSAGE_NOT_DEFLATED':
      return `The ${parameter} value is base64 but not DEFLATE-compressed, as the HTTP-Redirect binding requires.`
    default:
      return error.message
  }
}

/** Where a page's form actions resolve when the page has no URL of its own. */
export const NO_PAGE_URL = new URL('http://input.invalid/')

/** The auto-post forms of an HTML page (what Entra answers with, holding the SAMLResponse). */
export function samlFormsOf(html: string, pageUrl: URL, where: string): LocatedMessage[] {
  const found: LocatedMessage[] = []
  for (const form of readPage(html, pageUrl).forms) {
    const field = form.fields.find((f) => f.name === 'SAMLResponse' || f.name === 'SAMLRequest')
    if (!field) continue
    const relayState = form.fields.find((f) => f.name === 'RelayState')?.value ?? null
    const target = form.action.href === NO_PAGE_URL.href ? '' : ` to ${form.action.href}`
    found.push(
      postMessage(
        `${where} (auto-post form${target})`,
        field.name as MessageParameter,
        field.value,
        relayState,
      ),
    )
  }
  return found
}
