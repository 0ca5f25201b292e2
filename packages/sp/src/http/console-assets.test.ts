import { describe, expect, it } from 'vitest'
import { CONSOLE_ASSETS } from '../views/console/assets'
import { consoleAssetRoutes } from './console-assets'

const app = consoleAssetRoutes()

describe('console asset routes', () => {
  it('serve each file at its versioned URL with its type and a year-long immutable cache', async () => {
    for (const asset of Object.values(CONSOLE_ASSETS)) {
      const response = await app.request(asset.url)
      expect(response.status, asset.path).toBe(200)
      expect(response.headers.get('content-type')).toBe(asset.contentType)
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100)
    }
  })

  it('make an unversioned or stale URL revalidate, so an old page never pins a new file', async () => {
    for (const url of [
      '/assets/control-hub.css',
      '/assets/control-hub.css?v=old',
      '/assets/control-hub.js?v=',
    ]) {
      const response = await app.request(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-cache')
    }
  })

  it('point the stylesheet at the versioned font and serve the real Inter font file', async () => {
    const css = await (await app.request(CONSOLE_ASSETS.stylesheet.url)).text()
    expect(css).toContain(`url("${CONSOLE_ASSETS.font.url}")`)
    expect(css).not.toContain('url("/assets/fonts/inter-var.woff2")')
    const font = new Uint8Array(await (await app.request(CONSOLE_ASSETS.font.url)).arrayBuffer())
    expect(new TextDecoder().decode(font.slice(0, 4))).toBe('wOF2')
  })

  it('change the version when the content changes (a hash of the bytes)', () => {
    expect(CONSOLE_ASSETS.stylesheet.version).toMatch(/^[\w-]{12}$/)
    expect(CONSOLE_ASSETS.script.version).not.toBe(CONSOLE_ASSETS.stylesheet.version)
    expect(CONSOLE_ASSETS.font.url).toMatch(/\?v=\d+\.\d+\.\d+$/)
  })
})
