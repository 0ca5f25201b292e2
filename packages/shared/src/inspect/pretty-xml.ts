/**
 * Indented XML text for a person to read: one element a line, attributes as written, text and
 * attribute values escaped only as XML requires (`&`, `<`, and `"` in attributes), so a value
 * such as `<script>` reads as `&lt;script>` in the XML and nowhere turns into markup. It is
 * text, to be printed or put in JSON, never HTML.
 */

const INDENT = '  '

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/]]>/g, ']]&gt;')
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}

function openTag(element: Element): string {
  let tag = `<${element.nodeName}`
  for (let i = 0; i < element.attributes.length; i += 1) {
    const attribute = element.attributes.item(i)
    if (attribute) tag += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`
  }
  return tag
}

/** A text, CDATA or comment node as it reads in XML. */
function leaf(node: Node): string {
  if (node.nodeType === 4) return `<![CDATA[${(node as CharacterData).data}]]>`
  if (node.nodeType === 8) return `<!--${(node as CharacterData).data}-->`
  return escapeText((node as CharacterData).data)
}

function render(element: Element, depth: number, lines: string[]): void {
  const pad = INDENT.repeat(depth)
  const children: Node[] = []
  for (let child = element.firstChild; child; child = child.nextSibling) children.push(child)
  const elements = children.filter((c) => c.nodeType === 1)
  if (children.length === 0) {
    lines.push(`${pad}${openTag(element)}/>`)
    return
  }
  if (elements.length === 0) {
    lines.push(`${pad}${openTag(element)}>${children.map(leaf).join('')}</${element.nodeName}>`)
    return
  }
  lines.push(`${pad}${openTag(element)}>`)
  for (const child of children) {
    if (child.nodeType === 1) render(child as Element, depth + 1, lines)
    else if (child.nodeType !== 3 || /\S/.test((child as Text).data))
      lines.push(`${pad}${INDENT}${leaf(child).trim()}`)
  }
  lines.push(`${pad}</${element.nodeName}>`)
}

/** The document's root element, indented two spaces a level. */
export function prettyPrintXml(doc: Document): string {
  const lines: string[] = []
  render(doc.documentElement, 0, lines)
  return lines.join('\n')
}
