import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  configureOverGraph,
  type ProvisioningSandbox,
  startProvisioningSandbox,
  webexUsers,
} from '../support/provisioning-setup'

let p: ProvisioningSandbox
let bsimon = ''

beforeAll(async () => {
  p = await startProvisioningSandbox()
  await configureOverGraph(p)
  bsimon = p.tutorial.facts.testUserId ?? ''
  expect((await p.cycle()).counts.created).toBe(1)
})
afterAll(async () => {
  await p?.close()
})

const webexBSimon = async () => (await webexUsers(p)).find((u) => u.email === 'b.simon@contoso.com')

/** The SCIM requests of the next cycle, with the cycle's summary. */
async function nextCycle() {
  const from = p.proxy.requests.length
  const summary = await p.cycle()
  return { summary, sent: p.proxy.requests.slice(from) }
}

describe('incremental cycles', () => {
  it('send nothing at all when nothing changed, so a second run duplicates nothing', async () => {
    const { summary, sent } = await nextCycle()
    expect(summary).toMatchObject({ kind: 'Incremental', state: 'Succeeded' })
    expect(summary.counts).toMatchObject({ created: 0, updated: 0, requests: 0 })
    expect(sent).toEqual([])
    expect((await webexUsers(p)).filter((u) => u.email === 'b.simon@contoso.com')).toHaveLength(1)
  })

  it('a changed surname is sent on the next cycle as one Replace of name.familyName, nothing else', async () => {
    expect((await p.graph('PATCH', `/users/${bsimon}`, { surname: 'Simons' })).status).toBe(204)
    const { summary, sent } = await nextCycle()
    expect(summary.counts).toMatchObject({ updated: 1, created: 0 })
    const id = (await webexBSimon())?.id
    expect(sent.map((r) => `${r.method} ${r.path.split('/').slice(-2).join('/')}`)).toEqual([
      `PATCH Users/${id}`,
    ])
    expect(sent[0]?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'name.familyName', value: 'Simons' }],
    })
    expect(await webexBSimon()).toMatchObject({ lastName: 'Simons', active: true })
  })

  it('unassigning deactivates: PATCH active=false (Replace, as Entra sends it), and the user stays in Webex', async () => {
    const assignments = (await (
      await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}/appRoleAssignedTo`)
    ).json()) as {
      value: { id: string; principalId: string }[]
    }
    const mine = assignments.value.find((a) => a.principalId === bsimon)
    expect(
      (await p.graph('DELETE', `/servicePrincipals/${p.servicePrincipalId}/appRoleAssignedTo/${mine?.id}`))
        .status,
    ).toBe(204)
    const { summary, sent } = await nextCycle()
    expect(summary.counts).toMatchObject({ disabled: 1 })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ method: 'PATCH', status: 200 })
    expect(sent[0]?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: false }],
    })
    expect(await webexBSimon()).toMatchObject({ active: false })
    const logs = (await (
      await p.graph('GET', `/auditLogs/provisioning?$filter=provisioningAction eq 'disable'`)
    ).json()) as {
      value: { sourceIdentity: { id: string }; provisioningStatusInfo: { status: string } }[]
    }
    expect(logs.value[0]).toMatchObject({
      sourceIdentity: { id: bsimon },
      provisioningStatusInfo: { status: 'success' },
    })
    expect((await nextCycle()).sent).toEqual([])
  })

  it('assigning again reactivates the same Webex user (active=true), never a second one', async () => {
    const role = (await (await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}`)).json()) as {
      appRoles: { id: string; displayName: string }[]
    }
    const user = role.appRoles.find((r) => r.displayName === 'User')
    const assigned = await p.graph('POST', `/users/${bsimon}/appRoleAssignments`, {
      principalId: bsimon,
      resourceId: p.servicePrincipalId,
      appRoleId: user?.id,
    })
    expect(assigned.status).toBe(201)
    const { sent } = await nextCycle()
    expect(sent.map((r) => r.method)).toEqual(['PATCH'])
    expect(sent[0]?.body).toMatchObject({ Operations: [{ op: 'Replace', path: 'active', value: true }] })
    expect((await webexUsers(p)).filter((u) => u.email === 'b.simon@contoso.com')).toEqual([
      expect.objectContaining({ active: true }),
    ])
  })

  it('disabling the account in Entra deactivates the Webex user', async () => {
    expect((await p.graph('PATCH', `/users/${bsimon}`, { accountEnabled: false })).status).toBe(204)
    const { sent } = await nextCycle()
    expect(sent[0]?.body).toMatchObject({ Operations: [{ op: 'Replace', path: 'active', value: false }] })
    expect(await webexBSimon()).toMatchObject({ active: false })
    expect((await p.graph('PATCH', `/users/${bsimon}`, { accountEnabled: true })).status).toBe(204)
    expect((await nextCycle()).sent[0]?.body).toMatchObject({ Operations: [{ path: 'active', value: true }] })
  })

  it('a user deleted in Entra is soft-deleted first (active=false), then DELETEd once the delay has passed', async () => {
    const configured = await p.sandboxApi('PUT', `/servicePrincipals/${p.servicePrincipalId}/provisioning`, {
      hardDeleteDelaySeconds: 3600,
    })
    expect(configured.status).toBe(200)
    const id = (await webexBSimon())?.id
    expect((await p.graph('DELETE', `/users/${bsimon}`)).status).toBe(204)
    const soft = await nextCycle()
    expect(soft.summary.counts).toMatchObject({ disabled: 1, deleted: 0 })
    expect(soft.sent.map((r) => r.method)).toEqual(['PATCH'])
    expect(await webexBSimon()).toMatchObject({ id, active: false })
    // Not yet: the delay has not passed.
    expect((await nextCycle()).sent).toEqual([])
    expect((await p.sandboxApi('PUT', '/clock', { offsetSeconds: 3601 })).status).toBe(200)
    try {
      const hard = await nextCycle()
      expect(hard.summary.counts).toMatchObject({ deleted: 1 })
      expect(hard.sent.map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 204'])
      expect(hard.sent[0]?.path.endsWith(`/Users/${id}`)).toBe(true)
      expect(await webexBSimon()).toBeUndefined()
      expect((await nextCycle()).sent).toEqual([])
    } finally {
      await p.sandboxApi('PUT', '/clock', { offsetSeconds: 0 })
    }
  })
})
