import { beforeEach, describe, expect, it } from 'vitest'
import { createTestServices, type TestServices } from '../test-support/harness'
import { checkLogoutUrl } from './basic-saml-rules'
import { CUSTOM_TEMPLATE_ID } from './gallery'

let t: TestServices
beforeEach(async () => {
  t = await createTestServices()
})

describe('the Logout URL rule', () => {
  it('clears on null or empty, keeps a web URL, refuses anything else naming the field', () => {
    expect(checkLogoutUrl(null)).toEqual({ ok: true, value: null })
    expect(checkLogoutUrl('')).toEqual({ ok: true, value: null })
    expect(checkLogoutUrl('https://sp.example.com/slo')).toEqual({
      ok: true,
      value: 'https://sp.example.com/slo',
    })
    const refused = checkLogoutUrl('http://sp.example.com/slo')
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.error.message).toContain(
        "Logout URL 'http://sp.example.com/slo' must start with https://",
      )
  })

  it('is the same rule through Graph (PATCH /applications) and Basic SAML Configuration', async () => {
    const created = await t.services.apps.instantiate(CUSTOM_TEMPLATE_ID, 'App')
    if (!created.ok) throw new Error(created.error.message)
    const { application, servicePrincipal } = created.value
    const logoutUrl = () => t.store.read().apps[0]?.application.logoutUrl
    const viaGraph = (url: string | null) =>
      t.services.apps.updateApplication(application.id, { logoutUrl: url })
    const viaForm = (url: string | null) =>
      t.services.samlConfig.configureBasicSaml(servicePrincipal.id, { logoutUrl: url })
    for (const [set, other] of [
      [viaGraph, viaForm],
      [viaForm, viaGraph],
    ] as const) {
      expect((await set('https://sp.example.com/slo')).ok).toBe(true)
      expect(logoutUrl()).toBe('https://sp.example.com/slo')
      expect(await set('ftp://sp.example.com/slo')).toMatchObject({
        ok: false,
        error: { target: 'Logout URL' },
      })
      expect(await other('ftp://sp.example.com/slo')).toMatchObject({
        ok: false,
        error: { target: 'Logout URL' },
      })
      expect(logoutUrl()).toBe('https://sp.example.com/slo')
      expect((await other('')).ok).toBe(true)
      expect(logoutUrl()).toBeNull()
    }
  })
})
