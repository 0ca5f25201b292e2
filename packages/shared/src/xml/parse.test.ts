import { describe, expect, it } from 'vitest'
import { canonicalize } from './c14n'
import { textOf } from './dom'
import { parseXml, SAML_MESSAGE_LIMITS } from './parse'

const parse = (xml: string) => parseXml(xml, SAML_MESSAGE_LIMITS)
const codeOf = (xml: string) => {
  const parsed = parse(xml)
  return parsed.ok ? 'OK' : parsed.error.code
}

describe('parseXml refuses processing instructions', () => {
  it.each([
    ['inside a value', '<a>b<?x ob?>.simon</a>'],
    ['empty', '<a>b<?x?></a>'],
    ['between elements', '<a><b/><?x y?><c/></a>'],
    ['before the root', '<?x y?><a/>'],
    ['after the root', '<a/><?x y?>'],
    ['after the declaration', '<?xml version="1.0"?><?xml-stylesheet href="s"?><a/>'],
    ['a second declaration', '<?xml version="1.0"?><?xml version="1.0"?><a/>'],
    ['a declaration inside the root', '<a><?xml version="1.0"?></a>'],
    ['an upper-case XML target', '<?XML version="1.0"?><a/>'],
  ])('%s', (_name, xml) => {
    const parsed = parse(xml)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.code).toBe('XML_PROCESSING_INSTRUCTION_FORBIDDEN')
    expect(parsed.error.message).toContain('processing instruction')
  })

  it('accepts the XML declaration as the first node, with single or double quotes', () => {
    expect(codeOf('<?xml version="1.0" encoding="UTF-8"?><a/>')).toBe('OK')
    expect(codeOf("<?xml version='1.0' encoding='utf-8' standalone='no'?>\n<!-- c --><a/>")).toBe('OK')
    expect(codeOf('\uFEFF<?xml version="1.0"?><a/>')).toBe('OK')
  })

  it('refuses a declaration that is not one', () => {
    expect(codeOf('<?xml?><a/>')).toBe('XML_MALFORMED')
    expect(codeOf('<?xml version="1.0" evil="yes"?><a/>')).toBe('XML_MALFORMED')
  })

  it('refuses text after the root element, which the DOM parser would keep silently', () => {
    expect(codeOf('<a>x</a>garbage')).toBe('XML_MALFORMED')
    expect(codeOf('<a>x</a>\n  ')).toBe('OK')
  })

  it('does not mistake <? inside CDATA or an attribute value for a processing instruction', () => {
    const cdata = parse('<a>x<![CDATA[<?x y?>]]>z</a>')
    expect(cdata.ok).toBe(true)
    if (!cdata.ok) return
    expect(textOf(cdata.value.documentElement)).toBe('x<?x y?>z')
    const attribute = parse('<a v="&lt;?x?&gt;">t</a>')
    expect(attribute.ok).toBe(true)
    if (attribute.ok) expect(attribute.value.documentElement.getAttribute('v')).toBe('<?x?>')
  })
})

describe('the value reader and c14n read text the same way', () => {
  it('reads text, CDATA and text around comments exactly as exclusive c14n signs them', () => {
    const parsed = parse('<a>admin@corp.test<!---->.evil<![CDATA[&<>]]>.test</a>')
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const element = parsed.value.documentElement
    expect(textOf(element)).toBe('admin@corp.test.evil&<>.test')
    expect(canonicalize(element)).toBe('<a>admin@corp.test.evil&amp;&lt;&gt;.test</a>')
  })

  it('refuses to canonicalize or read a processing instruction put into a DOM by code', () => {
    const parsed = parse('<a>b</a>')
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const doc = parsed.value
    doc.documentElement.appendChild(doc.createProcessingInstruction('x', 'ob'))
    expect(() => canonicalize(doc.documentElement)).toThrow(/no canonical text/)
    expect(() => textOf(doc.documentElement)).toThrow(/no canonical text/)
  })
})
