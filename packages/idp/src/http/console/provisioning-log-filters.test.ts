import { type HeadlessBrowser, ok } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID } from '../../enterprise-apps/gallery'
import type { ProvisioningLog } from '../../state/idp-state'
import { signInToConsole } from '../../test-support/console'
import { createTestIdp, type TestIdp } from '../../test-support/harness'

let idp: TestIdp
let browser: HeadlessBrowser
let appId = ''
const TOKEN = 'scim-secret-token-value'

function entry(spId: string, over: Partial<ProvisioningLog> & Pick<ProvisioningLog, 'id'>): ProvisioningLog {
  return {
    jobId: 'job-1',
    servicePrincipalId: spId,
    cycleId: 'cycle-1',
    changeId: 'change-1',
    activityDateTime: '2026-12-01T10:00:00.000Z',
    durationInMilliseconds: 5,
    action: 'Create',
    status: 'success',
    initiatedBy: 'system',
    sourceIdentity: { id: 'src-bsimon', displayName: 'B.Simon', identityType: 'User' },
    targetIdentity: { id: 'tgt-bsimon', displayName: 'b.simon@contoso.com', identityType: 'urn:scim:User' },
    modifiedProperties: [],
    steps: [
      {
        name: 'EntryExport',
        type: 'export',
        status: over.status ?? 'success',
        description: 'Exported to Cisco Webex',
        timestamp: '2026-12-01T10:00:00.000Z',
        details: {},
        exchanges: [
          {
            method: 'POST',
            url: 'http://127.0.0.1:1/v1/scim/org/Users',
            requestHeaders: { Authorization: 'Bearer [redacted]' },
            requestBody: '{"userName":"b.simon@contoso.com"}',
            status: 201,
            responseBody: '{}',
            failure: null,
            attempt: 1,
            durationMs: 3,
            retryInMs: null,
          },
        ],
      },
    ],
    error: null,
    ...over,
  }
}

beforeAll(async () => {
  idp = await createTestIdp()
  browser = idp.browser()
  await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
  const gallery = await browser.open(
    `${idp.url}/enterprise-apps/gallery?pane=add&template=${CISCO_WEBEX_TEMPLATE_ID}`,
  )
  const form = gallery.facts.forms.find((f) => f.action.pathname === '/enterprise-apps/gallery/add')
  if (!form) throw new Error('no Add form')
  appId = (await browser.submit(gallery, form)).url.pathname.split('/')[2] ?? ''
  const spId = idp.store.read().apps[0]?.servicePrincipal.id ?? ''
  await idp.store.update((draft) => {
    draft.provisioning.logs.push(
      entry(spId, { id: 'log-create' }),
      entry(spId, {
        id: 'log-failure',
        status: 'failure',
        action: 'Update',
        activityDateTime: '2026-12-02T09:00:00.000Z',
        sourceIdentity: {
          id: 'src-evil',
          displayName: '=HYPERLINK("http://x","y"), @evil',
          identityType: 'User',
        },
        error: {
          errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
          reason: 'The SCIM server refused the request.',
          recommendedAction: 'Check the Tenant URL.',
          errorCategory: 'NonServiceFailure',
        },
      }),
      entry('another-app', { id: 'log-other-app', status: 'failure', action: 'Delete' }),
    )
    return ok(undefined)
  })
})

const appLogs = () => `${idp.url}/enterprise-apps/${appId}/provisioning-logs`

describe('Provisioning logs filters and download in the admin center', () => {
  it('filters the app page by Status, Action and Identity from the GET query and echoes them in the form', async () => {
    const all = await browser.open(appLogs())
    expect(all.facts.text).toContain('B.Simon (src-bsimon)')
    expect(all.facts.text).toContain('src-evil')
    expect(all.facts.text).not.toContain('log-other-app')
    const failures = await browser.open(`${appLogs()}?status=Failure`)
    expect(failures.status).toBe(200)
    expect(failures.facts.text).toContain('src-evil')
    expect(failures.facts.text).not.toContain('B.Simon (src-bsimon)')
    const html = await (
      await idp.app.request(`/enterprise-apps/${appId}/provisioning-logs?status=Failure&identity=evil`, {
        headers: { cookie: cookieHeader() },
      })
    ).text()
    expect(html).toMatch(/<option value="Failure" selected/)
    expect(html).toContain('value="evil"')
    expect(html).toContain('provisioning-logs/download?status=Failure&amp;identity=evil&amp;format=csv')
    const byTarget = await browser.open(`${appLogs()}?identity=tgt-bsimon&action=create`)
    expect(byTarget.facts.text).toContain('B.Simon (src-bsimon)')
    expect(byTarget.facts.text).not.toContain('src-evil')
  })

  it('answers an unknown Status, Action or date with 422 and the sentence, never a 500', async () => {
    for (const [query, words] of [
      ['status=Exploded', 'Status &#39;Exploded&#39; is not one Entra knows'],
      ['action=%3Cscript%3E', 'Action &#39;&lt;script&gt;&#39; is not one Entra knows'],
      ['from=2026-13-01', 'is not a date'],
      [`identity=${'x'.repeat(5000)}`, 'Identity is longer than 256 characters'],
    ] as const) {
      const res = await idp.app.request(`/enterprise-apps/${appId}/provisioning-logs?${query}`, {
        headers: { cookie: cookieHeader() },
      })
      expect(res.status).toBe(422)
      expect(await res.text()).toContain(words)
    }
    const tenant = await idp.app.request('/monitoring/provisioning?status=nope', {
      headers: { cookie: cookieHeader() },
    })
    expect(tenant.status).toBe(422)
    const download = await idp.app.request(
      `/enterprise-apps/${appId}/provisioning-logs/download?format=xlsx`,
      {
        headers: { cookie: cookieHeader() },
      },
    )
    expect(download.status).toBe(400)
    expect(await download.text()).toContain('use format=csv or format=json')
  })

  it('downloads the filtered events as CSV with the page columns, escaped cells and an attachment name', async () => {
    const res = await idp.app.request(
      `/enterprise-apps/${appId}/provisioning-logs/download?status=Failure&format=csv`,
      {
        headers: { cookie: cookieHeader() },
      },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Cisco Webex provisioning logs \d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(await res.text()).toBe(
      'Date,Identity,Action,Source System,Target System,Status\r\n' +
        `2026-12-02T09:00:00.000Z,"'=HYPERLINK(""http://x"",""y""), @evil (src-evil)",Update,Microsoft Entra ID,Cisco Webex,Failure\r\n`,
    )
  })

  it('downloads JSON as Graph provisioning objects with the token redacted, tenant-wide across apps', async () => {
    const res = await idp.app.request('/monitoring/provisioning/download?status=Failure&format=json', {
      headers: { cookie: cookieHeader() },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Provisioning logs [\d-]+\.json"$/,
    )
    const text = await res.text()
    expect(text).not.toContain(TOKEN)
    const body = JSON.parse(text) as { id: string; provisioningStatusInfo: { status: string } }[]
    expect(body.map((l) => l.id)).toEqual(['log-other-app', 'log-failure'])
    expect(body.every((l) => l.provisioningStatusInfo.status === 'failure')).toBe(true)
    expect(text).toContain('Authorization: Bearer [redacted]')
    const unsigned = await idp.app.request('/monitoring/provisioning/download?format=json')
    expect(unsigned.status).not.toBe(200)
  })
})

function cookieHeader(): string {
  return browser.jar
    .cookiesFor(new URL(idp.url))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
}
