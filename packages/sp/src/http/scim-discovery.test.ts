import { beforeEach, describe, expect, it } from 'vitest'
import { createTestSp, type TestSp } from '../test-support/harness'
import {
  CISCO_URN,
  ENTERPRISE_URN,
  expectScimError,
  GROUP_URN,
  SCIM_FLAVOURS,
  scimRequest,
  USER_URN,
} from '../test-support/scim-client'

let t: TestSp

beforeEach(async () => {
  t = await createTestSp()
})

interface PublishedAttribute {
  readonly name: string
  readonly type: string
  readonly subAttributes?: PublishedAttribute[]
  readonly referenceTypes?: string[]
  readonly [characteristic: string]: unknown
}

const TYPES = ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'binary', 'complex']
const MUTABILITY = ['readOnly', 'readWrite', 'immutable', 'writeOnly']
const RETURNED = ['always', 'never', 'default', 'request']
const UNIQUENESS = ['none', 'server', 'global']

/** Every problem RFC 7643 §2.2, §2.3.7 and §7 would find with one attribute definition. */
function problemsOf(attribute: PublishedAttribute, where: string, resourceTypes: string[]): string[] {
  const at = `${where}.${attribute.name}`
  const problems: string[] = []
  if (typeof attribute.name !== 'string' || attribute.name === '') problems.push(`${at}: no name`)
  if (!TYPES.includes(attribute.type)) problems.push(`${at}: type ${String(attribute.type)}`)
  for (const flag of ['multiValued', 'required', 'caseExact']) {
    if (typeof attribute[flag] !== 'boolean') problems.push(`${at}: ${flag} is not a boolean`)
  }
  if (typeof attribute.description !== 'string') problems.push(`${at}: no description`)
  if (!MUTABILITY.includes(attribute.mutability as string)) problems.push(`${at}: mutability`)
  if (!RETURNED.includes(attribute.returned as string)) problems.push(`${at}: returned`)
  if (!UNIQUENESS.includes(attribute.uniqueness as string)) problems.push(`${at}: uniqueness`)
  if (attribute.type === 'reference') {
    const types = attribute.referenceTypes
    if (!Array.isArray(types) || types.length === 0) problems.push(`${at}: reference without referenceTypes`)
    for (const type of types ?? []) {
      if (![...resourceTypes, 'external', 'uri'].includes(type)) problems.push(`${at}: referenceType ${type}`)
    }
  } else if (attribute.referenceTypes !== undefined) {
    problems.push(`${at}: referenceTypes on a ${attribute.type}`)
  }
  if (attribute.type === 'complex') {
    if (!attribute.subAttributes?.length) problems.push(`${at}: complex without subAttributes`)
    for (const sub of attribute.subAttributes ?? []) {
      if (sub.type === 'complex') problems.push(`${at}.${sub.name}: complex inside complex`)
      problems.push(...problemsOf(sub, at, resourceTypes))
    }
  } else if (attribute.subAttributes !== undefined) {
    problems.push(`${at}: subAttributes on a ${attribute.type}`)
  }
  return problems
}

describe.each(SCIM_FLAVOURS)('SCIM discovery (%s path)', (_flavour, baseOf) => {
  let base: string
  beforeEach(() => {
    base = baseOf(t.orgId)
  })

  it('publishes every attribute with the characteristics RFC 7643 requires, references with referenceTypes', async () => {
    const types = await scimRequest(t, 'GET', `${base}/ResourceTypes`)
    const resourceTypes = (types.json.Resources as { name: string }[]).map((r) => r.name)
    const schemas = await scimRequest(t, 'GET', `${base}/Schemas`)
    expect(schemas.status).toBe(200)
    const listed = schemas.json.Resources as { id: string; attributes: PublishedAttribute[] }[]
    expect(listed.map((s) => s.id)).toEqual([USER_URN, ENTERPRISE_URN, CISCO_URN, GROUP_URN])
    const problems = listed.flatMap((s) => s.attributes.flatMap((a) => problemsOf(a, s.id, resourceTypes)))
    expect(problems).toEqual([])
    const referenceOf = (schema: string, path: string) => {
      const [name, sub] = path.split('.')
      const attribute = listed.find((s) => s.id === schema)?.attributes.find((a) => a.name === name)
      return sub ? attribute?.subAttributes?.find((a) => a.name === sub) : attribute
    }
    expect(referenceOf(USER_URN, 'groups.$ref')?.referenceTypes).toEqual(['User', 'Group'])
    expect(referenceOf(ENTERPRISE_URN, 'manager.$ref')?.referenceTypes).toEqual(['User'])
    expect(referenceOf(GROUP_URN, 'members.$ref')?.referenceTypes).toEqual(['User', 'Group'])
    expect(referenceOf(USER_URN, 'profileUrl')?.referenceTypes).toEqual(['external'])
    expect(referenceOf(USER_URN, 'photos.value')?.referenceTypes).toEqual(['external'])
    // What the server enforces is what the schema says.
    expect(referenceOf(USER_URN, 'userName')).toMatchObject({ required: true, uniqueness: 'server' })
    expect(referenceOf(USER_URN, 'userType')).toMatchObject({ required: false })
    expect(referenceOf(GROUP_URN, 'displayName')).toMatchObject({ required: true, uniqueness: 'server' })
    expect(referenceOf(USER_URN, 'groups')).toMatchObject({ mutability: 'readOnly' })
    for (const type of types.json.Resources as { schema: string; schemaExtensions: { schema: string }[] }[]) {
      for (const id of [type.schema, ...type.schemaExtensions.map((e) => e.schema)]) {
        expect(listed.map((s) => s.id)).toContain(id)
      }
    }
  })

  it('keeps ServiceProviderConfig to the attributes its schema defines, and advertises Bulk', async () => {
    const config = await scimRequest(t, 'GET', `${base}/ServiceProviderConfig`)
    expect(config.json.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'])
    const defined = [
      'schemas',
      'documentationUri',
      'patch',
      'bulk',
      'filter',
      'changePassword',
      'sort',
      'etag',
      'authenticationSchemes',
      'meta',
    ]
    expect(Object.keys(config.json).filter((k) => !defined.includes(k))).toEqual([])
    expect(config.json.bulk).toEqual({ supported: true, maxOperations: 100, maxPayloadSize: 1048576 })
  })

  it("serves Webex's /Schemas/SCIM2/User, /Schemas/SCIM2/Group and /Schemas/SCIM2/{schemaId}", async () => {
    const users = await scimRequest(t, 'GET', `${base}/Schemas/SCIM2/User`)
    expect(users.status).toBe(200)
    expect(Object.keys(users.json)).toEqual([USER_URN, ENTERPRISE_URN, CISCO_URN])
    expect(users.json[USER_URN]).toMatchObject({ id: USER_URN, name: 'User' })
    const groups = await scimRequest(t, 'GET', `${base}/Schemas/SCIM2/Group`)
    expect(Object.keys(groups.json)).toEqual([GROUP_URN])
    const one = await scimRequest(t, 'GET', `${base}/Schemas/SCIM2/${ENTERPRISE_URN}`)
    expect(one.json).toMatchObject({ id: ENTERPRISE_URN, name: 'EnterpriseUser' })
    expect(one.json).toEqual((await scimRequest(t, 'GET', `${base}/Schemas/${ENTERPRISE_URN}`)).json)
    expectScimError(await scimRequest(t, 'GET', `${base}/Schemas/SCIM2/urn:nope`), 404)
  })
})
