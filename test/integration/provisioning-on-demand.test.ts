import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  configureOverGraph,
  type ProvisioningSandbox,
  startProvisioningSandbox,
  webexUsers,
} from '../support/provisioning-setup'

let p: ProvisioningSandbox
let jobId = ''
let ruleId = ''

interface StepJson {
  name: string
  provisioningStepType: string
  status: string
  description: string
  details: Record<string, string>
}
interface OnDemandValue {
  provisioningAction: string
  provisioningSteps: StepJson[]
  targetIdentity: { id: string }
  members?: OnDemandValue[]
}

beforeAll(async () => {
  p = await startProvisioningSandbox()
  // Provisioning Status stays Off: on demand works without it.
  jobId = await configureOverGraph(p, { start: false })
  const schema = (await (
    await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/schema`)
  ).json()) as { synchronizationRules: { id: string }[] }
  ruleId = schema.synchronizationRules[0]?.id ?? ''
})
afterAll(async () => {
  await p?.close()
})

async function onDemand(objectId: string, objectTypeName = 'User', members: string[] = []) {
  const response = await p.graph(
    'POST',
    `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/provisionOnDemand`,
    {
      parameters: [
        {
          ruleId,
          subjects: [
            { objectId, objectTypeName },
            ...members.map((id) => ({ objectId: id, objectTypeName: 'User' })),
          ],
        },
      ],
    },
  )
  expect(response.status).toBe(200)
  const answer = (await response.json()) as { key: string; value: string }
  return {
    key: JSON.parse(answer.key) as { result: string; details: { errorCode?: string; errorMessage?: string } },
    value: JSON.parse(answer.value) as OnDemandValue,
  }
}

async function createUser(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await p.graph('POST', '/users', {
    accountEnabled: true,
    displayName: name,
    mailNickname: name,
    userPrincipalName: `${name}@contoso.com`,
    passwordProfile: { password: 'Contoso1234!' },
    ...extra,
  })
  return ((await response.json()) as { id: string }).id
}

async function roleId(name: string): Promise<string> {
  const sp = (await (await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}`)).json()) as {
    appRoles: { id: string; displayName: string }[]
  }
  return sp.appRoles.find((r) => r.displayName === name)?.id ?? ''
}

/** A security group with these members, assigned to Cisco Webex with the User role. */
async function assignedGroup(displayName: string, mailNickname: string, memberIds: readonly string[]) {
  const group = (await (
    await p.graph('POST', '/groups', { displayName, mailNickname, securityEnabled: true, mailEnabled: false })
  ).json()) as { id: string }
  for (const id of memberIds)
    await p.graph('POST', `/groups/${group.id}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}`,
    })
  await p.graph('POST', `/groups/${group.id}/appRoleAssignments`, {
    resourceId: p.servicePrincipalId,
    appRoleId: await roleId('User'),
  })
  return group
}

