import { beforeEach, describe, expect, it } from 'vitest'
import { createTestSp, type TestSp } from '../test-support/harness'

let t: TestSp
beforeEach(async () => {
  t = await createTestSp()
})

describe('users JSON API', () => {
  it('adds, lists, reads, modifies, deactivates and deletes users', async () => {
    const added = await t.api('POST', '/api/v1/users', {
      email: 'b.simon@contoso.com',
      firstName: 'B',
      lastName: 'Simon',
    })
    expect(added.status).toBe(201)
    expect(added.json).toMatchObject({
      email: 'b.simon@contoso.com',
      displayName: 'B Simon',
      status: 'Active',
      source: 'manual',
    })
    const id = added.json.id as string
    const list = await t.api('GET', '/api/v1/users?search=simon&limit=10')
    expect(list.json).toMatchObject({ total: 1, offset: 0, limit: 10, items: [{ id }] })
    expect((await t.api('GET', `/api/v1/users/${id}`)).json.email).toBe('b.simon@contoso.com')
    const modified = await t.api('PATCH', `/api/v1/users/${id}`, { lastName: 'Simons' })
    expect(modified.json).toMatchObject({ lastName: 'Simons', displayName: 'B Simons' })
    const off = await t.api('POST', `/api/v1/users/${id}/deactivate`)
    expect(off.json).toMatchObject({ active: false, status: 'Inactive' })
    expect((await t.api('POST', `/api/v1/users/${id}/activate`)).json.active).toBe(true)
    expect((await t.api('DELETE', `/api/v1/users/${id}`)).status).toBe(204)
    expect((await t.api('GET', `/api/v1/users/${id}`)).json).toMatchObject({
      error: { code: 'USER_NOT_FOUND' },
    })
  })

  it('answers bad input with {error: {code, message, fix}}', async () => {
    const bad = await t.api('POST', '/api/v1/users', { email: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({
      code: 'USER_INVALID',
      message: expect.stringContaining('nope'),
      fix: expect.any(String),
    })
    const unknown = await t.api('POST', '/api/v1/users', { email: 'a@contoso.com', role: 'admin' })
    expect(unknown).toMatchObject({ status: 400, json: { error: { code: 'INVALID_BODY' } } })
    await t.api('POST', '/api/v1/users', { email: 'a@contoso.com' })
    expect((await t.api('POST', '/api/v1/users', { email: 'A@contoso.com' })).status).toBe(409)
    expect((await t.api('GET', '/api/v1/users?offset=-1')).json.error.code).toBe('INVALID_QUERY')
    expect((await t.api('DELETE', '/api/v1/users/nope')).status).toBe(404)
  })

  it('requires the admin token', async () => {
    const response = await t.app.request('/api/v1/users')
    expect(response.status).toBe(401)
    const scimToken = await t.app.request('/api/v1/scim/token', {
      headers: { authorization: `Bearer ${t.store.read().scimToken}` },
    })
    expect(scimToken.status).toBe(401)
  })

  it('shows and regenerates the SCIM token with the tenant URLs', async () => {
    const shown = await t.api('GET', '/api/v1/scim/token')
    expect(shown.json).toEqual({
      token: t.store.read().scimToken,
      scimBaseUrl: `${t.url}/identity/scim/${t.orgId}/v2`,
      legacyScimBaseUrl: `${t.url}/v1/scim/${t.orgId}`,
    })
    const fresh = await t.api('POST', '/api/v1/scim/token')
    expect(fresh.status).toBe(201)
    expect(fresh.json.token).not.toBe(shown.json.token)
    expect(t.store.read().scimToken).toBe(fresh.json.token)
  })
})
