import { Hono } from 'hono'
import { ASSET_FILES } from '../views/assets/asset-files'

/**
 * The Entra pages' stylesheet and script. Fingerprinted names are cached for a year; plain names
 * are revalidated on every use, so an upgraded server is seen at once.
 */
export function assetRoutes() {
  return new Hono().get('/assets/:file', (c) => {
    const file = ASSET_FILES.get(c.req.path)
    if (!file) return c.text('There is no such file under /assets.', 404)
    return c.body(file.body, 200, {
      'Content-Type': file.contentType,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
  })
}
