import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp, type TestSp } from '../../test-support/harness'

const users = (sp: TestSp) => `/identity/scim/${sp.orgId}/v2/Users`
const scimGet = (sp: TestSp, token: string) =>
  sp.app.request(users(sp), { headers: { authorization: `Bearer ${token}` } })

async function generate(browser: Awaited<ReturnType<typeof signedInConsole>>, name: string): Promise<string> {
  const answer = await browser.post('/admin/settings/scim/token', { name })
  expect(answer.status).toBe(200)
  const token = /id="new-scim-token">([^<]+)</.exec(await answer.text())?.[1]
  if (!token) throw new Error('no token on the page')
  return token
}

describe('Organization Settings > SCIM connector tokens', () => {
  it('generates several named tokens, lists them with created and last used dates, never their values', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const entra = await generate(browser, 'Entra provisioning connector')
    const other = await generate(browser, 'Okta bridge')
    expect((await scimGet(sp, entra)).status).toBe(200)
    const listed = sp.services.scimToken.connectors.list()
    expect(listed.map((t) => t.name)).toEqual(['Entra provisioning connector', 'Okta bridge'])
    expect(listed[0]?.lastUsedAt).not.toBeNull()
    expect(listed[1]?.lastUsedAt).toBeNull()
    const page = await (await browser.get('/admin/settings')).text()
    expect(page).toContain('<caption>SCIM tokens</caption>')
    expect(page).toContain('Entra provisioning connector')
    expect(page).toContain('Okta bridge')
    expect(page).toContain('Never')
    expect(page).not.toContain(entra)
    expect(page).not.toContain(other)
    expect(JSON.stringify(sp.store.read())).not.toContain(entra)
  })

  it('asks before revoking; once revoked the token gets 401 from SCIM and the other keeps working', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const entra = await generate(browser, 'Entra provisioning connector')
    const other = await generate(browser, 'Okta bridge')
    const id = sp.services.scimToken.connectors.list()[0]?.id as string
    const confirm = await (await browser.get(`/admin/settings?revoke=${id}`)).text()
    expect(confirm).toContain('role="alertdialog"')
    expect(confirm).toContain('Entra provisioning connector will stop working at once')
    expect((await scimGet(sp, entra)).status).toBe(200)
    const revoked = await browser.post(`/admin/settings/scim/tokens/${id}/revoke`, {})
    expect(revoked.status).toBe(303)
    expect(await (await browser.get('/admin/settings')).text()).toContain('Token revoked.')
    const refused = await scimGet(sp, entra)
    expect(refused.status).toBe(401)
    expect((await refused.json()).detail).toContain('not valid for this organization')
    expect((await scimGet(sp, other)).status).toBe(200)
    const again = await browser.post(`/admin/settings/scim/tokens/${id}/revoke`, {})
    expect(again.status).toBe(404)
    expect(await again.text()).toContain('it may already be revoked')
  })

  it('refuses generate and revoke without the session CSRF token, changing nothing', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const entra = await generate(browser, 'Entra provisioning connector')
    const id = sp.services.scimToken.connectors.list()[0]?.id as string
    const forged = { csrf_token: '' }
    expect((await browser.post('/admin/settings/scim/token', { name: 'x', ...forged })).status).toBe(403)
    expect((await browser.post(`/admin/settings/scim/tokens/${id}/revoke`, forged)).status).toBe(403)
    expect(sp.services.scimToken.connectors.list()).toHaveLength(1)
    expect((await scimGet(sp, entra)).status).toBe(200)
  })

  it('re-renders a refused name with the message and what was typed (422)', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const refused = await browser.post('/admin/settings/scim/token', { name: '   ' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('The token name must be 1 to 100 characters')
    expect(sp.services.scimToken.connectors.list()).toEqual([])
  })

  it('regenerating the organization token through the API revokes every named token', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const entra = await generate(browser, 'Entra provisioning connector')
    const fresh = await sp.api('POST', '/api/v1/scim/token')
    expect(fresh.status).toBe(201)
    expect((await scimGet(sp, entra)).status).toBe(401)
    expect((await scimGet(sp, fresh.json.token)).status).toBe(200)
    expect(sp.services.scimToken.connectors.list()).toEqual([])
  })

  it('lists the organization token (name, created date) and revokes it like the others until it is regenerated', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const organization = sp.services.scimToken.current()
    expect((await scimGet(sp, organization)).status).toBe(200)
    const listed = await (await browser.get('/admin/settings')).text()
    const table = listed.slice(listed.indexOf('<caption>SCIM tokens</caption>'))
    expect(table).toContain('Organization SCIM token')
    expect(table).toContain(`${sp.store.read().organization.createdAt.slice(0, 10)} `)
    expect(table).toContain('aria-label="Revoke Organization SCIM token"')
    expect(listed).not.toContain(organization)
    const confirm = await (await browser.get('/admin/settings?revoke=organization')).text()
    expect(confirm).toContain('Organization SCIM token will stop working at once')
    expect((await browser.post('/admin/settings/scim/tokens/organization/revoke', {})).status).toBe(303)
    expect((await scimGet(sp, organization)).status).toBe(401)
    expect(await (await browser.get('/admin/settings')).text()).not.toContain('Organization SCIM token')
    const shown = await sp.api('GET', '/api/v1/scim/token')
    expect(shown.status).toBe(409)
    expect(shown.json.error.code).toBe('SCIM_TOKEN_REVOKED')
    expect((await sp.api('DELETE', '/api/v1/scim/tokens/organization')).status).toBe(404)
    const fresh = await sp.api('POST', '/api/v1/scim/token')
    expect((await scimGet(sp, fresh.json.token)).status).toBe(200)
    expect((await sp.api('GET', '/api/v1/scim/tokens')).json.items[0]).toMatchObject({
      id: 'organization',
      name: 'Organization SCIM token',
      lastUsedAt: expect.any(String),
    })
  })

  it('lists, generates and revokes the same tokens under /api/v1/scim/tokens', async () => {
    const sp = await createTestSp()
    const made = await sp.api('POST', '/api/v1/scim/tokens', { name: 'Entra provisioning connector' })
    expect(made.status).toBe(201)
    expect(made.json).toMatchObject({ name: 'Entra provisioning connector', lastUsedAt: null })
    expect((await scimGet(sp, made.json.token)).status).toBe(200)
    const list = await sp.api('GET', '/api/v1/scim/tokens')
    expect(list.json.items.map((t: { name: string }) => t.name)).toEqual([
      'Organization SCIM token',
      'Entra provisioning connector',
    ])
    expect(JSON.stringify(list.json)).not.toContain(made.json.token)
    expect((await sp.api('POST', '/api/v1/scim/tokens', { name: '' })).status).toBe(400)
    expect((await sp.api('DELETE', `/api/v1/scim/tokens/${made.json.id}`)).status).toBe(204)
    expect((await scimGet(sp, made.json.token)).status).toBe(401)
    expect((await sp.api('DELETE', `/api/v1/scim/tokens/${made.json.id}`)).status).toBe(404)
  })
})

