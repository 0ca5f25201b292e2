import { CLASSROOM_NEEDS_BOTH_SERVERS } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { signInToConsole } from '../../test-support/console'
import { createTestIdp } from '../../test-support/harness'

describe('Training in an admin center started on its own', () => {
  it('says the classroom actions need both servers, and refuses a reset or an exercise with 409 and that text', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const page = await browser.open(`${idp.url}/training`)
    expect(page.status).toBe(200)
    expect(page.facts.text).toContain(CLASSROOM_NEEDS_BOTH_SERVERS)
    expect(page.facts.forms.some((f) => f.action.pathname.endsWith('/training/exercises'))).toBe(false)
    const confirm = await browser.open(`${idp.url}/training/reset?step=3`)
    const form = confirm.facts.forms.find(
      (f) => f.action.pathname.endsWith('/training/reset') && f.method === 'POST',
    )
    if (!form) throw new Error('no reset form')
    for (const path of ['/training/reset', '/training/exercises']) {
      const refused = await browser.submit(
        confirm,
        { ...form, action: new URL(path, idp.url) },
        { exercise: 'clock-skew' },
      )
      expect(refused.status).toBe(409)
      expect(refused.facts.text).toContain(CLASSROOM_NEEDS_BOTH_SERVERS)
    }
  })
})
