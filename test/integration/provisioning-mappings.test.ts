import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  configureOverGraph,
  type ProvisioningSandbox,
  startProvisioningSandbox,
  webexUsers,
} from '../support/provisioning-setup'

let p: ProvisioningSandbox
let jobId = ''

interface MappingJson {
  targetAttributeName: string
  matchingPriority: number
  flowType: string
  defaultValue: string | null
  source: { type: string; name: string; expression: string; parameters: unknown[] }
}
interface SchemaJson {
  synchronizationRules: {
    id: string
    objectMappings: {
      name: string
      sourceObjectName: string
      targetObjectName: string
      attributeMappings: MappingJson[]
    }[]
  }[]
  directories: { name: string }[]
}

const schemaPath = () => `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/schema`
const getSchema = async () => (await (await p.graph('GET', schemaPath())).json()) as SchemaJson
const userMappings = (schema: SchemaJson) =>
  schema.synchronizationRules[0]?.objectMappings[0]?.attributeMappings ?? []

beforeAll(async () => {
  p = await startProvisioningSandbox()
  jobId = await configureOverGraph(p)
  expect((await p.cycle()).counts.created).toBe(1)
})
afterAll(async () => {
  await p?.close()
})

/** PUT the schema with the user mappings changed by `edit`; the answer's error, or null. */
async function putUsers(
  edit: (rows: MappingJson[]) => MappingJson[],
): Promise<{ code: string; message: string } | null> {
  const schema = await getSchema()
  const users = schema.synchronizationRules[0]?.objectMappings[0]
  if (!users) throw new Error('no user mappings')
  users.attributeMappings = edit(users.attributeMappings)
  const response = await p.graph('PUT', schemaPath(), schema)
  if (response.status === 204) return null
  expect(response.status).toBe(400)
  return ((await response.json()) as { error: { code: string; message: string } }).error
}

const attr = (target: string, name: string, extra: Partial<MappingJson> = {}): MappingJson => ({
  targetAttributeName: target,
  matchingPriority: 0,
  flowType: 'Always',
  defaultValue: null,
  source: { type: 'Attribute', name, expression: `[${name}]`, parameters: [] },
  ...extra,
})

