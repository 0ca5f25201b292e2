import { Hono } from 'hono'
import { aadstsMessage } from '../errors/catalogue'
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
    // Either error means the document does not exist: 404, whatever status the error page would use.
    return xml.ok ? c.body(xml.value, 200, XML) : c.text(aadstsMessage(xml.error), 404)
  })
}
