// xml/: XML for hostile input: bounded parsing, DOM reading, c14n, signatures, encryption, escaping.
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
  readonly code:
    | 'XML_EMPTY'
    | 'XML_TOO_LARGE'
    | 'XML_DOCTYPE_FORBIDDEN'
    | 'XML_PROCESSING_INSTRUCTION_FORBIDDEN'
    | 'XML_MALFORMED'
    | 'XML_TOO_DEEP'
  readonly message: string
}

// A DOCTYPE is refused before parsing, even one without entities: SAML never needs one, and it
// is the door to XXE (external entities) and entity expansion (billion laughs).
const DOCTYPE_OR_ENTITY = /<!\s*(DOCTYPE|ENTITY)/i

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const PROCESSING_INSTRUCTION_NODE = 7
const COMMENT_NODE = 8
/** What may sit inside the root element: elements, text, CDATA and comments, nothing else. */
const CONTENT_NODE_TYPES = new Set([ELEMENT_NODE, TEXT_NODE, 4, COMMENT_NODE])

// The XML declaration's grammar (XML 1.0 §2.8): version, then optional encoding and standalone.
const XML_DECLARATION =
  /^version\s*=\s*(["'])1\.\d+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*$/

function refusedInstruction(node: ProcessingInstruction): XmlParseError {
  const target = node.target.length > 40 ? `${node.target.slice(0, 40)}…` : node.target
  return {
    code: 'XML_PROCESSING_INSTRUCTION_FORBIDDEN',
    message: `The XML contains a processing instruction (<?${target} …?>), which SAML does not allow: only the XML declaration <?xml version="1.0"?> may open the document. Remove it.`,
  }
}

/**
 * Checks what the parser built, node by node: the only processing instruction allowed is the
 * XML declaration as the document's first node; no text outside the root element; inside it
 * only elements, text, CDATA and comments; nesting within `maxDepth`.
 *
 * Processing instructions are refused on the parsed tree (not by scanning the text, where `<?`
 * may sit inside CDATA or an attribute value): exclusive c14n and the value readers must see
 * the same characters, and a PI is one place they did not (c14n implementations write its data
 * as text or throw on an empty one, while readers skip it), which let a user edit their own
 * signed NameID into someone else's.
 */
function inspectTree(doc: Document, maxDepth: number): XmlParseError | null {
  for (let node = doc.firstChild; node; node = node.nextSibling) {
    // xmldom keeps text outside the root element without a word; XML allows only whitespace there.
    if (node.nodeType === TEXT_NODE && /\S/.test((node as Text).data))
      return {
        code: 'XML_MALFORMED',
        message: 'The XML is not well-formed: there is text outside the root element.',
      }
    if (node.nodeType !== PROCESSING_INSTRUCTION_NODE) continue
    const instruction = node as ProcessingInstruction
    if (instruction.target !== 'xml' || node !== doc.firstChild) return refusedInstruction(instruction)
    if (!XML_DECLARATION.test(instruction.data))
      return {
        code: 'XML_MALFORMED',
        message:
          'The XML is not well-formed: the XML declaration must read <?xml version="1.0" encoding="UTF-8"?>.',
      }
  }
  const stack: Array<[Node, number]> = [[doc.documentElement, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number]
    if (depth > maxDepth)
      return { code: 'XML_TOO_DEEP', message: `The XML nests elements deeper than ${maxDepth} levels.` }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1])
      else if (child.nodeType === PROCESSING_INSTRUCTION_NODE)
        return refusedInstruction(child as ProcessingInstruction)
      else if (!CONTENT_NODE_TYPES.has(child.nodeType))
        return {
          code: 'XML_MALFORMED',
          message: `The XML is not well-formed: it contains a node of type ${child.nodeType} where only elements and text may appear.`,
        }
    }
  }
  return null
}

/** Removes a UTF-8 byte order mark, which Entra puts in front of app metadata. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Parses untrusted XML: size-checked, DOCTYPE refused before parsing, parser errors turned into
 * a short message (never a stack trace), processing instructions refused (the XML declaration
 * aside), nesting depth bounded. Every SAML message, metadata document and signed document is
 * read through here, so what it refuses no other code ever sees.
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
  const refused = inspectTree(doc, limits.maxDepth)
  return refused ? err(refused) : ok(doc)
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
