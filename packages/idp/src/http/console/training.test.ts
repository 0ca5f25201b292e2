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

describe('Sandbox clock on the Training page', () => {
  it('shows Entra’s clock offset, sets it through the sandbox service, and puts it back with Use the real time', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const page = await browser.open(`${idp.url}/training`)
    expect(page.facts.text).toContain('Sandbox clock')
    expect(page.facts.text).toContain("Entra's clock shows the real time (offset 0 seconds).")
    const form = page.facts.forms.find((f) => f.action.pathname === '/training/clock')
    if (!form) throw new Error('no Sandbox clock form')
    const behind = await browser.submit(page, form, { offsetSeconds: '-7200' })
    expect(behind.url.pathname).toBe('/training')
    expect(behind.facts.text).toContain('Sandbox clock set')
    expect(behind.facts.text).toContain("Entra's clock runs 7200 seconds behind the real time")
    expect(idp.services.sandbox.clockOffsetSeconds()).toBe(-7200)
    const again = behind.facts.forms.find((f) => f.action.pathname === '/training/clock')
    if (!again) throw new Error('no Sandbox clock form')
    const real = await browser.submit(behind, again, { useRealTime: 'yes' })
    expect(real.facts.text).toContain("Entra's clock shows the real time again.")
    expect(idp.services.sandbox.clockOffsetSeconds()).toBe(0)
  })

  it('refuses a clock offset that is not a whole number of seconds with 400, the reason and the typed value', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const page = await browser.open(`${idp.url}/training`)
    const form = page.facts.forms.find((f) => f.action.pathname === '/training/clock')
    if (!form) throw new Error('no Sandbox clock form')
    for (const typed of ['two hours', '1.5', '99999999']) {
      const refused = await browser.submit(page, form, { offsetSeconds: typed })
      expect(refused.status).toBe(400)
      expect(refused.facts.text).toContain('must be a whole number of seconds')
      expect(refused.facts.text).toContain('-7200 runs two hours behind')
      expect(refused.body).toContain(`value="${typed}"`)
    }
    const forged = await browser.submit(page, form, { offsetSeconds: '60', csrfToken: 'forged' })
    expect(forged.status).toBe(403)
    expect(idp.services.sandbox.clockOffsetSeconds()).toBe(0)
  })
})
