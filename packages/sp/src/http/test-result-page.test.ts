import { describe, expect, it } from 'vitest'
import { meaningOf } from '../errors/catalogue'
import { ACS_CHECK_LIST } from '../sign-in/acs/acs-pipeline'
import { createTestSp } from '../test-support/harness'
import { createIdpSide } from '../test-support/idp-side'

/** The page's text as a person reads it (tags and the `<wbr>` break hints removed). */
function textOf(html: string): string {
  return html
    .replace(/<wbr>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
}

async function testPage(audience?: string): Promise<string> {
  // samlify's second opinion reads the wall clock, so the SP runs on it too.
  const sp = await createTestSp()
  const idp = await createIdpSide(sp.runtime, sp.entity())
  await sp.api('POST', '/api/v1/sso/idp-metadata', {
    xml: idp.metadata({ chain: true }),
    trustMode: 'ca-signed',
  })
  const test = await sp.api('POST', '/api/v1/sso/test')
  const started = await sp.startSignIn({ path: new URL(test.json.url).pathname })
  const page = await sp.postToAcs(
    idp.response({ inResponseTo: started.requestId, ...(audience ? { audience } : {}) }),
    {
      browser: started.browser,
    },
  )
  expect(page.status).toBe(200)
  return textOf(await page.text())
}

describe('the Test SSO Connection tab', () => {
  it('says "Single Sign-on succeeded.", shows what the IdP sent and every ACS check, and ends with the way back', async () => {
    const text = await testPage()
    expect(text).toContain('Single Sign-on succeeded.')
    expect(text).toContain('NameID b.simon@contoso.com')
    expect(text).toContain('uid b.simon@contoso.com')
    expect(text).toMatch(/IssueInstant \d{4}-\d\d-\d\dT[\d:.]+Z NotBefore/)
    expect(text).toMatch(/Signing certificate Subject \S/)
    for (const check of ACS_CHECK_LIST) expect(text).toContain(check.name)
    expect(text).not.toContain('failed')
    expect(text).not.toMatch(/tick/i)
    expect(text).toContain('choose "This test was successful. Enable Single Sign-On"')
    expect(text.trimEnd().endsWith('then Next and Save.')).toBe(true)
    expect(text.indexOf('Close this tab and return to Control Hub')).toBeGreaterThan(text.indexOf('Replay'))
    // samlify's opinion names samlify once: the card is "Second opinion".
    const opinion = /Second opinion (.*?) Checks the ACS made/.exec(text)?.[1] ?? ''
    expect(opinion).toMatch(
      /^samlify accepts it \(NameID b\.simon@contoso\.com\): the same verdict as Webex\.$/,
    )
  })

  it('names a failure by its code, what it means and the fix, and marks the failed check and those not reached', async () => {
    const text = await testPage('https://idbroker.webex.com/wrong')
    expect(text).toContain('Single Sign-on failed.')
    expect(text).toContain('Error code SSO_AUDIENCE_MISMATCH')
    expect(text).toContain(`What it means ${meaningOf('SSO_AUDIENCE_MISMATCH')}`)
    expect(text).toContain('How to fix it')
    expect(text).toMatch(/Audience [^|]*? failed /)
    expect(text).toMatch(/Replay [^|]*? not reached/)
    expect(text).toContain('Close this tab and return to Control Hub')
  })
})
