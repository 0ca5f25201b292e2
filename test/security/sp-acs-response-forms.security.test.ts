import { beforeAll, describe, expect, it } from 'vitest'
import { expectAcsSuccess, readAnswer } from './corpus/acs-kit'
import { createSandbox, type Sandbox } from './corpus/sandbox'

/**
 * Well-formed spellings of a genuine Response that mean the same thing: an XML declaration
 * (pysaml2 and xmlsec1 write one), a comment before the root, single-quoted attributes. The ACS
 * reads InResponseTo from the parsed Response, so each finds its pending request, at sign-in
 * and in Test SSO Connection alike (a pattern over the text once missed all three, and judged
 * the Response as unsolicited).
 */
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await createSandbox()
})

const FORMS: ReadonlyArray<readonly [string, (xml: string) => string]> = [
  ['an XML declaration', (xml) => `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`],
  ['a single-quoted XML declaration', (xml) => `<?xml version='1.0' encoding='UTF-8'?>${xml}`],
  ['a leading comment', (xml) => `<!-- relayed by the corporate proxy > -->\n${xml}`],
  // The InResponseTo inside the signed assertion too: c14n writes attributes double-quoted.
  ['single-quoted InResponseTo', (xml) => xml.replace(/ InResponseTo="([^"]*)"/g, " InResponseTo='$1'")],
  [
    'all three at once',
    (xml) =>
      `<?xml version="1.0"?><!--x-->${xml.replace(/ InResponseTo="([^"]*)"/g, " InResponseTo = '$1'")}`,
  ],
]

describe('genuine Responses in other well-formed spellings', () => {
  it.each(FORMS)('signs in with %s', async (_name, respell) => {
    const intercepted = await sandbox.intercept()
    const xml = respell(intercepted.responseXml)
    expect(xml).not.toBe(intercepted.responseXml)
    await expectAcsSuccess(sandbox, intercepted, xml)
  })

  it.each(FORMS)('is recorded by Test SSO Connection with %s', async (_name, respell) => {
    await sandbox.importIdpMetadata()
    const test = (await (await sandbox.sp.api('POST', '/api/v1/sso/test')).json()) as { url: string }
    const intercepted = await sandbox.intercept({ startUrl: test.url })
    const page = await readAnswer(
      await sandbox.postToAcs(intercepted.browser, respell(intercepted.responseXml)),
    )
    expect(page.status, page.text.slice(0, 300)).toBe(200)
    const result = (await (await sandbox.sp.api('GET', '/api/v1/sso/test/result')).json()) as Record<
      string,
      unknown
    >
    expect(result, JSON.stringify(result)).toMatchObject({ status: 'passed', nameId: sandbox.idp.adminUpn })
    expect(sandbox.sp.memory.attempts().at(-1)).toMatchObject({
      purpose: 'test',
      outcome: 'success',
    })
  })
})
