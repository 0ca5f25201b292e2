import { describe, expect, it } from 'vitest'
import { readRealFixture, TERCEN_RESPONSE } from '../../../../../test/support/real-fixtures'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp } from '../../test-support/harness'

function preOf(html: string): string {
  const pre = /<pre[^>]*>([\s\S]*?)<\/pre>/.exec(html)
  if (!pre?.[1]) throw new Error('the page has no <pre> report')
  return pre[1]
}

describe('Control Hub > SAML inspector', () => {
  it('is in the navigation and reports a real Entra Response as expired, escaped in a <pre>', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const page = await (await browser.get('/admin/saml-inspector')).text()
    expect(page).toContain('href="/admin/saml-inspector"')
    expect(page).toContain('SAML message, metadata or HAR')
    const answer = await browser.post('/admin/saml-inspector', {
      message: readRealFixture(TERCEN_RESPONSE),
      at: '2022-02-23T20:52:30Z',
    })
    expect(answer.status).toBe(200)
    const html = await answer.text()
    const report = preOf(html)
    expect(report).toContain('expired 2 h 03 min ago')
    // The decoded XML is text: its tags arrive escaped, never as markup.
    expect(report).toContain('&lt;samlp:Response')
    expect(report).not.toContain('<samlp:Response')
    expect(html).toContain('checks failed')
    expect(html).toContain('Compared with this org')
  })

  it('refuses an empty paste, an unreadable time and a paste over 1 MB with what to do, keeping the page', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const empty = await browser.post('/admin/saml-inspector', { message: '  ', at: '' })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Paste a SAML message')
    const badTime = await browser.post('/admin/saml-inspector', { message: '<x/>', at: 'yesterday-ish' })
    expect(badTime.status).toBe(422)
    expect(await badTime.text()).toContain('is not a time I can read')
    const huge = await browser.post('/admin/saml-inspector', {
      message: 'A'.repeat(1024 * 1024 + 10),
      at: '',
    })
    expect(huge.status).toBe(422)
    expect(await huge.text()).toContain('at most 1 MB')
  })

  it('refuses a post without the CSRF token', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const answer = await browser.post('/admin/saml-inspector', { message: '<x/>', at: '', csrf_token: '' })
    expect(answer.status).toBe(403)
  })
})
