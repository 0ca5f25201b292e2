import { Hono } from 'hono'
import type { HttpDeps, IdpEnv } from './env'

const XML = { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'max-age=300' }

/**
 * Federation metadata at Entra's paths, matched case-insensitively:
 * `/{tenant}/FederationMetadata/2007-06/FederationMetadata.xml` (tenant) and
 * `/{tenant}/federationmetadata/2007-06/federationmetadata.xml?appid={appId}` (app, with a BOM).
 */
export function metadataRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>().get('/:tenant/:folder/2007-06/:file', (c) => {
    if (
      c.req.param('folder').toLowerCase() !== 'federationmetadata' ||
      c.req.param('file').toLowerCase() !== 'federationmetadata.xml'
    ) {
      return c.notFound()
    }
    const tenant = c.req.param('tenant')
    const appId = c.req.query('appid')
    const xml =
      appId === undefined
        ? deps.services.metadata.tenantMetadata(tenant)
        : deps.services.metadata.appMetadata(appId, tenant)
    if (xml.ok) return c.body(xml.value, 200, XML)
    return xml.error.code === 'TENANT_NOT_FOUND'
      ? c.text(
          `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`,
          404,
        )
      : c.text(`AADSTS700016: Application with identifier '${appId}' was not found in the directory.`, 404)
  })
}
