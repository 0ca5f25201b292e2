import { beforeEach, describe, expect, it } from 'vitest'
import { createTestServices, type TestServices } from '../test-support/harness'
import { mayAccess, myAppsOf } from './access'
import { CISCO_WEBEX_TEMPLATE_ID, CUSTOM_TEMPLATE_ID, SINGLE_INSTANCE_MESSAGE } from './gallery'

let t: TestServices
beforeEach(async () => {
  t = await createTestServices()
})

async function instantiate(templateId: string, name: string) {
  const created = await t.services.apps.instantiate(templateId, name)
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

describe('enterprise applications', () => {
  it('lists the gallery with Cisco Webex and the non-gallery template', () => {
    const names = t.services.apps.listTemplates().map((x) => x.displayName)
    expect(names).toEqual(['Custom', 'Cisco Webex'])
  })

  it('instantiates a non-gallery app with Entra’s defaults: assignment required, visible, editor claims', async () => {
    const app = await instantiate(CUSTOM_TEMPLATE_ID, 'Tercen')
    expect(app.application.appId).toBe(app.servicePrincipal.appId)
    expect(app.servicePrincipal).toMatchObject({
      appRoleAssignmentRequired: true,
      visibleToUsers: true,
      preferredSingleSignOnMode: null,
      appRoles: [],
    })
    expect(app.saml.claims.map((c) => c.name)).toEqual(['givenname', 'surname', 'emailaddress', 'name'])
    expect(app.saml.nameId).toEqual({
      source: { kind: 'attribute', attribute: 'user.userprincipalname' },
      format: 'emailAddress',
    })
    expect(app.saml).toMatchObject({ signingOption: 'assertion', signingAlgorithm: 'rsa-sha256' })
    const second = await instantiate(CUSTOM_TEMPLATE_ID, 'Tercen')
    expect(second.servicePrincipal.id).not.toBe(app.servicePrincipal.id)
  })

  it('adds the uid claim to Cisco Webex and refuses a second Webex instance with Entra’s message', async () => {
    const webex = await instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
    expect(webex.saml.claims.at(-1)).toMatchObject({
      name: 'uid',
      namespace: null,
      source: { kind: 'attribute', attribute: 'user.userprincipalname' },
    })
    expect(webex.servicePrincipal.appRoles.map((r) => r.displayName)).toEqual(['User', 'msiam_access'])
    const again = await t.services.apps.instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Webex 2')
    expect(again).toEqual({ ok: false, error: { code: 'INVALID', message: SINGLE_INSTANCE_MESSAGE } })
    expect(t.store.read().apps).toHaveLength(1)
  })

  it('validates identifiers: unique across the tenant and, for Webex, of the idbroker pattern', async () => {
    const one = await instantiate(CUSTOM_TEMPLATE_ID, 'One')
    const two = await instantiate(CUSTOM_TEMPLATE_ID, 'Two')
    await t.services.apps.updateApplication(one.application.id, { identifierUris: ['urn:app:one'] })
    const clash = await t.services.apps.updateApplication(two.application.id, {
      identifierUris: ['urn:app:one'],
    })
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', target: 'identifierUris' } })
    const webex = await instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
    const wrong = await t.services.apps.updateApplication(webex.application.id, {
      identifierUris: ['https://example.com/x'],
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    if (!wrong.ok) expect(wrong.error.message).toContain('https://idbroker.webex.com/<OrgId>')
    const right = await t.services.apps.updateApplication(webex.application.id, {
      identifierUris: ['https://idbroker.webex.com/9d3c1f4e-1111-4222-8333-444455556666'],
    })
    expect(right.ok).toBe(true)
  })

  it('validates reply, sign-on and logout URLs as Entra does', async () => {
    const app = await instantiate(CUSTOM_TEMPLATE_ID, 'App')
    const cases: Array<[string, string]> = [
      ['http://sp.example.com/acs', 'must start with https://'],
      ['https://sp.example.com/*', 'wildcard'],
      ['not a url', 'not an absolute URL'],
      [`https://sp.example.com/${'a'.repeat(260)}`, 'at most 256'],
    ]
    for (const [url, message] of cases) {
      const result = await t.services.apps.updateApplication(app.application.id, { redirectUris: [url] })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toContain(message)
    }
    const ok = await t.services.apps.updateApplication(app.application.id, {
      redirectUris: ['http://localhost:7080/acs', 'https://sp.example.com/acs'],
      redirectUriSettings: [{ uri: 'https://sp.example.com/acs', index: 1 }],
      logoutUrl: 'https://sp.example.com/slo',
    })
    expect(ok).toMatchObject({
      ok: true,
      value: {
        application: {
          replyUrls: [
            { url: 'http://localhost:7080/acs', index: null, isDefault: false },
            { url: 'https://sp.example.com/acs', index: 1, isDefault: false },
          ],
          logoutUrl: 'https://sp.example.com/slo',
        },
      },
    })
    const signOn = await t.services.apps.updateServicePrincipal(app.servicePrincipal.id, {
      loginUrl: 'ftp://x',
    })
    expect(signOn.ok).toBe(false)
  })

  it('activates only a certificate the app holds, and deletes the app with its assignments', async () => {
    const app = await instantiate(CUSTOM_TEMPLATE_ID, 'App')
    const activate = await t.services.apps.updateServicePrincipal(app.servicePrincipal.id, {
      preferredTokenSigningKeyThumbprint: 'ABCDEF',
    })
    expect(activate).toMatchObject({ ok: false, error: { target: 'preferredTokenSigningKeyThumbprint' } })
    const admin = t.store.read().users[0]?.id ?? ''
    await t.services.assignments.assign({ resourceId: app.servicePrincipal.id, principalId: admin })
    expect(await t.services.apps.deleteApp(app.servicePrincipal.id)).toEqual({ ok: true, value: undefined })
    expect(t.store.read().apps).toEqual([])
    expect(t.store.read().appRoleAssignments).toEqual([])
  })
})

describe('users and groups assignment', () => {
  it('uses Default Access for apps without roles and grants access through direct group membership', async () => {
    const app = await instantiate(CUSTOM_TEMPLATE_ID, 'App')
    await t.services.apps.updateServicePrincipal(app.servicePrincipal.id, {
      preferredSingleSignOnMode: 'saml',
    })
    const user = await t.services.directory.createUser({
      userPrincipalName: 'dave@contoso.com',
      displayName: 'Dave',
    })
    const group = await t.services.groups.createGroup({ displayName: 'App users' })
    if (!user.ok || !group.ok) throw new Error('setup failed')
    const userId = user.value.user.id
    let state = t.store.read()
    const current = () => state.apps[0] as (typeof state.apps)[number]
    expect(mayAccess(state, current(), userId)).toBe(false)
    await t.services.groups.addMember(group.value.id, userId)
    const assigned = await t.services.assignments.assign({
      resourceId: app.servicePrincipal.id,
      principalId: group.value.id,
    })
    expect(assigned).toMatchObject({
      ok: true,
      value: { appRoleId: '00000000-0000-0000-0000-000000000000', principalType: 'Group' },
    })
    state = t.store.read()
    expect(mayAccess(state, current(), userId)).toBe(true)
    expect(myAppsOf(state, userId).map((a) => a.servicePrincipal.displayName)).toEqual(['App'])
    await t.services.apps.updateServicePrincipal(app.servicePrincipal.id, { visibleToUsers: false })
    expect(myAppsOf(t.store.read(), userId)).toEqual([])
  })

  it('lets everyone in when assignment is not required, and refuses unknown roles and duplicates', async () => {
    const webex = await instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
    const admin = t.store.read().users[0]?.id ?? ''
    const noRole = await t.services.assignments.assign({
      resourceId: webex.servicePrincipal.id,
      principalId: admin,
      appRoleId: '00000000-0000-0000-0000-000000000000',
    })
    expect(noRole).toMatchObject({ ok: false, error: { code: 'INVALID', target: 'appRoleId' } })
    const first = await t.services.assignments.assign({
      resourceId: webex.servicePrincipal.id,
      principalId: admin,
    })
    expect(first).toMatchObject({ ok: true, value: { appRoleId: webex.servicePrincipal.appRoles[0]?.id } })
    const duplicate = await t.services.assignments.assign({
      resourceId: webex.servicePrincipal.id,
      principalId: admin,
    })
    expect(duplicate.ok).toBe(false)
    const user = await t.services.directory.createUser({
      userPrincipalName: 'erin@contoso.com',
      displayName: 'Erin',
    })
    if (!user.ok) throw new Error(user.error.message)
    const app = t.store.read().apps[0]
    if (!app) throw new Error('no app')
    expect(mayAccess(t.store.read(), app, user.value.user.id)).toBe(false)
    await t.services.apps.updateServicePrincipal(webex.servicePrincipal.id, {
      appRoleAssignmentRequired: false,
    })
    expect(mayAccess(t.store.read(), t.store.read().apps[0] ?? app, user.value.user.id)).toBe(true)
  })
})
