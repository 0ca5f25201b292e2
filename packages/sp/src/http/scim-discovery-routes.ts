import { Hono } from 'hono'
import {
  findSchema,
  resourceTypes,
  schemaResource,
  schemaResources,
  serviceProviderConfig,
  webexSchemaBundle,
} from '../scim/discovery'
import { LIST_RESPONSE_URN } from '../scim/scim-urns'
import type { SpEnv } from './env'
import { scimErrorResponse, scimJson } from './scim-responses'

function listResponse(resources: Record<string, unknown>[]) {
  return {
    schemas: [LIST_RESPONSE_URN],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  }
}

const noSchema = (id: string) => ({
  status: 404 as const,
  detail: `No schema ${id.slice(0, 100)}; GET /Schemas lists them.`,
})

/**
 * Discovery (RFC 7643 §5-7): ServiceProviderConfig, ResourceTypes, Schemas, and Webex's own
 * schema paths `/Schemas/SCIM2/User`, `/Schemas/SCIM2/Group` and `/Schemas/SCIM2/{schemaId}`.
 */
export function scimDiscoveryRoutes(baseUrlOf: () => string) {
  return new Hono<SpEnv>()
    .get('/ServiceProviderConfig', (c) => scimJson(c, serviceProviderConfig(baseUrlOf())))
    .get('/ResourceTypes', (c) => scimJson(c, listResponse(resourceTypes(baseUrlOf()))))
    .get('/ResourceTypes/:name', (c) => {
      const found = resourceTypes(baseUrlOf()).find(
        (r) => String(r.id).toLowerCase() === c.req.param('name').toLowerCase(),
      )
      return found
        ? scimJson(c, found)
        : scimErrorResponse(c, { status: 404, detail: 'Resource types are User and Group.' })
    })
    .get('/Schemas', (c) => scimJson(c, listResponse(schemaResources(baseUrlOf()))))
    .get('/Schemas/SCIM2/:name', (c) => {
      const name = c.req.param('name')
      const bundle = webexSchemaBundle(name, baseUrlOf())
      if (bundle) return scimJson(c, bundle)
      const schema = findSchema(name)
      return schema ? scimJson(c, schemaResource(schema, baseUrlOf())) : scimErrorResponse(c, noSchema(name))
    })
    .get('/Schemas/:id', (c) => {
      const schema = findSchema(c.req.param('id'))
      return schema
        ? scimJson(c, schemaResource(schema, baseUrlOf()))
        : scimErrorResponse(c, noSchema(c.req.param('id')))
    })
}
