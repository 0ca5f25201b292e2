import { elementChildren, parseXml } from '@sandbox/shared'

/** The structure of an element: qualified name, namespace, attribute names in order, children. */
export interface XmlShape {
  readonly name: string
  readonly namespace: string | null
  readonly attributes: readonly string[]
  readonly children: readonly XmlShape[]
}

function shapeOfElement(element: Element): XmlShape {
  const attributes: string[] = []
  for (let i = 0; i < element.attributes.length; i += 1)
    attributes.push(element.attributes.item(i)?.name ?? '')
  const children: XmlShape[] = []
  let previous: string | null = null
  for (const child of elementChildren(element)) {
    // Repeated siblings (several keys, claims, certificates) collapse into one: the structure
    // is compared, not how many of each a given tenant has.
    if (child.tagName === previous) continue
    previous = child.tagName
    children.push(shapeOfElement(child))
  }
  return { name: element.tagName, namespace: element.namespaceURI, attributes, children }
}

/** Parses `xml` (BOM tolerated) and returns the shape of its root element. */
export function shapeOf(xml: string): XmlShape {
  const doc = parseXml(xml, { maxBytes: 4 * 1024 * 1024, maxDepth: 64 })
  if (!doc.ok) throw new Error(doc.error.message)
  return shapeOfElement(doc.value.documentElement)
}

/** Finds the first element shape with this local name (depth-first). */
export function findShape(shape: XmlShape, localName: string): XmlShape | undefined {
  if (shape.name.replace(/^.*:/, '') === localName) return shape
  for (const child of shape.children) {
    const found = findShape(child, localName)
    if (found) return found
  }
  return undefined
}