describe('Organization Settings > SCIM activity', () => {
  it('shows who called, what changed and the result, newest first', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const entra = await generate(browser, 'Entra provisioning connector')
    const created = await sp.app.request(users(sp), {
      method: 'POST',
      headers: { authorization: `Bearer ${entra}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'b.simon@contoso.com',
        name: { givenName: 'B', familyName: 'Simon' },
      }),
    })
    expect(created.status).toBe(201)
    expect((await scimGet(sp, 'wrong-token-value-that-is-long-enough-to-look-real')).status).toBe(401)
    const page = await (await browser.get('/admin/settings')).text()
    const log = page.slice(page.indexOf('<caption>SCIM activity log</caption>'))
    expect(log).toContain('Entra provisioning connector')
    expect(log).toContain('b.simon@contoso.com')
    expect(log).toContain('name.familyName = &quot;Simon&quot;')
    expect(log).toContain('Success (201)')
    expect(log).toContain('Failure (401)')
    expect(log.indexOf('Failure (401)')).toBeLessThan(log.indexOf('Success (201)'))
  })

  it('names the sandbox fault that answered a call', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    expect(sp.services.scimFaults.add({ preset: 'rate-limited', count: 1 }).ok).toBe(true)
    expect((await scimGet(sp, sp.services.scimToken.current())).status).toBe(429)
    const page = await (await browser.get('/admin/settings')).text()
    const log = page.slice(page.indexOf('<caption>SCIM activity log</caption>'))
    expect(log).toContain('Failure (429)')
    expect(log).toContain('Sandbox fault: rate-limited')
  })
})
