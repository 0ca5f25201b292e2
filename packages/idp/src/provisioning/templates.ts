import { CISCO_WEBEX_TEMPLATE_ID, CUSTOM_TEMPLATE_ID } from '../enterprise-apps/gallery'
import type { AttributeMapping, ObjectMapping } from '../state/idp-state'

/** One attribute of a directory's object (Graph `attributeDefinition`, the part the engine uses). */
export interface AttributeDefinition {
  readonly name: string
  readonly type: 'String' | 'Boolean' | 'Reference'
  readonly required: boolean
  /** May be a matching attribute (the target can be queried by it). */
  readonly filterable: boolean
  /** Values compare with case (ids); without (names, emails) otherwise. */
  readonly caseExact: boolean
  readonly multivalued: boolean
}

const attr = (
  name: string,
  options: Partial<Omit<AttributeDefinition, 'name'>> = {},
): AttributeDefinition => ({
  name,
  type: 'String',
  required: false,
  filterable: false,
  caseExact: false,
  multivalued: false,
  ...options,
})

/** Attributes of Microsoft Entra users that mappings can read. */
export const SOURCE_USER_ATTRIBUTES: readonly AttributeDefinition[] = [
  attr('objectId', { caseExact: true }),
  attr('userPrincipalName'),
  attr('displayName'),
  attr('givenName'),
  attr('surname'),
  attr('mail'),
  attr('mailNickname'),
  attr('onPremisesUserPrincipalName'),
  attr('accountEnabled', { type: 'Boolean' }),
  /** True when the user is deleted, disabled, unassigned or out of scope. */
  attr('IsSoftDeleted', { type: 'Boolean' }),
  attr('appRoleAssignments', { multivalued: true }),
]

/** Attributes of Microsoft Entra groups that mappings can read. */
export const SOURCE_GROUP_ATTRIBUTES: readonly AttributeDefinition[] = [
  attr('objectId', { caseExact: true }),
  attr('displayName'),
  attr('mailNickname'),
  attr('description'),
  attr('members', { type: 'Reference', multivalued: true }),
]

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

/** User attributes of the SCIM target both connectors write (Webex's SCIM 2 schema, the part Entra maps). */
const SCIM_USER_ATTRIBUTES: readonly AttributeDefinition[] = [
  attr('userName', { required: true, filterable: true }),
  attr('active', { type: 'Boolean' }),
  attr('displayName', { filterable: true }),
  attr('name.givenName', { filterable: true }),
  attr('name.familyName', { filterable: true }),
  attr('name.formatted'),
  attr('externalId', { filterable: true, caseExact: true }),
  attr('nickName'),
  attr('title'),
  attr('preferredLanguage'),
  attr('emails[type eq "work"].value', { filterable: true }),
  attr('phoneNumbers[type eq "work"].value'),
  attr('phoneNumbers[type eq "mobile"].value'),
  attr(`${ENTERPRISE}:department`),
  attr(`${ENTERPRISE}:employeeNumber`),
]

const SCIM_GROUP_ATTRIBUTES: readonly AttributeDefinition[] = [
  attr('displayName', { required: true, filterable: true }),
  attr('externalId', { filterable: true, caseExact: true }),
  attr('members', { type: 'Reference', multivalued: true }),
]

/** A provisioning connector (Graph `synchronizationTemplate`) and the defaults of its jobs. */
export interface ConnectorTemplate {
  /** Graph's `templateId` (and the first part of job ids). */
  readonly id: string
  readonly factoryTag: string
  readonly description: string
  /** The gallery entries (Graph `applicationTemplateId`) whose apps use this connector. */
  readonly galleryTemplateIds: readonly string[]
  /** The target system's name in logs and step descriptions. */
  readonly targetSystem: string
  readonly ruleId: string
  readonly targetUserObject: string
  readonly targetGroupObject: string
  readonly userAttributes: readonly AttributeDefinition[]
  readonly groupAttributes: readonly AttributeDefinition[]
  readonly defaults: { readonly users: ObjectMapping; readonly groups: ObjectMapping }
  /** Cisco Webex: "Users need a non-'Default Access' role to be provisioned". */
  readonly requiresNonDefaultAccessRole: boolean
  /** What the Tenant URL looks like, for messages. */
  readonly tenantUrlExample: string
}

