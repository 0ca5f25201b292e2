import { attr, multiComplex, reference, text } from './attribute-builders'
import { CISCO_URN, ENTERPRISE_URN, GROUP_URN, USER_URN } from './scim-urns'

/** RFC 7643 §7: one attribute definition, as `/Schemas` publishes it. */
export interface AttributeDef {
  readonly name: string
  readonly type: 'string' | 'boolean' | 'complex' | 'dateTime' | 'reference' | 'integer'
  readonly multiValued: boolean
  readonly description: string
  readonly required: boolean
  readonly caseExact: boolean
  readonly mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly'
  readonly returned: 'always' | 'never' | 'default' | 'request'
  readonly uniqueness: 'none' | 'server' | 'global'
  readonly canonicalValues?: readonly string[]
  readonly referenceTypes?: readonly string[]
  readonly subAttributes?: readonly AttributeDef[]
}

/** A schema (core or extension) and its attributes. */
export interface SchemaDef {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly attributes: readonly AttributeDef[]
}

/** A resource type: its core schema and the extensions it accepts. */
export interface ResourceDef {
  readonly name: 'User' | 'Group'
  readonly endpoint: '/Users' | '/Groups'
  readonly core: SchemaDef
  readonly extensions: readonly SchemaDef[]
}

const ID = text('id', 'Identifier issued by Webex; unique, never reassigned.', {
  caseExact: true,
  mutability: 'readOnly',
  returned: 'always',
  uniqueness: 'server',
})
const EXTERNAL_ID = text('externalId', 'The identifier the provisioning client (Entra) uses.', {
  caseExact: true,
})
const META = attr('meta', 'complex', 'Resource metadata.', {
  mutability: 'readOnly',
  subAttributes: [
    text('resourceType', 'User or Group.', { mutability: 'readOnly', caseExact: true }),
    attr('created', 'dateTime', 'When the resource was created.', { mutability: 'readOnly' }),
    attr('lastModified', 'dateTime', 'When the resource last changed.', { mutability: 'readOnly' }),
    reference('location', 'The resource URI.', ['uri'], { mutability: 'readOnly' }),
    text('version', 'The ETag, W/"n".', { mutability: 'readOnly', caseExact: true }),
  ],
})

/** Webex's userType values; a create without one gets `user`, as Entra's Webex connector sends none. */
export const USER_TYPES = ['user', 'room', 'external_calling', 'calling_service'] as const

const USER_SCHEMA: SchemaDef = {
  id: USER_URN,
  name: 'User',
  description: 'User Account',
  attributes: [
    text('userName', "The user's primary email; unique in Webex.", { required: true, uniqueness: 'server' }),
    attr('name', 'complex', "The components of the user's name.", {
      subAttributes: [
        text('formatted', 'The full name.'),
        text('familyName', 'Last name.'),
        text('givenName', 'First name.'),
        text('middleName', 'Middle name.'),
        text('honorificPrefix', 'Prefix such as Ms.'),
        text('honorificSuffix', 'Suffix such as III.'),
      ],
    }),
    text('displayName', 'The name shown in Webex.'),
    text('nickName', 'A casual name.'),
    reference('profileUrl', 'Online profile URL.', ['external']),
    text('title', 'Business title.'),
    text('userType', 'Webex user type; "user" when a create leaves it out.', { canonicalValues: USER_TYPES }),
    text('preferredLanguage', 'Preferred language, e.g. en_US.'),
    text('locale', 'Locale, e.g. en_US.'),
    text('timezone', 'IANA time zone, e.g. America/Los_Angeles.'),
    attr('active', 'boolean', 'Whether the user can sign in.'),
    multiComplex(
      'emails',
      'Email addresses; the primary one equals userName.',
      ['work', 'home', 'room', 'other'],
      {
        value: text('value', 'The email address.', { required: true }),
      },
    ),
    multiComplex('phoneNumbers', 'Phone numbers.', [
      'work',
      'home',
      'mobile',
      'work_extension',
      'fax',
      'pager',
      'other',
    ]),
    multiComplex('photos', 'Photo URLs.', ['photo', 'thumbnail', 'resizable'], {
      value: reference('value', 'The photo URL.', ['external']),
    }),
    attr('addresses', 'complex', 'Postal addresses.', {
      multiValued: true,
      subAttributes: [
        text('formatted', 'The full address.'),
        text('streetAddress', 'Street.'),
        text('locality', 'City.'),
        text('region', 'State or region.'),
        text('postalCode', 'Zip code.'),
        text('country', 'Country.'),
        text('type', 'work, home or other.', { canonicalValues: ['work', 'home', 'other'] }),
        attr('primary', 'boolean', 'Primary address.'),
      ],
    }),
    multiComplex('roles', 'Roles.', []),
    multiComplex('entitlements', 'Entitlements.', []),
    attr('groups', 'complex', 'Groups the user belongs to (change them through /Groups).', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        text('value', 'Group id.', { mutability: 'readOnly', caseExact: true }),
        reference('$ref', 'Group URI.', ['User', 'Group'], { mutability: 'readOnly' }),
        text('display', 'Group name.', { mutability: 'readOnly' }),
        text('type', 'direct (Webex does not report indirect membership).', {
          mutability: 'readOnly',
          canonicalValues: ['direct', 'indirect'],
        }),
      ],
    }),
  ],
}

