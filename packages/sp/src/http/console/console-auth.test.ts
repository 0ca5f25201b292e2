import { fixedClock, offsetClock } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { CONSOLE_IDLE_MS } from '../../control-hub/console-sessions'
import { adminCredentialsOf, consoleBrowser, signedInConsole } from '../../test-support/console-client'
import { createTestSp } from '../../test-support/harness'
import { safeReturnPath } from './console-auth'

describe('Control Hub sign-in', () => {
  it('sends an unauthenticated visit to the sign-in page and back to the page after email and password', async () => {
    const sp = await createTestSp()
    const browser = consoleBrowser(sp)
    const visit = await browser.get('/admin?view=users')
    expect(visit.status).toBe(303)
    expect(visit.headers.get('location')).toBe('/admin/login?return=%2Fadmin%3Fview%3Dusers')
    const page = await browser.get(visit.headers.get('location') as string)
    expect(await page.text()).toContain('Enter your email address')
    const { email, password } = adminCredentialsOf(sp)
    const passwordStep = await browser.post('/admin/login', { email, return: '/admin?view=users' })
    expect(await passwordStep.text()).toContain('Enter your password')
    const signedIn = await browser.post('/admin/login/password', {
      email,
      password,
      return: '/admin?view=users',
    })
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.get('location')).toBe('/admin?view=users')
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('webex_sandbox_console='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const overview = await browser.get('/admin')
    expect(overview.status).toBe(200)
    expect(overview.headers.get('cache-control')).toContain('no-store')
    expect(await overview.text()).toContain(sp.orgId)
  })

  it('refuses an address that is not the administrator, a wrong password and a sign-in form without its token', async () => {
    const sp = await createTestSp()
    const browser = consoleBrowser(sp)
    await browser.get('/admin/login')
    const stranger = await browser.post('/admin/login', { email: 'b.simon@contoso.com' })
    expect(stranger.status).toBe(422)
    expect(await stranger.text()).toContain('is not a Control Hub administrator')
    const malformed = await browser.post('/admin/login', { email: 'not an email' })
    expect(await malformed.text()).toContain('Enter a valid email address')
    const { email } = adminCredentialsOf(sp)
    const wrong = await browser.post('/admin/login/password', { email, password: 'Wrong1234' })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('Incorrect password')
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith('webex_sandbox_console='))).toBe(false)
    const forged = await browser.post('/admin/login/password', { email, password: 'x', csrf_token: 'forged' })
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('Nothing was changed')
  })

  it('refuses a tampered session cookie and ends an idle session with the inactivity message', async () => {
    const clock = offsetClock(fixedClock(Date.parse('2026-03-01T10:00:00Z')))
    const sp = await createTestSp({ clock })
    const browser = await signedInConsole(sp)
    const tampered = await sp.app.request('/admin', {
      headers: {
        cookie: browser
          .cookieHeader()
          .replace(/webex_sandbox_console=([^.;]+)\.[^;]+/, 'webex_sandbox_console=$1.AAAA'),
      },
    })
    expect(tampered.status).toBe(303)
    clock.setOffset(CONSOLE_IDLE_MS + 1)
    const idle = await browser.get('/admin')
    expect(idle.headers.get('location')).toBe('/admin/login?expired=1')
    expect(await (await browser.get('/admin/login?expired=1')).text()).toContain(
      'Your session has expired due to inactivity.',
    )
  })

  it('signs out with a POST carrying the session token; the old cookie then opens nothing', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const kept = browser.cookieHeader()
    const forged = await browser.post('/admin/logout', { csrf_token: 'nope' })
    expect(forged.status).toBe(403)
    expect((await browser.get('/admin')).status).toBe(200)
    const out = await browser.post('/admin/logout', {})
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/admin/login?signed-out=1')
    expect((await sp.app.request('/admin', { headers: { cookie: kept } })).status).toBe(303)
  })

  it('keeps the return path on this site and inside Control Hub', () => {
    expect(safeReturnPath('/admin/users?q=a')).toBe('/admin/users?q=a')
    for (const hostile of [
      '//evil.example/admin',
      '/\\evil.example',
      'https://evil.example/admin',
      '/webex/home',
      '/admin/../x',
      '/admin/login',
      'admin',
      '/\u0000admin',
    ])
      expect(safeReturnPath(hostile)).toBe('/admin')
  })
})

describe('manage-sso recovery', () => {
  it('signs the administrator in with the one-time PIN printed to the sandbox log, once', async () => {
    const lines: string[] = []
    const sp = await createTestSp({ log: (line) => lines.push(line) })
    const browser = consoleBrowser(sp)
    await browser.get('/manage-sso')
    const { email } = adminCredentialsOf(sp)
    const pinPage = await browser.post('/manage-sso', { email })
    expect(await pinPage.text()).toContain('Enter the PIN')
    const pin = /recovery PIN for \S+: (\d{6})/.exec(lines.join('\n'))?.[1] ?? ''
    expect(pin).toMatch(/^\d{6}$/)
    const wrong = await browser.post('/manage-sso/pin', {
      email,
      pin: pin === '000000' ? '000001' : '000000',
    })
    expect(await wrong.text()).toContain('That PIN is not right')
    const done = await browser.post('/manage-sso/pin', { email, pin })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/admin/settings')
    const again = await consoleBrowser(sp).post('/manage-sso/pin', { email, pin })
    expect(again.status).toBe(403)
  })
})