describe('Provision on demand', () => {
  it('shows each step (import, scope, match, action) with its SCIM request and response, token redacted', async () => {
    const { key, value } = await onDemand(p.tutorial.facts.testUserId ?? '')
    expect(key).toEqual({ result: 'Success', details: {} })
    expect(value.provisioningAction).toBe('create')
    expect(value.provisioningSteps.map((s) => [s.name, s.provisioningStepType, s.status])).toEqual([
      ['EntryImport', 'import', 'success'],
      ['EntrySynchronizationScoping', 'scoping', 'success'],
      ['EntrySynchronizationAdd', 'matching', 'success'],
      ['EntryExportAdd', 'export', 'success'],
    ])
    const [imported, scoped, matched, exported] = value.provisioningSteps
    expect(imported?.details).toMatchObject({
      userPrincipalName: 'B.Simon@contoso.com',
      IsSoftDeleted: 'False',
    })
    expect(scoped?.details).toMatchObject({
      'Assigned to the application': 'True',
      'User has a required role': 'True',
    })
    expect(matched?.details['SCIM request']).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v1\/scim\/[^/]+\/Users\?filter=userName/,
    )
    expect(matched?.details['SCIM request']).toContain('Authorization: Bearer [redacted]')
    expect(matched?.details['SCIM response']).toMatch(/^200\n\n.*"totalResults":0/s)
    expect(exported?.details['SCIM request']).toContain('"userName":"B.Simon@contoso.com"')
    expect(exported?.details['SCIM response']).toMatch(/^201/)
    expect(JSON.stringify(value)).not.toContain(p.scim.token)
    expect((await webexUsers(p)).map((u) => u.email)).toEqual(['b.simon@contoso.com'])
  })

  it('a second run finds nothing to change (RedundantExport), and the page gets the four cards by name', async () => {
    const again = await onDemand(p.tutorial.facts.testUserId ?? '')
    expect(again.key).toMatchObject({ result: 'Skipped', details: { errorCode: 'RedundantExport' } })
    const response = await p.sandboxApi(
      'POST',
      `/servicePrincipals/${p.servicePrincipalId}/provisioning/provisionOnDemand`,
      {
        objectId: p.tutorial.facts.testUserId,
      },
    )
    const result = (await response.json()) as {
      result: string
      objects: { cards: { title: string; status: string }[] }[]
    }
    expect(result.result).toBe('Skipped')
    expect(result.objects[0]?.cards.map((c) => c.title)).toEqual([
      'Import user',
      'Determine if user is in scope',
      'Match user between source and target system',
      'Perform action',
    ])
  })

  it('skips a user with only the Default Access role, saying users need another role', async () => {
    const id = await createUser('Defaulter', { givenName: 'Def', surname: 'Aulter' })
    const assigned = await p.graph('POST', `/users/${id}/appRoleAssignments`, {
      principalId: id,
      resourceId: p.servicePrincipalId,
      appRoleId: await roleId('msiam_access'),
    })
    expect(assigned.status).toBe(201)
    const { key, value } = await onDemand(id)
    expect(key.result).toBe('Skipped')
    expect(key.details.errorCode).toBe('NotEffectivelyEntitled')
    expect(key.details.errorMessage).toContain("users need a non-'Default Access' role to be provisioned")
    const scoping = value.provisioningSteps.find((s) => s.provisioningStepType === 'scoping')
    expect(scoping).toMatchObject({ status: 'skipped', details: { 'User has a required role': 'False' } })
    expect(value.provisioningSteps.some((s) => s.provisioningStepType === 'matching')).toBe(false)
    expect((await webexUsers(p)).map((u) => u.email)).not.toContain('defaulter@contoso.com')
  })

  it('skips a user without the matching attribute, naming the attribute and its source', async () => {
    const schema = (await (
      await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/schema`)
    ).json()) as {
      synchronizationRules: {
        objectMappings: {
          attributeMappings: { targetAttributeName: string; source: Record<string, unknown> }[]
        }[]
      }[]
    }
    const users = schema.synchronizationRules[0]?.objectMappings[0]
    const userName = users?.attributeMappings.find((m) => m.targetAttributeName === 'userName')
    if (!userName) throw new Error('no userName mapping')
    userName.source = { type: 'Attribute', name: 'mail', expression: '[mail]', parameters: [] }
    const put = await p.graph(
      'PUT',
      `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/schema`,
      schema,
    )
    expect(put.status).toBe(204)
    const id = await createUser('Nomail')
    await p.graph('POST', `/users/${id}/appRoleAssignments`, {
      principalId: id,
      resourceId: p.servicePrincipalId,
      appRoleId: await roleId('User'),
    })
    const { key } = await onDemand(id)
    expect(key).toMatchObject({ result: 'Skipped', details: { errorCode: 'ImportSkipped' } })
    expect(key.details.errorMessage).toContain(
      'no value for the matching attribute userName (mapped from mail)',
    )
    expect(
      (await p.sandboxApi('POST', `/servicePrincipals/${p.servicePrincipalId}/provisioning/mappings/reset`))
        .status,
    ).toBe(200)
  })

  it('provisions a group with chosen members: the members first, then the group, then a members PATCH', async () => {
    const ids = [await createUser('Pat'), await createUser('Sam')]
    const group = await assignedGroup('Design', 'design', ids)
    const { key, value } = await onDemand(group.id, 'Group', ids)
    expect(key.result).toBe('Success')
    expect(value.provisioningAction).toBe('create')
    expect(value.members?.map((m) => m.provisioningAction)).toEqual(['create', 'create'])
    const exported = value.provisioningSteps.find((s) => s.name === 'EntryExportAdd')
    expect(exported?.details['SCIM request 1']).toMatch(/^POST .*\/Groups/)
    expect(exported?.details['SCIM request 1']).not.toContain('"members"')
    expect(exported?.details['SCIM request 2']).toMatch(/^PATCH .*\/Groups\/.*"op":"Add","path":"members"/s)
    expect(exported?.details['SCIM response 2']).toMatch(/^204/)
  })

  it("takes Graph's links.members for the group's members, and shows the steps for the group and each member", async () => {
    const ids = [await createUser('Lee'), await createUser('Kim')]
    const group = await assignedGroup('Support', 'support', ids)
    const response = await p.graph(
      'POST',
      `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/provisionOnDemand`,
      {
        parameters: [
          {
            ruleId,
            subjects: [
              {
                objectId: group.id,
                objectTypeName: 'Group',
                links: { members: ids.map((id) => ({ objectId: id, objectTypeName: 'User' })) },
              },
            ],
          },
        ],
      },
    )
    expect(response.status).toBe(200)
    const answer = (await response.json()) as { key: string; value: string }
    expect(JSON.parse(answer.key).result).toBe('Success')
    const value = JSON.parse(answer.value) as OnDemandValue
    const stepTypes = (v: OnDemandValue) => v.provisioningSteps.map((s) => s.provisioningStepType)
    expect(stepTypes(value)).toEqual(['import', 'scoping', 'matching', 'export'])
    expect(value.members?.map(stepTypes)).toEqual([
      ['import', 'scoping', 'matching', 'export'],
      ['import', 'scoping', 'matching', 'export'],
    ])
    expect(value.members?.map((m) => m.provisioningAction)).toEqual(['create', 'create'])
    const emails = (await webexUsers(p)).map((u) => u.email)
    expect(emails).toEqual(expect.arrayContaining(['lee@contoso.com', 'kim@contoso.com']))
    const patch = value.provisioningSteps.find((s) => s.name === 'EntryExportAdd')?.details['SCIM request 2']
    for (const member of value.members ?? []) expect(patch).toContain(member.targetIdentity.id)
  })

  it('refuses what it cannot do: an unknown rule, an unknown object, more than 5 members', async () => {
    const response = await p.graph(
      'POST',
      `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/provisionOnDemand`,
      {
        parameters: [
          { ruleId: 'nope', subjects: [{ objectId: p.tutorial.facts.testUserId, objectTypeName: 'User' }] },
        ],
      },
    )
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('RuleNotFound')
    const unknown = await p.graph(
      'POST',
      `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/provisionOnDemand`,
      {
        parameters: [
          { subjects: [{ objectId: '00000000-0000-0000-0000-000000000001', objectTypeName: 'User' }] },
        ],
      },
    )
    expect(unknown.status).toBe(404)
    const six = Array.from({ length: 6 }, (_, i) => ({
      objectId: `0000000${i}-0000-0000-0000-000000000000`,
      objectTypeName: 'User',
    }))
    const tooMany = await p.graph(
      'POST',
      `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/provisionOnDemand`,
      {
        parameters: [
          { subjects: [{ objectId: p.tutorial.facts.testUserId, objectTypeName: 'Group' }, ...six] },
        ],
      },
    )
    expect(tooMany.status).toBe(400)
    const twoUsers = await p.graph(
      'POST',
      `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/provisionOnDemand`,
      {
        parameters: [{ subjects: six.slice(0, 2) }],
      },
    )
    expect(((await twoUsers.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'InvalidOnDemandRequest',
    })
  })
})