describe('attribute mappings', () => {
  it('start with the Cisco Webex gallery defaults', async () => {
    const schema = await getSchema()
    expect(
      schema.synchronizationRules[0]?.objectMappings.map((m) => [
        m.name,
        m.sourceObjectName,
        m.targetObjectName,
      ]),
    ).toEqual([
      [
        'Synchronize Microsoft Entra users to Cisco Webex',
        'User',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      ],
      [
        'Synchronize Microsoft Entra groups to Cisco Webex',
        'Group',
        'urn:ietf:params:scim:schemas:core:2.0:Group',
      ],
    ])
    expect(
      userMappings(schema).map((m) => [m.targetAttributeName, m.source.expression, m.matchingPriority]),
    ).toEqual([
      ['userName', '[userPrincipalName]', 1],
      ['active', 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', 0],
      ['displayName', '[displayName]', 0],
      ['name.familyName', '[surname]', 0],
      ['name.givenName', '[givenName]', 0],
      ['externalId', '[objectId]', 0],
    ])
    expect(schema.directories.map((d) => d.name)).toEqual(['Azure Active Directory', 'Cisco Webex'])
  })

  it.each([
    [
      'an unknown target attribute',
      (rows: MappingJson[]) => [...rows, attr('shoeSize', 'mail')],
      '"shoeSize" is not an attribute',
    ],
    [
      'a target mapped twice',
      (rows: MappingJson[]) => [...rows, attr('displayName', 'mail')],
      'displayName is mapped twice',
    ],
    [
      'no matching attribute',
      (rows: MappingJson[]) => rows.map((r) => ({ ...r, matchingPriority: 0 })),
      'At least one mapping must be a matching attribute',
    ],
    [
      'two matching attributes with one precedence',
      (rows: MappingJson[]) =>
        rows.map((r) => (r.targetAttributeName === 'externalId' ? { ...r, matchingPriority: 1 } : r)),
      'the same Matching precedence',
    ],
    [
      'userName missing',
      (rows: MappingJson[]) =>
        rows
          .filter((r) => r.targetAttributeName !== 'userName')
          .map((r) => (r.targetAttributeName === 'externalId' ? { ...r, matchingPriority: 1 } : r)),
      'userName is required',
    ],
    [
      'an unknown source attribute',
      (rows: MappingJson[]) => [...rows, attr('title', 'jobTitle')],
      '"jobTitle" is not an attribute of Microsoft Entra users',
    ],
    [
      'an unknown function',
      (rows: MappingJson[]) => [
        ...rows,
        attr('title', 'mail', {
          source: { type: 'Function', name: 'Frobnicate', expression: 'Frobnicate([mail])', parameters: [] },
        }),
      ],
      'Frobnicate is not a function',
    ],
    [
      'an expression that does not parse',
      (rows: MappingJson[]) => [
        ...rows,
        attr('title', 'mail', {
          source: { type: 'Function', name: 'Join', expression: 'Join(" ", [givenName]', parameters: [] },
        }),
      ],
      'Expected "," or ")"',
    ],
    [
      'a Boolean from a String',
      (rows: MappingJson[]) =>
        rows.map((r) => (r.targetAttributeName === 'active' ? attr('active', 'mail') : r)),
      'active is a Boolean',
    ],
    [
      'a matching attribute applied only on creation',
      (rows: MappingJson[]) =>
        rows.map((r) => (r.matchingPriority === 1 ? { ...r, flowType: 'ObjectAddOnly' } : r)),
      'must be applied Always',
    ],
  ])('refuses %s, saying what is wrong', async (_label, edit, message) => {
    const error = await putUsers(edit)
    expect(error?.code).toBe('InvalidMappings')
    expect(error?.message).toContain(message)
    // Nothing was stored.
    expect(userMappings(await getSchema())).toHaveLength(6)
  })

  it('applies an edit: expressions and constants flow; "only during object creation" spares existing users', async () => {
    const error = await putUsers((rows) => [
      ...rows,
      attr('nickName', 'givenName', {
        source: {
          type: 'Function',
          name: 'Join',
          expression: 'Join(".", ToLower([givenName]), ToLower([surname]))',
          parameters: [],
        },
      }),
      attr('title', 'mail', {
        flowType: 'ObjectAddOnly',
        source: { type: 'Constant', name: 'Employee', expression: '"Employee"', parameters: [] },
      }),
    ])
    expect(error).toBeNull()
    const created = await p.graph('POST', '/users', {
      accountEnabled: true,
      displayName: 'Nia Lopez',
      mailNickname: 'nia',
      userPrincipalName: 'nia@contoso.com',
      givenName: 'Nia',
      surname: 'Lopez',
      passwordProfile: { password: 'Contoso1234!' },
    })
    const nia = ((await created.json()) as { id: string }).id
    await p.graph('POST', `/servicePrincipals/${p.servicePrincipalId}/appRoleAssignedTo`, {
      principalId: nia,
      resourceId: p.servicePrincipalId,
    })
    const from = p.proxy.requests.length
    // A mapping change resets the watermark: the next cycle is an initial one again.
    const summary = await p.cycle()
    expect(summary).toMatchObject({ kind: 'Initial', counts: { created: 1, updated: 1 } })
    const sent = p.proxy.requests.slice(from)
    const patch = sent.find((r) => r.method === 'PATCH')
    expect(patch?.body).toMatchObject({ Operations: [{ op: 'Replace', path: 'nickName', value: 'b.simon' }] })
    const post = sent.find((r) => r.method === 'POST')
    expect(post?.body).toMatchObject({
      nickName: 'nia.lopez',
      title: 'Employee',
      userName: 'nia@contoso.com',
    })
    const scim = async (email: string) => {
      const id = (await webexUsers(p)).find((u) => u.email === email)?.id
      return (await (
        await fetch(`${p.scim.scimBaseUrl}/Users/${id}`, {
          headers: { authorization: `Bearer ${p.scim.token}` },
        })
      ).json()) as Record<string, unknown>
    }
    expect(await scim('b.simon@contoso.com')).toMatchObject({ nickName: 'b.simon' })
    expect(await scim('b.simon@contoso.com')).not.toHaveProperty('title')
    expect(await scim('nia@contoso.com')).toMatchObject({ nickName: 'nia.lopez', title: 'Employee' })
  })

  it('"Sync all users and groups" provisions unassigned users too; back to assigned only, they are disabled', async () => {
    const created = await p.graph('POST', '/users', {
      accountEnabled: true,
      displayName: 'Una Signed',
      mailNickname: 'una',
      userPrincipalName: 'una@contoso.com',
      passwordProfile: { password: 'Contoso1234!' },
    })
    expect(created.status).toBe(201)
    await p.cycle()
    expect((await webexUsers(p)).map((u) => u.email)).not.toContain('una@contoso.com')
    const all = await p.sandboxApi('PUT', `/servicePrincipals/${p.servicePrincipalId}/provisioning`, {
      scope: 'all',
    })
    expect(all.status).toBe(200)
    await p.cycle()
    expect((await webexUsers(p)).find((u) => u.email === 'una@contoso.com')).toMatchObject({ active: true })
    await p.sandboxApi('PUT', `/servicePrincipals/${p.servicePrincipalId}/provisioning`, {
      scope: 'assigned',
    })
    await p.cycle()
    expect((await webexUsers(p)).find((u) => u.email === 'una@contoso.com')).toMatchObject({ active: false })
  })
})
