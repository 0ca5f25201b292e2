import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  configureOverGraph,
  type ProvisioningSandbox,
  startProvisioningSandbox,
  webexUsers,
} from '../support/provisioning-setup'

let p: ProvisioningSandbox
let jobId = ''

beforeAll(async () => {
  p = await startProvisioningSandbox()
  jobId = await configureOverGraph(p)
})
afterAll(async () => {
  await p?.close()
})

async function createUser(name: string, surname = 'Tester'): Promise<string> {
  const response = await p.graph('POST', '/users', {
    accountEnabled: true,
    displayName: `${name} ${surname}`,
    mailNickname: name,
    userPrincipalName: `${name}@contoso.com`,
    givenName: name,
    surname,
    passwordProfile: { password: 'Contoso1234!' },
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

describe('assigning provisions', () => {
  it('assigning B.Simon provisions her: queried by userName, created once with the gallery mappings', async () => {
    const summary = await p.cycle()
    expect(summary).toMatchObject({ kind: 'Initial', state: 'Succeeded' })
    expect(summary.counts).toMatchObject({ created: 1, failed: 0 })
    const query = p.proxy
      .matching('GET', /\/Users$/)
      .find((r) => r.query.get('filter') === 'userName eq "B.Simon@contoso.com"')
    expect(query?.status).toBe(200)
    const posts = p.proxy.matching('POST', /\/v1\/scim\/[^/]+\/Users$/)
    expect(posts).toHaveLength(1)
    expect(posts[0]?.body).toEqual({
      schemas: [
        'urn:ietf:params:scim:schemas:core:2.0:User',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      ],
      userName: 'B.Simon@contoso.com',
      active: true,
      displayName: 'B.Simon',
      name: { familyName: 'Simon', givenName: 'B' },
      externalId: p.tutorial.facts.testUserId,
      meta: { resourceType: 'User' },
      roles: [],
    })
    expect(posts[0]?.authorization).toBe(`Bearer ${p.scim.token}`)
    const bsimon = (await webexUsers(p)).find((u) => u.email === 'b.simon@contoso.com')
    expect(bsimon).toMatchObject({ source: 'scim', active: true, firstName: 'B', lastName: 'Simon' })
    const job = (await (
      await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}`)
    ).json()) as {
      status: { code: string; lastExecution: { state: string; countExported: number } }
    }
    expect(job.status).toMatchObject({
      code: 'Active',
      lastExecution: { state: 'Succeeded', countExported: 1 },
    })
  })

  it('a group assigned to the app is created without members, then its members are added by PATCH', async () => {
    const ids = [await createUser('Adele'), await createUser('Lee')]
    const group = (await (
      await p.graph('POST', '/groups', {
        displayName: 'Sales',
        mailNickname: 'sales',
        securityEnabled: true,
        mailEnabled: false,
      })
    ).json()) as { id: string }
    for (const id of ids)
      expect(
        (
          await p.graph('POST', `/groups/${group.id}/members/$ref`, {
            '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}`,
          })
        ).status,
      ).toBe(204)
    const assigned = await p.graph('POST', `/groups/${group.id}/appRoleAssignments`, {
      resourceId: p.servicePrincipalId,
    })
    expect(assigned.status).toBe(201)
    const before = p.proxy.requests.length
    const summary = await p.cycle()
    expect(summary.counts).toMatchObject({ created: 3, failed: 0 })
    const sent = p.proxy.requests.slice(before)
    const groupPost = sent.find((r) => r.method === 'POST' && r.path.endsWith('/Groups'))
    expect(groupPost?.body).toMatchObject({ displayName: 'Sales', externalId: group.id })
    expect((groupPost?.body ?? {}) as Record<string, unknown>).not.toHaveProperty('members')
    const groupId = ((groupPost?.responseBody ?? {}) as { id?: string }).id
    const memberPatch = sent.find((r) => r.method === 'PATCH' && r.path.endsWith(`/Groups/${groupId}`))
    expect(memberPatch?.status).toBe(204)
    const users = await webexUsers(p)
    const targetIds = ['adele@contoso.com', 'lee@contoso.com'].map(
      (e) => users.find((u) => u.email === e)?.id,
    )
    expect(memberPatch?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Add', path: 'members', value: targetIds.map((value) => ({ value })) }],
    })
    // The users were created before the group that needs their ids.
    const order = sent.filter((r) => r.method === 'POST').map((r) => r.path.split('/').at(-1))
    expect(order).toEqual(['Users', 'Users', 'Groups'])
    const members = (await (
      await fetch(`${p.scim.scimBaseUrl}/Groups/${groupId}/Members`, {
        headers: { authorization: `Bearer ${p.scim.token}` },
      })
    ).json()) as { members: { value: string }[] }
    expect(members.members.map((m) => m.value).sort()).toEqual([...targetIds].sort())
  })

  it('a second cycle over the group and its members sends nothing and duplicates nothing', async () => {
    const before = p.proxy.requests.length
    const summary = await p.cycle()
    expect(summary.counts).toMatchObject({ created: 0, updated: 0, failed: 0, requests: 0 })
    expect(p.proxy.requests.slice(before)).toEqual([])
    const emails = (await webexUsers(p)).map((u) => u.email).sort()
    expect(emails).toEqual([...new Set(emails)])
    const groups = (await (
      await fetch(`${p.scim.scimBaseUrl}/Groups?filter=${encodeURIComponent('displayName eq "Sales"')}`, {
        headers: { authorization: `Bearer ${p.scim.token}` },
      })
    ).json()) as { totalResults: number }
    expect(groups.totalResults).toBe(1)
  })
})
