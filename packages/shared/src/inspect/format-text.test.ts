import { beforeAll, describe, expect, it } from 'vitest'
import { orgContext } from '../test-support/inspect-kit'
import { buildResponse, type TestSigner, testSigners } from '../test-support/saml-messages'
import { parseXml, SAML_MESSAGE_LIMITS } from '../xml/parse'
import { formatInspectionText } from './format-text'
import { inspectSaml } from './inspect-saml'
import { prettyPrintXml } from './pretty-xml'
import type { InspectionReport } from './report'

let idp: TestSigner
beforeAll(async () => {
  idp = (await testSigners()).idp
})

const SCRIPT = '<script>alert(1)</script>'

function reportOf(xml: string): InspectionReport {
  const report = inspectSaml(xml, { context: orgContext(idp) })
  if (!report.ok) throw new Error(report.error.message)
  return report.value
}

describe('prettyPrintXml', () => {
  it('indents elements, keeps text, CDATA, comments and attributes, escaping only what XML requires', () => {
    const parsed = parseXml(
      '<a xmlns="urn:a" x="1 &lt; 2 &gt; 0 &quot;q&quot; &amp;"><b>text &lt;i&gt; &amp; more</b><c/><!-- note --><d><![CDATA[raw <x>]]></d><e>mixed<f/>tail</e></a>',
      SAML_MESSAGE_LIMITS,
    )
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(prettyPrintXml(parsed.value)).toBe(
      [
        '<a xmlns="urn:a" x="1 &lt; 2 > 0 &quot;q&quot; &amp;">',
        '  <b>text &lt;i> &amp; more</b>',
        '  <c/>',
        '  <!-- note -->',
        '  <d><![CDATA[raw <x>]]></d>',
        '  <e>',
        '    mixed',
        '    <f/>',
        '    tail',
        '  </e>',
        '</a>',
      ].join('\n'),
    )
  })
})

describe('the report as text and as JSON: plain text, never HTML', () => {
  it('prints a value with <script> verbatim in the summary, as XML in the decoded message, and as the same string in JSON', () => {
    const xml = buildResponse(idp, { attributes: { uid: 'b.simon@contoso.com', note: SCRIPT } }).replace(
      '<Attribute Name="note">',
      '<Attribute Name="note" FriendlyName="&lt;script>x&lt;/script>">',
    )
    const report = reportOf(xml)
    const text = formatInspectionText(report)
    expect(text).toContain(`  note [<script>x</script>] = ${SCRIPT}`)
    expect(text).toContain('<Attribute Name="note" FriendlyName="&lt;script>x&lt;/script>">')
    expect(text).toContain('<AttributeValue>&lt;script>alert(1)&lt;/script></AttributeValue>')
    expect(text).not.toMatch(/&amp;lt;|&lt;script&gt;|&#60;|&#x3c;/i)

    const json = JSON.stringify(report)
    expect(json).toContain(`"values":["${SCRIPT}"]`)
    const parsed = JSON.parse(json) as InspectionReport
    expect(parsed.messages[0]?.summary.attributes.find((a) => a.name === 'note')).toEqual({
      name: 'note',
      friendlyName: '<script>x</script>',
      nameFormat: null,
      values: [SCRIPT],
    })
    expect(parsed.messages[0]?.xml).toContain(
      '<AttributeValue>&lt;script>alert(1)&lt;/script></AttributeValue>',
    )
  })

  it('shows characters a terminal would act on by their code: an escape sequence cannot rewrite the screen', () => {
    const xml = buildResponse(idp, { attributes: { uid: 'b.simon@contoso.com', note: 'x' } }).replace(
      '<AttributeValue>x</AttributeValue>',
      '<AttributeValue>&#x1B;[2J\u009B31m\u202Emoc.live</AttributeValue>',
    )
    const text = formatInspectionText(reportOf(xml))
    expect(text).toContain('note = \\u{1B}[2J\\u{9B}31m\\u{202E}moc.live')
    for (const character of ['\u001b', '\u009b', '\u202e']) expect(text).not.toContain(character)
    expect(reportOf(xml).messages[0]?.summary.attributes[1]?.values).toEqual([
      '\u001b[2J\u009b31m\u202emoc.live',
    ])
  })

  it('shows what was detected, the context, each check with its fix, and a one-line result', () => {
    const text = formatInspectionText(reportOf(buildResponse(idp, { audience: 'https://x' })))
    expect(text).toMatch(
      /^Detected: raw XML\nJudged at: 2026-03-01T12:01:00\.000Z\nCompared with:\n {2}- SP entityID /,
    )
    expect(text).toContain('== Message 1 of 1: Response ==')
    expect(text).toMatch(/ {2}FAIL {2}Audience +Audience is `https:\/\/x` but the Webex org's entityID is/)
    expect(text).toMatch(
      /\n +Fix: Entra admin center > Enterprise applications > Cisco Webex > Single sign-on > Basic SAML Configuration > Edit/,
    )
    expect(text).toMatch(/ {2}ok {4}NameID +b\.simon@contoso\.com \(emailAddress\)/)
    expect(text.trimEnd().split('\n').at(-1)).toBe('Result: 1 check failed in 1 of 1 message.')
  })
})
