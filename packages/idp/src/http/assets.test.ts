import { describe, expect, it } from 'vitest'
import { SCRIPT_URL, STYLESHEET_URL } from '../views/assets/asset-files'
import { assetRoutes } from './assets'

const app = assetRoutes()

describe('the Entra pages’ assets', () => {
  it('serves the fingerprinted stylesheet and script for a year, as CSS and JavaScript', async () => {
    expect(STYLESHEET_URL).toMatch(/^\/assets\/entra\.[0-9a-f]{12}\.css$/)
    expect(SCRIPT_URL).toMatch(/^\/assets\/entra-console\.[0-9a-f]{12}\.js$/)
    const css = await app.request(STYLESHEET_URL)
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await css.text()).toContain('--brand: #0078d4')
    const js = await app.request(SCRIPT_URL)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('serves the plain names with revalidation, so an upgraded server is seen at once', async () => {
    for (const path of ['/assets/entra.css', '/assets/entra-console.js']) {
      const response = await app.request(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-cache')
    }
    expect(await (await app.request('/assets/entra.css')).text()).toBe(
      await (await app.request(STYLESHEET_URL)).text(),
    )
  })

  it('answers 404 for a stale fingerprint or an unknown file', async () => {
    for (const path of ['/assets/entra.000000000000.css', '/assets/webex.css', '/assets/..%2Fapp.ts']) {
      const response = await app.request(path)
      expect(response.status).toBe(404)
      expect(await response.text()).toBe('There is no such file under /assets.')
    }
  })
})
