import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_SCIM_ACTIVITY } from '../scim/scim-activity'
import { createTestSp, type TestSp } from '../test-support/harness'
import { createScimUser, GROUP_URN, patchOp, scimRequest } from '../test-support/scim-client'

let t: TestSp
let base: string
beforeEach(async () => {
  t = await createTestSp()
  base = `/v1/scim/${t.orgId}`
})

const activity = async (query = '') => (await t.api('GET', `/api/v1/scim/activity${query}`)).json

describe('SCIM activity log (GET /api/v1/scim/activity)', () => {
  it('records who created, changed and deleted a user, what changed and the result, newest first', async () => {
    const id = await createScimUser(t, base, 'b.simon@contoso.com', { password: 'Secret123!' })
    await scimRequest(
      t,
      'PATCH',
      `${base}/Users/${id}`,
      patchOp({ op: 'Replace', path: 'name.familyName', value: 'Simons' }),
      {
        'user-agent': 'Entra provisioning',
      },
    )
    expect((await scimRequest(t, 'DELETE', `${base}/Users/${id}`)).status).toBe(204)
    const { items, limit } = await activity()
    expect(limit).toBe(MAX_SCIM_ACTIVITY)
    expect(items.map((e: { operation: string }) => e.operation)).toEqual(['delete', 'update', 'create'])
    const [deleted, updated, created] = items
    expect(created).toMatchObject({
      method: 'POST',
      path: '/Users',
      resourceType: 'User',
      target: { id, name: 'b.simon@contoso.com' },
      result: 'success',
      status: 201,
      caller: { credential: 'scim-token' },
    })
    expect(created.changes).toEqual(
      expect.arrayContaining([
        'userName = "b.simon@contoso.com"',
        'name.familyName = "Simon"',
        'password = (hidden)',
      ]),
    )
    expect(JSON.stringify(items)).not.toContain('Secret123!')
    expect(updated).toMatchObject({
      changes: ['Replace name.familyName = "Simons"'],
      caller: { userAgent: 'Entra provisioning' },
      target: { id, name: 'b.simon@contoso.com' },
    })
    // The name is the one the user had before the DELETE removed it.
    expect(deleted).toMatchObject({ target: { id, name: 'b.simon@contoso.com' }, status: 204, changes: [] })
  })

  it('records refused calls (a wrong token, a bad request) with the reason; successful reads are left out', async () => {
    await scimRequest(t, 'GET', `${base}/Users?filter=${encodeURIComponent('userName eq "x@contoso.com"')}`)
    await scimRequest(t, 'GET', `${base}/Users`, undefined, { authorization: 'Bearer not-the-token' })
    await scimRequest(t, 'POST', `${base}/Groups`, { schemas: [GROUP_URN] })
    const failures = (await activity('?result=failure')).items
    expect(failures).toHaveLength(2)
    expect(failures[1]).toMatchObject({
      operation: 'read',
      status: 401,
      caller: { credential: 'wrong-token' },
      error: expect.stringContaining('not valid for this organization'),
    })
    expect(failures[0]).toMatchObject({
      operation: 'create',
      resourceType: 'Group',
      status: 400,
      result: 'failure',
    })
    expect((await activity()).items).toHaveLength(2)
    expect((await activity('?result=success')).items).toEqual([])
  })

  it('keeps the newest entries up to its bound, honours limit, refuses bad queries, and a reset empties it', async () => {
    for (let i = 0; i < MAX_SCIM_ACTIVITY + 5; i += 1)
      await scimRequest(t, 'GET', `${base}/Users`, undefined, { authorization: `Bearer wrong-${i}` })
    const all = (await activity()).items
    expect(all).toHaveLength(MAX_SCIM_ACTIVITY)
    expect(Number(all[0].id)).toBe(MAX_SCIM_ACTIVITY + 5)
    expect((await activity('?limit=3')).items.map((e: { id: string }) => e.id)).toEqual(['505', '504', '503'])
    for (const bad of ['?limit=0', '?limit=501', '?result=maybe', '?other=1'])
      expect((await t.api('GET', `/api/v1/scim/activity${bad}`)).json.error).toMatchObject({
        code: 'INVALID_QUERY',
        message: expect.stringContaining('result must be success or failure'),
      })
    expect((await t.api('POST', '/api/v1/sandbox/reset')).status).toBe(200)
    expect((await activity()).items).toEqual([])
  })

  it('needs the admin API token', async () => {
    const response = await t.app.request('/api/v1/scim/activity')
    expect(response.status).toBe(401)
  })
})
