import { type HeadlessBrowser, manualScheduler } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCiscoWebexInConsole, csrfTokenOf, postWithCookies } from '../../../test-support/console'
import { createTestIdp, type TestIdp } from '../../../test-support/harness'

let idp: TestIdp
let browser: HeadlessBrowser
let id = ''
let token = ''

const post = (path: string, fields: Record<string, string>) => postWithCookies(idp, browser, path, fields)

const users = () => `/enterprise-apps/${id}/provisioning/mappings/users`
const draftOf = (html: string) =>
  JSON.parse((/name="draft" value="([^"]*)"/.exec(html)?.[1] ?? '').replaceAll('&quot;', '"'))
const savedUserMappings = () => {
  const page = idp.services.provisioning.page(id)
  return page.ok ? page.value.job?.mappings.users.attributeMappings : null
}

beforeEach(async () => {
  idp = await createTestIdp({ scheduler: manualScheduler() })
  browser = idp.browser()
  id = await addCiscoWebexInConsole(idp, browser)
  const edit = await browser.open(`${idp.url}/enterprise-apps/${id}/provisioning?view=edit`)
  token = csrfTokenOf(edit)
  const saved = await post(`/enterprise-apps/${id}/provisioning`, {
    csrfToken: token,
    mode: 'Automatic',
    tenantUrl: 'http://127.0.0.1:1/v1/scim/org',
    secretToken: 'secret-token-value',
    scope: 'assigned',
    provisioningStatus: 'Off',
  })
  expect(saved.status).toBe(303)
})

describe('Provisioning > Mappings > Attribute Mapping', () => {
  it('links both object types from Mappings and lists the Cisco Webex defaults with their matching precedence', async () => {
    const edit = await browser.open(`${idp.url}/enterprise-apps/${id}/provisioning?view=edit`)
    expect(edit.facts.text).toContain('Provision Microsoft Entra ID Users')
    expect(edit.facts.text).toContain('Provision Microsoft Entra ID Groups')
    const page = await browser.open(`${idp.url}${users()}`)
    for (const words of [
      'Attribute Mapping',
      'Azure Active Directory attribute',
      'customappsso attribute',
      'Matching precedence',
      'Add New Mapping',
      'Restore default mappings',
    ])
      expect(page.facts.text).toContain(words)
    expect(
      draftOf(await (await post(users(), { csrfToken: token, draft: '[]', op: 'restore' })).text())[0],
    ).toMatchObject({
      targetAttributeName: 'userName',
      source: { type: 'Attribute', name: 'userPrincipalName' },
      matchingPriority: 1,
    })
    const groups = await browser.open(`${idp.url}/enterprise-apps/${id}/provisioning/mappings/groups`)
    expect(groups.facts.text).toContain('Provision Microsoft Entra ID Groups')
    expect(groups.facts.text).toContain('members')
  })

  it('edits a row into a Constant in the draft, asks before Save, then saves it through the provisioning service', async () => {
    const before = savedUserMappings()
    const page = await (
      await idp.app.request(users(), {
        headers: {
          cookie: browser.jar
            .cookiesFor(new URL(idp.url))
            .map((c) => `${c.name}=${c.value}`)
            .join('; '),
        },
      })
    ).text()
    const draft = JSON.stringify(draftOf(page))
    const row = draftOf(page).findIndex(
      (r: { targetAttributeName: string }) => r.targetAttributeName === 'displayName',
    )
    const pane = await (await post(users(), { csrfToken: token, draft, op: `edit:${row}` })).text()
    for (const label of [
      'Edit attribute mapping',
      'Mapping type',
      'Source attribute',
      'Target attribute',
      'Match objects using this attribute',
      'Apply this mapping',
    ])
      expect(pane).toContain(label)
    const applied = await (
      await post(users(), {
        csrfToken: token,
        draft,
        row: String(row),
        op: 'apply',
        mappingType: 'Constant',
        constantValue: 'Contoso staff',
        targetAttribute: 'displayName',
        matching: 'No',
        flowType: 'Always',
      })
    ).text()
    expect(applied).toContain('You have unsaved changes')
    expect(applied).toContain('&quot;Contoso staff&quot;')
    expect(savedUserMappings()).toEqual(before)
    const next = JSON.stringify(draftOf(applied))
    const asked = await (await post(users(), { csrfToken: token, draft: next, op: 'save' })).text()
    expect(asked).toContain('role="alertdialog"')
    expect(asked).toContain('Saving changes to the attribute mappings starts an initial cycle')
    expect(savedUserMappings()).toEqual(before)
    const saved = await post(users(), { csrfToken: token, draft: next, op: 'confirm-save' })
    expect(saved.status).toBe(303)
    expect(savedUserMappings()?.find((r) => r.targetAttributeName === 'displayName')?.source).toEqual({
      type: 'Constant',
      value: 'Contoso staff',
    })
  })

  it('refuses a table without the required userName with the service message, keeps the draft and changes nothing', async () => {
    const before = savedUserMappings()
    const restored = draftOf(
      await (await post(users(), { csrfToken: token, draft: '[]', op: 'restore' })).text(),
    )
    const deleted = await (
      await post(users(), { csrfToken: token, draft: JSON.stringify(restored), op: 'delete:0' })
    ).text()
    const withoutUserName = draftOf(deleted)
    expect(withoutUserName.map((r: { targetAttributeName: string }) => r.targetAttributeName)).not.toContain(
      'userName',
    )
    const refused = await post(users(), {
      csrfToken: token,
      draft: JSON.stringify(withoutUserName),
      op: 'confirm-save',
    })
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toContain('userName is required by the target')
    expect(draftOf(html)).toEqual(withoutUserName)
    expect(savedUserMappings()).toEqual(before)
  })

  it('refuses a forged draft and a post without the CSRF token', async () => {
    const forged = await post(users(), { csrfToken: token, draft: '{"not":"a table"}', op: 'confirm-save' })
    expect(forged.status).toBe(422)
    expect(await forged.text()).toContain('The unsaved table could not be read')
    expect((await post(users(), { draft: '[]', op: 'restore' })).status).toBe(403)
    expect(
      (await post(`/enterprise-apps/${id}/provisioning/mappings/devices`, { csrfToken: token, draft: '[]' }))
        .status,
    ).toBe(404)
  })
})
