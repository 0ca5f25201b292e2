import { manualScheduler } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID } from '../enterprise-apps/gallery'
import { createTestServices } from '../test-support/harness'

const settled = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve))
}

describe('the provisioning service', () => {
  it('forgets the job of an app that was deleted (with its Secret Token) when its next cycle comes', async () => {
    const scheduler = manualScheduler()
    const { services, store } = await createTestServices({ scheduler })
    const app = await services.apps.instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
    if (!app.ok) throw new Error(app.error.message)
    const spId = app.value.servicePrincipal.id
    const saved = await services.provisioning.configure(spId, {
      tenantUrl: 'http://127.0.0.1:9/v1/scim/org',
      secretToken: 'token-of-the-deleted-app',
    })
    expect(saved.ok).toBe(true)
    services.provisioning.startBackground()
    const started = await services.provisioning.configure(spId, { provisioningStatus: 'On' })
    expect(started.ok).toBe(true)
    expect(scheduler.pending()).toEqual([0])
    expect((await services.apps.deleteApp(spId)).ok).toBe(true)
    scheduler.advance(0)
    await settled()
    await store.flush()
    expect(store.read().provisioning.jobs).toEqual([])
    expect(JSON.stringify(store.read())).not.toContain('token-of-the-deleted-app')
    expect(scheduler.pending()).toEqual([])
    await services.provisioning.stopBackground()
  })

  it('refuses a Save that would store a bad setting, and keeps what was there', async () => {
    const { services } = await createTestServices()
    const app = await services.apps.instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
    if (!app.ok) throw new Error(app.error.message)
    const spId = app.value.servicePrincipal.id
    expect((await services.provisioning.configure(spId, { notificationEmail: 'ops@contoso.com' })).ok).toBe(
      true,
    )
    const bad = await services.provisioning.configure(spId, {
      notificationEmail: 'not an email',
      intervalSeconds: 0,
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidSettings', target: 'notificationEmail' } })
    const interval = await services.provisioning.configure(spId, { intervalSeconds: 0 })
    expect(interval).toMatchObject({
      ok: false,
      error: { code: 'InvalidSettings', target: 'intervalSeconds' },
    })
    const page = services.provisioning.page(spId)
    expect(page.ok && page.value.job?.settings.notificationEmail).toBe('ops@contoso.com')
    const token = await services.provisioning.configure(spId, { secretToken: 'two words' })
    expect(token).toMatchObject({ ok: false, error: { code: 'InvalidSecrets', target: 'SecretToken' } })
  })
})