const ENTERPRISE_SCHEMA: SchemaDef = {
  id: ENTERPRISE_URN,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    text('employeeNumber', 'Employee number.'),
    text('costCenter', 'Cost center.'),
    text('organization', 'Organization.'),
    text('division', 'Division.'),
    text('department', 'Department.'),
    attr('manager', 'complex', "The user's manager.", {
      subAttributes: [
        text('value', "The manager's id."),
        reference('$ref', "The manager's URI.", ['User']),
        text('displayName', "The manager's name.", { mutability: 'readOnly' }),
      ],
    }),
  ],
}

const CISCO_SCHEMA: SchemaDef = {
  id: CISCO_URN,
  name: 'WebexUser',
  description: 'Cisco Webex Identity extension',
  attributes: [
    text('accountStatus', 'Account status values.', { multiValued: true }),
    multiComplex('sipAddresses', 'SIP addresses.', []),
    attr('managedOrgs', 'complex', 'Organizations the user can manage.', {
      multiValued: true,
      subAttributes: [text('orgId', 'Organization id.'), text('role', 'Role in that organization.')],
    }),
    text('userNameType', 'How userName was set.'),
    attr('meta', 'complex', 'Webex metadata.', {
      mutability: 'readOnly',
      subAttributes: [text('organizationId', 'The org the user belongs to.', { mutability: 'readOnly' })],
    }),
  ],
}

const GROUP_SCHEMA: SchemaDef = {
  id: GROUP_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    text('displayName', 'The group name; unique in the org.', { required: true, uniqueness: 'server' }),
    attr('members', 'complex', 'Members of the group.', {
      multiValued: true,
      subAttributes: [
        text('value', 'The member id: a user or group of this organization.', {
          mutability: 'immutable',
          caseExact: true,
          required: true,
        }),
        reference('$ref', 'The member URI.', ['User', 'Group'], { mutability: 'immutable' }),
        text('display', 'The member name.', { mutability: 'readOnly' }),
        text('type', 'User or Group.', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
      ],
    }),
  ],
}

/** RFC 7643 §3.1: attributes every resource has, outside any schema's attribute list. */
export const COMMON_ATTRIBUTES: readonly AttributeDef[] = [ID, EXTERNAL_ID, META]

export const USER_RESOURCE: ResourceDef = {
  name: 'User',
  endpoint: '/Users',
  core: USER_SCHEMA,
  extensions: [ENTERPRISE_SCHEMA, CISCO_SCHEMA],
}

export const GROUP_RESOURCE: ResourceDef = {
  name: 'Group',
  endpoint: '/Groups',
  core: GROUP_SCHEMA,
  extensions: [],
}

/** Every schema the server knows, for `/Schemas`. */
export const ALL_SCHEMAS: readonly SchemaDef[] = [USER_SCHEMA, ENTERPRISE_SCHEMA, CISCO_SCHEMA, GROUP_SCHEMA]

/** Finds an attribute by name, case-insensitively (RFC 7643 §2.1). */
export function findAttribute(list: readonly AttributeDef[], name: string): AttributeDef | undefined {
  const wanted = name.toLowerCase()
  return list.find((a) => a.name.toLowerCase() === wanted)
}

/** The core attributes of a resource plus the common ones (id, externalId, meta). */
export function coreAttributes(resource: ResourceDef): readonly AttributeDef[] {
  return [...COMMON_ATTRIBUTES, ...resource.core.attributes]
}

/** The extension schema with this URN, case-insensitively. */
export function findExtension(resource: ResourceDef, urn: string): SchemaDef | undefined {
  const wanted = urn.toLowerCase()
  return resource.extensions.find((s) => s.id.toLowerCase() === wanted)
}
