import { type HeadlessBrowser, manualScheduler } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCiscoWebexInConsole, csrfTokenOf, formTo, postWithCookies } from '../../../test-support/console'
import { createTestIdp, type TestIdp } from '../../../test-support/harness'

let idp: TestIdp
let browser: HeadlessBrowser
let id = ''

const post = (path: string, fields: Record<string, string>) => postWithCookies(idp, browser, path, fields)

beforeEach(async () => {
  idp = await createTestIdp({ scheduler: manualScheduler() })
  browser = idp.browser()
  id = await addCiscoWebexInConsole(idp, browser)
})

const base = () => `/enterprise-apps/${id}/provisioning`
const SETTINGS = {
  mode: 'Automatic',
  tenantUrl: 'http://127.0.0.1:1/v1/scim/org',
  secretToken: 'secret-token-value',
  notificationEmail: 'ops@contoso.com',
  scope: 'assigned',
  provisioningStatus: 'Off',
}

describe("an app's Provisioning pages in the admin center", () => {
  it('shows Get started without a job, then the configuration with every field of the tutorial', async () => {
    const start = await browser.open(`${idp.url}${base()}`)
    expect(start.facts.title).toContain('Cisco Webex | Provisioning')
    expect(start.facts.text).toContain('Get started')
    const edit = await browser.open(`${idp.url}${base()}?view=edit`)
    for (const label of [
      'Provisioning Mode',
      'Admin Credentials',
      'Tenant URL',
      'Secret Token',
      'Test Connection',
      'Notification Email',
      'Sync only assigned users and groups',
      'Provisioning Status',
    ])
      expect(edit.facts.text).toContain(label)
  })

  it('refuses a Save without CSRF, answers a bad Tenant URL with 422 and the rule, and saves good settings with 303', async () => {
    const edit = await browser.open(`${idp.url}${base()}?view=edit`)
    const token = csrfTokenOf(edit)
    expect((await post(base(), SETTINGS)).status).toBe(403)
    const bad = await post(base(), { ...SETTINGS, csrfToken: token, tenantUrl: 'ftp://nowhere' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('The Tenant URL is not an absolute http(s) URL.')
    expect(idp.services.provisioning.page(id).ok && idp.services.provisioning.page(id)).toMatchObject({
      value: { job: null },
    })
    const saved = await post(base(), { ...SETTINGS, csrfToken: token })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(base())
    const page = idp.services.provisioning.page(id)
    expect(page.ok && page.value.job?.settings).toMatchObject({
      tenantUrl: SETTINGS.tenantUrl,
      hasSecretToken: true,
      notificationEmail: 'ops@contoso.com',
      syncAll: false,
    })
    const overview = await browser.open(`${idp.url}${base()}`)
    expect(overview.facts.text).toContain('Current cycle status')
    expect(overview.facts.text).toContain('Statistics to date')
    expect(overview.facts.text).toContain('Start provisioning')
    expect(overview.facts.text).not.toContain(SETTINGS.secretToken)
  })

  it('shows Test Connection to a server that is down as a failure with the reason (422)', async () => {
    const edit = await browser.open(`${idp.url}${base()}?view=edit`)
    const tested = await post(`${base()}/test-connection`, { ...SETTINGS, csrfToken: csrfTokenOf(edit) })
    expect(tested.status).toBe(422)
    const html = await tested.text()
    expect(html).toContain('Testing connection to Cisco Webex')
    expect(html).toContain('Microsoft Entra could not reach the Tenant URL.')
    // The banner names the code too, the word the CLI and the exercises use for it.
    expect(html).toContain('Error code: TargetUnreachable')
  })

  it('runs Stop provisioning from the overview, refuses an unknown command, and lists no logs yet', async () => {
    const edit = await browser.open(`${idp.url}${base()}?view=edit`)
    const token = csrfTokenOf(edit)
    await post(base(), { ...SETTINGS, csrfToken: token })
    const stopped = await post(`${base()}/actions`, { csrfToken: token, action: 'stop' })
    expect(stopped.status).toBe(303)
    const page = idp.services.provisioning.page(id)
    expect(page.ok && page.value.job?.status.scheduleState).toBe('Paused')
    const overview = await browser.open(`${idp.url}${base()}`)
    const after = await browser.submit(overview, formTo(overview, `${base()}/actions`), { action: 'explode' })
    expect(after.facts.text).toContain('Unknown command')
    const logs = await browser.open(`${idp.url}/enterprise-apps/${id}/provisioning-logs`)
    expect(logs.status).toBe(200)
    expect(logs.facts.text).toContain('No provisioning events yet.')
    const missing = await browser.open(`${idp.url}/enterprise-apps/${id}/provisioning-logs/nope`)
    expect(missing.status).toBe(404)
    const tenant = await browser.open(`${idp.url}/monitoring/provisioning`)
    expect(tenant.facts.title).toContain('Provisioning logs')
    expect(tenant.facts.text).toContain('No provisioning events yet.')
    expect((await browser.open(`${idp.url}/monitoring/provisioning/nope`)).status).toBe(404)
  })

  it('asks for a user before Provision on demand (422)', async () => {
    const edit = await browser.open(`${idp.url}${base()}?view=edit`)
    const token = csrfTokenOf(edit)
    await post(base(), { ...SETTINGS, csrfToken: token })
    const picker = await browser.open(`${idp.url}${base()}/on-demand?search=admin`)
    expect(picker.facts.text).toContain('admin@contoso.com')
    const none = await post(`${base()}/on-demand`, { csrfToken: token })
    expect(none.status).toBe(422)
    expect(await none.text()).toContain('Select a user, then Provision.')
  })
})
