import { beforeEach, describe, expect, it } from 'vitest'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { setUpSamlApp } from '../test-support/saml-app'

let t: TestIdp
let appId: string
beforeEach(async () => {
  t = await createTestIdp()
  ;({ appId } = await setUpSamlApp(t))
})

describe('federation metadata URLs', () => {
  it('serves the tenant document at Entra’s path, case-insensitively, by tenant id or domain', async () => {
    for (const path of [
      `/${t.tenantId}/FederationMetadata/2007-06/FederationMetadata.xml`,
      `/${t.tenantId}/federationmetadata/2007-06/federationmetadata.xml`,
      '/contoso.com/FederationMetadata/2007-06/FederationMetadata.xml',
    ]) {
      const response = await t.app.request(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('xml')
      expect(await response.text()).toContain(`entityID="https://sts.windows.net/${t.tenantId}/"`)
    }
  })

  it('serves the app document with its BOM at ?appid=', async () => {
    const response = await t.app.request(
      `/${t.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
    )
    const bytes = Buffer.from(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('answers 404 for an unknown tenant, app or file name', async () => {
    const paths = [
      '/fabrikam.com/FederationMetadata/2007-06/FederationMetadata.xml',
      `/${t.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=00000000-0000-4000-8000-000000000000`,
      `/${t.tenantId}/FederationMetadata/2007-06/Other.xml`,
    ]
    for (const path of paths) expect((await t.app.request(path)).status).toBe(404)
  })
})
