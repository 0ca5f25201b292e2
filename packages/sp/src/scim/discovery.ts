import {
  ALL_SCHEMAS,
  type AttributeDef,
  COMMON_ATTRIBUTES,
  GROUP_RESOURCE,
  type ResourceDef,
  type SchemaDef,
  USER_RESOURCE,
} from './attribute-defs'
import { BULK_MAX_OPERATIONS, BULK_MAX_PAYLOAD_BYTES } from './bulk-request'
import { MAX_COUNT } from './list-query'
import { RESOURCE_TYPE_URN, SCHEMA_URN, SERVICE_PROVIDER_CONFIG_URN } from './scim-urns'

/** Largest request body the SCIM server reads, in bytes (a bulk request may be larger, up to bulk.maxPayloadSize). */
export const MAX_SCIM_BODY_BYTES = 256 * 1024

/** RFC 7643 §5: what this server supports. */
export function serviceProviderConfig(baseUrl: string): Record<string, unknown> {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_URN],
    documentationUri: 'https://developer.webex.com/docs/api/v1/scim2-user',
    patch: { supported: true },
    bulk: { supported: true, maxOperations: BULK_MAX_OPERATIONS, maxPayloadSize: BULK_MAX_PAYLOAD_BYTES },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authorization: Bearer <the SCIM token shown in Control Hub>.',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  }
}

function resourceType(resource: ResourceDef, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [RESOURCE_TYPE_URN],
    id: resource.name,
    name: resource.name,
    endpoint: resource.endpoint,
    description: resource.name === 'User' ? 'User Account' : 'Group',
    schema: resource.core.id,
    schemaExtensions: resource.extensions.map((e) => ({ schema: e.id, required: false })),
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${resource.name}` },
  }
}

/** RFC 7643 §6. */
export function resourceTypes(baseUrl: string): Record<string, unknown>[] {
  return [resourceType(USER_RESOURCE, baseUrl), resourceType(GROUP_RESOURCE, baseUrl)]
}

function publish(def: AttributeDef): Record<string, unknown> {
  const { subAttributes, ...rest } = def
  return { ...rest, ...(subAttributes ? { subAttributes: subAttributes.map(publish) } : {}) }
}

/** RFC 7643 §7: one schema as `/Schemas/{id}` returns it. */
export function schemaResource(schema: SchemaDef, baseUrl: string): Record<string, unknown> {
  const core = schema.id === USER_RESOURCE.core.id || schema.id === GROUP_RESOURCE.core.id
  return {
    schemas: [SCHEMA_URN],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: [
      ...(core ? COMMON_ATTRIBUTES.filter((a) => a.name === 'externalId') : []),
      ...schema.attributes,
    ].map(publish),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  }
}

/** Every schema, for `/Schemas`. */
export function schemaResources(baseUrl: string): Record<string, unknown>[] {
  return ALL_SCHEMAS.map((s) => schemaResource(s, baseUrl))
}

/** The schema with this id (case-insensitive), or undefined. */
export function findSchema(id: string): SchemaDef | undefined {
  return ALL_SCHEMAS.find((s) => s.id.toLowerCase() === id.toLowerCase())
}

/**
 * Webex's `/Schemas/SCIM2/User` and `/Schemas/SCIM2/Group`: a resource type's schemas (core and
 * extensions) in one object keyed by schema URN, undefined for other names.
 */
export function webexSchemaBundle(name: string, baseUrl: string): Record<string, unknown> | undefined {
  const resource = [USER_RESOURCE, GROUP_RESOURCE].find((r) => r.name.toLowerCase() === name.toLowerCase())
  if (!resource) return undefined
  return Object.fromEntries(
    [resource.core, ...resource.extensions].map((s) => [s.id, schemaResource(s, baseUrl)]),
  )
}