const map = (
  targetAttributeName: string,
  source: AttributeMapping['source'],
  matchingPriority = 0,
): AttributeMapping => ({
  targetAttributeName,
  source,
  matchingPriority,
  flowType: 'Always',
  defaultValue: null,
})
const from = (name: string): AttributeMapping['source'] => ({ type: 'Attribute', name })

/** Entra's expression for `active`: the opposite of IsSoftDeleted. */
export const ACTIVE_EXPRESSION = 'Switch([IsSoftDeleted], , "False", "True", "True", "False")'

const DEFAULT_GROUPS: ObjectMapping = {
  enabled: true,
  attributeMappings: [
    map('displayName', from('displayName'), 1),
    map('externalId', from('objectId')),
    map('members', from('members')),
  ],
}

/** Both connectors write SCIM 2.0's enterprise User and core Group, with the same attribute lists. */
const SCIM_2_OBJECTS = {
  targetUserObject: ENTERPRISE,
  targetGroupObject: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  userAttributes: SCIM_USER_ATTRIBUTES,
  groupAttributes: SCIM_GROUP_ATTRIBUTES,
} as const

/** A connector's default mappings: userName (matching), active and displayName, then its own. */
function defaultsWith(userMappings: readonly ReturnType<typeof map>[]): ConnectorTemplate['defaults'] {
  return {
    users: {
      enabled: true,
      attributeMappings: [
        map('userName', from('userPrincipalName'), 1),
        map('active', { type: 'Function', expression: ACTIVE_EXPRESSION }),
        map('displayName', from('displayName')),
        ...userMappings,
      ],
    },
    groups: DEFAULT_GROUPS,
  }
}

/** The connectors the sandbox has: the Cisco Webex gallery connector and Entra's generic SCIM one. */
export const CONNECTOR_TEMPLATES: readonly ConnectorTemplate[] = [
  {
    id: 'ciscoWebex',
    factoryTag: 'ciscowebex',
    description: 'Provision users and groups to Cisco Webex with SCIM 2.0 (the gallery connector, Preview).',
    galleryTemplateIds: [CISCO_WEBEX_TEMPLATE_ID],
    targetSystem: 'Cisco Webex',
    ruleId: '6f8c2b7e-1c4d-4a5b-9e0f-3a2d1c4b5e6f',
    ...SCIM_2_OBJECTS,
    // The gallery connector's table (userName matching; no emails), externalId from objectId.
    defaults: defaultsWith([
      map('name.familyName', from('surname')),
      map('name.givenName', from('givenName')),
      map('externalId', from('objectId')),
    ]),
    requiresNonDefaultAccessRole: true,
    tenantUrlExample: 'https://api.ciscospark.com/v1/scim/[OrgId]',
  },
  {
    id: 'scim',
    factoryTag: 'scim',
    description: 'Provision users and groups to any SCIM 2.0 application (non-gallery).',
    galleryTemplateIds: [CUSTOM_TEMPLATE_ID],
    targetSystem: 'customappsso',
    ruleId: '03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8',
    ...SCIM_2_OBJECTS,
    defaults: defaultsWith([
      map('emails[type eq "work"].value', from('mail')),
      map('name.givenName', from('givenName')),
      map('name.familyName', from('surname')),
      map('externalId', from('mailNickname')),
    ]),
    requiresNonDefaultAccessRole: false,
    tenantUrlExample: 'https://app.example.com/scim',
  },
]

/** The connector of an app made from `galleryTemplateId`, if it has one. */
export function templateForGalleryApp(galleryTemplateId: string): ConnectorTemplate | undefined {
  const id = galleryTemplateId.toLowerCase()
  return CONNECTOR_TEMPLATES.find((t) => t.galleryTemplateIds.some((g) => g.toLowerCase() === id))
}

/** A connector by its Graph template id (case-insensitive, as Graph compares it). */
export function templateById(id: string): ConnectorTemplate | undefined {
  return CONNECTOR_TEMPLATES.find((t) => t.id.toLowerCase() === id.toLowerCase())
}

/** What Attribute Mapping offers for one object type of a connector: its target and source attributes and defaults. */
export function attributeMappingSchema(templateId: string, kind: 'users' | 'groups') {
  const template = templateById(templateId)
  if (!template) return null
  return {
    targetSystem: template.targetSystem,
    targets: (kind === 'users' ? template.userAttributes : template.groupAttributes).map((a) => a.name),
    sources: (kind === 'users' ? SOURCE_USER_ATTRIBUTES : SOURCE_GROUP_ATTRIBUTES).map((a) => a.name),
    defaults: template.defaults[kind],
  }
}
