/** Small DOM helpers over xmldom nodes. Everything matches on namespace URI and local name. */

/** The element children of `parent` (text, comments and PIs skipped). */
export function elementChildren(parent: Node): Element[] {
  const out: Element[] = []
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child as Element)
  }
  return out
}

/** The element children of `parent` with this namespace and local name. */
export function childrenNamed(parent: Node, namespace: string, localName: string): Element[] {
  return elementChildren(parent).filter((e) => e.namespaceURI === namespace && e.localName === localName)
}

/** The first such child, or null. */
export function childNamed(parent: Node, namespace: string, localName: string): Element | null {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      const e = child as Element
      if (e.namespaceURI === namespace && e.localName === localName) return e
    }
  }
  return null
}

/** Every descendant element (document order) with this namespace and local name. */
export function descendantsNamed(root: Node, namespace: string, localName: string): Element[] {
  const out: Element[] = []
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue
      const e = child as Element
      if (e.namespaceURI === namespace && e.localName === localName) out.push(e)
      walk(e)
    }
  }
  walk(root)
  return out
}

/** Visits every element of the subtree, `root` included. */
export function forEachElement(root: Element, visit: (element: Element) => void): void {
  const stack: Element[] = [root]
  while (stack.length > 0) {
    const element = stack.pop() as Element
    visit(element)
    for (let child = element.lastChild; child; child = child.previousSibling) {
      if (child.nodeType === 1) stack.push(child as Element)
    }
  }
}

/**
 * The characters a non-element node contributes to its element's value, exactly as exclusive
 * c14n without comments (the only canonicalization signatures here may use) puts them in the
 * signed bytes: a text node or CDATA section its character data, a comment nothing. Both
 * {@link textOf} and the canonicalizer (`c14n.ts`) read content through this one function, so a
 * value can never read differently from what its signature covers. Any other node (a
 * processing instruction, an entity reference) has no agreed reading and is refused: the
 * parser never lets one through, and a DOM built by code with one cannot be signed or read.
 */
export function signedCharactersOf(node: Node): string {
  switch (node.nodeType) {
    case 3:
    case 4:
      return (node as CharacterData).data
    case 8:
      return ''
    default:
      throw new Error(
        `Node type ${node.nodeType} (${node.nodeName}) has no canonical text; it cannot be read or signed.`,
      )
  }
}

/**
 * The text of an element: its text and CDATA children, concatenated across comments, as c14n
 * signs them (see {@link signedCharactersOf}). So `admin@corp.test<!---->.evil.test` reads as the
 * full string, never as `admin@corp.test` (the CVE-2017-11427 family).
 */
export function textOf(element: Element): string {
  let text = ''
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) text += signedCharactersOf(child)
  }
  return text
}

/** An attribute value, or null when absent (xmldom returns '' for absent attributes). */
export function attributeOf(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null
}
