import { Hono } from 'hono'
import { CONSOLE_ASSETS, type ConsoleAsset } from '../views/console/assets'

/** A year: the URL changes whenever the content does, so a cached copy is never stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The console's stylesheet, script and font. A request naming the current version (`?v=`) may be
 * cached for good; any other (an old page, a hand-typed URL) gets the current file and must
 * revalidate, so a browser never keeps an old file under a new page.
 */
export function consoleAssetRoutes() {
  const app = new Hono()
  for (const asset of Object.values(CONSOLE_ASSETS) as ConsoleAsset[]) {
    app.get(asset.path, (c) =>
      c.body(asset.body(), 200, {
        'Content-Type': asset.contentType,
        'Cache-Control': c.req.query('v') === asset.version ? IMMUTABLE : 'no-cache',
      }),
    )
  }
  return app
}
