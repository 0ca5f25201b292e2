import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp } from '../../test-support/harness'

describe('Organization Settings', () => {
  it('renames the org through the organization service: 303 and a toast, which the next page uses up', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    await browser.get('/admin/settings')
    const saved = await browser.post('/admin/settings/organization', { name: 'Fabrikam' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe('/admin/settings')
    expect(sp.services.org.current().name).toBe('Fabrikam')
    const page = await (await browser.get('/admin/settings')).text()
    expect(page).toContain('Organization name saved.')
    expect(await (await browser.get('/admin/settings')).text()).not.toContain('Organization name saved.')
  })

  it('re-renders a refused name with the message and what was typed, changing nothing', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const refused = await browser.post('/admin/settings/organization', { name: 'x'.repeat(81) })
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toContain('The organization name must be 1 to 80 characters')
    expect(html).toContain(`value="${'x'.repeat(81)}"`)
    expect(sp.services.org.current().name).toBe('Contoso')
  })

  it('refuses a form without the session CSRF token, and one from another session', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const other = await signedInConsole(sp)
    expect((await browser.post('/admin/settings/organization', { name: 'A', csrf_token: '' })).status).toBe(
      403,
    )
    const crossed = await browser.post('/admin/settings/organization', {
      name: 'A',
      csrf_token: other.csrfToken(),
    })
    expect(crossed.status).toBe(403)
    expect(sp.services.org.current().name).toBe('Contoso')
  })

  it('shows both SCIM base URLs and generates a named token shown once, beside the organization token', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const before = sp.services.scimToken.current()
    const settings = await (await browser.get('/admin/settings')).text()
    expect(settings).toContain(`/identity/scim/${sp.orgId}/v2`)
    expect(settings).toContain(`/v1/scim/${sp.orgId}`)
    const generated = await browser.post('/admin/settings/scim/token', {
      name: 'Entra provisioning connector',
    })
    expect(generated.status).toBe(200)
    expect(generated.headers.get('cache-control')).toContain('no-store')
    const token = /id="new-scim-token">([^<]+)</.exec(await generated.text())?.[1] as string
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect(await (await browser.get('/admin/settings')).text()).not.toContain(token)
    expect(sp.services.scimToken.current()).toBe(before)
    for (const bearer of [token, before]) {
      const answer = await sp.app.request(`/identity/scim/${sp.orgId}/v2/Users`, {
        headers: { authorization: `Bearer ${bearer}` },
      })
      expect(answer.status).toBe(200)
    }
  })
})
