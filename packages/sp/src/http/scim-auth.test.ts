import { secretMatches as tokensMatch } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { checkBearer } from '../scim/scim-token'
import { createTestSp, type TestSp } from '../test-support/harness'

let t: TestSp
let users: string

beforeEach(async () => {
  t = await createTestSp()
  users = `/identity/scim/${t.orgId}/v2/Users`
})

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await t.app.request(path, { headers })
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, string>,
  }
}

describe('SCIM bearer authentication', () => {
  it('accepts the SCIM token in the Authorization header', async () => {
    expect((await get(users, { authorization: `Bearer ${t.store.read().scimToken}` })).status).toBe(200)
    expect((await get(users, { authorization: `bearer ${t.store.read().scimToken}` })).status).toBe(200)
  })

  it('refuses a missing, wrong, Basic or admin-API token with 401, a SCIM error and WWW-Authenticate', async () => {
    const cases = [
      [{}, 'Authentication required'],
      [{ authorization: 'Bearer wrong-token' }, 'not valid'],
      [{ authorization: `Basic ${Buffer.from('admin:pw').toString('base64')}` }, 'Only bearer'],
      [{ authorization: `Bearer ${t.store.read().adminApiToken}` }, 'not valid'],
      [{ authorization: `Bearer ${t.store.read().scimToken} extra` }, 'Only bearer'],
    ] as const
    for (const [headers, detail] of cases) {
      const answer = await get(`/v1/scim/${t.orgId}/Users`, headers)
      expect(answer.status).toBe(401)
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="Webex SCIM"/)
      expect(answer.json).toMatchObject({
        status: '401',
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      })
      expect(answer.json.detail).toContain(detail)
    }
  })

  it('never reads a token from the query string, even the right one', async () => {
    const token = t.store.read().scimToken
    for (const name of ['access_token', 'token', 'Access_Token']) {
      const answer = await get(`${users}?${name}=${token}`)
      expect(answer.status).toBe(401)
      expect(answer.json.detail).toContain('Authorization: Bearer')
    }
    const both = await get(`${users}?access_token=${token}`, { authorization: `Bearer ${token}` })
    expect(both.status).toBe(401)
  })

  it('checks the token before saying anything about the org', async () => {
    const answer = await get('/identity/scim/not-this-org/v2/Users')
    expect(answer.status).toBe(401)
  })

  it('stops accepting the old token once it is regenerated', async () => {
    const old = t.store.read().scimToken
    const fresh = await t.services.scimToken.regenerate()
    expect(fresh).not.toBe(old)
    expect((await get(users, { authorization: `Bearer ${old}` })).status).toBe(401)
    expect((await get(users, { authorization: `Bearer ${fresh}` })).status).toBe(200)
  })
})

describe('constant-time token comparison', () => {
  it('matches equal tokens only, whatever the lengths', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true)
    expect(tokensMatch('abc', 'abd')).toBe(false)
    expect(tokensMatch('abc', 'abcd')).toBe(false)
    expect(tokensMatch('', '')).toBe(false)
  })

  it('classifies Authorization headers', () => {
    expect(checkBearer(undefined, 'tok')).toBe('missing')
    expect(checkBearer('  ', 'tok')).toBe('missing')
    expect(checkBearer('Token tok', 'tok')).toBe('not-bearer')
    expect(checkBearer('Bearer nope', 'tok')).toBe('wrong')
    expect(checkBearer('Bearer tok', 'tok')).toBeNull()
  })
})
