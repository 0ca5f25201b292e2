import { DOMParser } from '@xmldom/xmldom'
import { err, ok, type Result } from '../result'

/** Bounds for one XML document. Every XML input is hostile until checked against them. */
export interface XmlLimits {
  /** Maximum size in bytes of the XML text (after base64 / inflate decoding). */
  readonly maxBytes: number
  /** Maximum element nesting depth; real SAML messages stay under 15. */
  readonly maxDepth: number
}

/** Limits for SAML protocol messages (AuthnRequest, Response, LogoutRequest/Response). */
export const SAML_MESSAGE_LIMITS: XmlLimits = { maxBytes: 256 * 1024, maxDepth: 64 }
/** Limits for metadata documents, which can carry several certificates and claim lists. */
export const METADATA_LIMITS: XmlLimits = { maxBytes: 1024 * 1024, maxDepth: 64 }

/** Why a document was refused before anything in it was trusted. */
export interface XmlParseError {
  readonly code: 'XML_EMPTY' | 'XML_TOO_LARGE' | 'XML_DOCTYPE_FORBIDDEN' | 'XML_MALFORMED' | 'XML_TOO_DEEP'
  readonly message: string
}

// A DOCTYPE is refused before parsing, even one without entities: SAML never needs one, and it
// is the door to XXE and entity expansion (research/security.md case 16–17).
const DOCTYPE_OR_ENTITY = /<!\s*(DOCTYPE|ENTITY)/i

function depthOf(root: Element, maxDepth: number): number {
  let deepest = 0
  const stack: Array<[Node, number]> = [[root, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number]
    if (depth > deepest) deepest = depth
    if (deepest > maxDepth) return deepest
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) stack.push([child, depth + 1])
    }
  }
  return deepest
}

/** Removes a UTF-8 byte order mark, which Entra puts in front of app metadata. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Parses untrusted XML: size-checked, DOCTYPE refused before parsing, parser errors turned into
 * a short message (never a stack trace), nesting depth bounded.
 */
export function parseXml(text: string, limits: XmlLimits): Result<Document, XmlParseError> {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > limits.maxBytes) {
    return err({
      code: 'XML_TOO_LARGE',
      message: `The XML is ${bytes} bytes; at most ${limits.maxBytes} bytes are accepted.`,
    })
  }
  const source = stripBom(text).trim()
  if (source.length === 0) return err({ code: 'XML_EMPTY', message: 'The XML document is empty.' })
  if (DOCTYPE_OR_ENTITY.test(source)) {
    return err({
      code: 'XML_DOCTYPE_FORBIDDEN',
      message: 'The XML contains a DOCTYPE or ENTITY declaration, which SAML does not allow. Remove it.',
    })
  }
  let problem: string | null = null
  const record = (message: string): void => {
    problem ??= message
  }
  let doc: Document
  try {
    doc = new DOMParser({
      locator: {},
      errorHandler: { warning: () => undefined, error: record, fatalError: record },
    }).parseFromString(source, 'text/xml') as unknown as Document
  } catch (error) {
    record((error as Error).message)
    doc = null as unknown as Document
  }
  if (problem !== null || !doc?.documentElement) {
    return err({
      code: 'XML_MALFORMED',
      message: `The XML is not well-formed: ${describeParserError(problem)}`,
    })
  }
  if (depthOf(doc.documentElement, limits.maxDepth) > limits.maxDepth) {
    return err({
      code: 'XML_TOO_DEEP',
      message: `The XML nests elements deeper than ${limits.maxDepth} levels.`,
    })
  }
  return ok(doc)
}

function describeParserError(raw: string | null): string {
  if (!raw) return 'no root element.'
  // xmldom prefixes "[xmldom error]" and appends a locator; keep the human part only.
  const cleaned = raw
    .replace(/\[xmldom [a-z]+\]\s*/gi, '')
    .replace(/\s*@#\[line:.*$/s, '')
    .replace(/^element parse error: Error:\s*/i, '')
    .trim()
  return cleaned.length > 200 ? `${cleaned.slice(0, 200)}…` : `${cleaned}.`
}
