import { ExclusiveCanonicalization, encodeSpecialCharactersInText } from 'xml-crypto'
import { signedCharactersOf } from './dom'

/** Exclusive XML Canonicalization 1.0 without comments (the only c14n SAML signatures here may use). */
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#'

const XMLNS = 'http://www.w3.org/2000/xmlns/'

/**
 * xml-crypto's exclusive canonicalizer, with every non-element node rendered through
 * {@link signedCharactersOf}, the function the value readers use. xml-crypto 6.3 renders any
 * node with non-empty `data` as text (so a processing instruction's data is signed as if it were
 * text, where the specification writes `<?target data?>`) and throws on an empty one; here text
 * and CDATA are their characters, comments nothing, and anything else is refused, so what is
 * signed and what is read cannot differ. Elements, namespaces and attributes stay xml-crypto's.
 */
class ReaderAlignedCanonicalization extends ExclusiveCanonicalization {
  override processInner(
    node: Node,
    prefixesInScope: unknown,
    defaultNs: unknown,
    defaultNsForPrefix: unknown,
    inclusiveNamespacesPrefixList: string[],
  ): string {
    if (node.nodeType !== 1) return encodeSpecialCharactersInText(signedCharactersOf(node))
    return super.processInner(
      node,
      prefixesInScope,
      defaultNs,
      defaultNsForPrefix,
      inclusiveNamespacesPrefixList,
    )
  }
}

const canonicalizer = new ReaderAlignedCanonicalization()

interface NamespaceDeclaration {
  prefix: string
  namespaceURI: string
}

/** The prefixed namespace declarations in scope at `element` from its ancestors (nearest wins). */
function ancestorNamespaces(element: Element): NamespaceDeclaration[] {
  const seen = new Map<string, string>()
  for (let node = element.parentNode; node && node.nodeType === 1; node = node.parentNode) {
    const attributes = (node as Element).attributes
    for (let i = 0; i < attributes.length; i += 1) {
      const attribute = attributes.item(i)
      if (attribute?.prefix === 'xmlns' && !seen.has(attribute.localName)) {
        seen.set(attribute.localName, attribute.value)
      }
    }
  }
  return [...seen].map(([prefix, namespaceURI]) => ({ prefix, namespaceURI }))
}

/**
 * Canonicalizes `element` with exclusive c14n (xml-crypto's implementation, called directly:
 * its `SignedXml` path spends most of its time in XPath, which this sandbox does not need).
 *
 * `inclusivePrefixes` is the InclusiveNamespaces PrefixList some IdPs (ADFS, Okta) send.
 * `omit`, when given, is left out of the output: the enveloped-signature transform.
 */
export function canonicalize(
  element: Element,
  inclusivePrefixes: readonly string[] = [],
  omit?: Element,
): string {
  const parent = omit?.parentNode ?? null
  const next = omit?.nextSibling ?? null
  if (omit && parent) parent.removeChild(omit)
  try {
    const prefixes = [...inclusivePrefixes]
    if (prefixes.length > 0) {
      // xml-crypto renders InclusiveNamespaces by declaring them on the element; work on a
      // copy so that the caller's DOM keeps its original declarations.
      const copy = element.cloneNode(true) as Element
      for (const ns of ancestorNamespaces(element)) {
        if (prefixes.includes(ns.prefix) && !copy.hasAttribute(`xmlns:${ns.prefix}`)) {
          copy.setAttributeNS(XMLNS, `xmlns:${ns.prefix}`, ns.namespaceURI)
        }
      }
      return canonicalizer.process(copy as never, { inclusiveNamespacesPrefixList: prefixes }) as string
    }
    return canonicalizer.process(element as never, {}) as string
  } finally {
    if (omit && parent) parent.insertBefore(omit, next)
  }
}
