import { describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID } from '../../../enterprise-apps/gallery'
import { signInToConsole } from '../../../test-support/console'
import { createTestIdp } from '../../../test-support/harness'

describe('an app’s Users and groups page with many assignments', () => {
  it('shows 50 rows a page with Previous / Next, each named, and the count covers them all', async () => {
    const idp = await createTestIdp()
    const made = await idp.services.apps.instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
    if (!made.ok) throw new Error(`the app was not added: ${JSON.stringify(made.error)}`)
    const spId = made.value.servicePrincipal.id
    for (let i = 0; i < 60; i += 1) {
      const user = await idp.services.directory.createUser({
        userPrincipalName: `user${String(i).padStart(2, '0')}@contoso.com`,
        displayName: `User ${String(i).padStart(2, '0')}`,
        password: 'Sandbox-Passw0rd!',
      })
      if (!user.ok) throw new Error('a user was not created')
      const assigned = await idp.services.assignments.assign({
        resourceId: spId,
        principalId: user.value.user.id,
      })
      if (!assigned.ok) throw new Error('a user was not assigned')
    }
    const browser = idp.browser()
    const first = await signInToConsole(
      idp,
      browser,
      { login: 'admin@contoso.com', password: idp.adminPassword },
      `/enterprise-apps/${spId}/users`,
    )
    expect(first.status).toBe(200)
    expect(first.facts.text).toContain('Showing 1–50 of 60')
    expect(first.facts.text).toContain('User 00')
    expect(first.facts.text).toContain('User 49')
    expect(first.facts.text).not.toContain('User 50')
    const second = await browser.open(`${idp.url}/enterprise-apps/${spId}/users?page=1`)
    expect(second.facts.text).toContain('Showing 51–60 of 60')
    expect(second.facts.text).toContain('User 59')
    expect(second.facts.text).not.toContain('User 49')
    // Each row still removes its own assignment.
    expect(second.facts.forms.filter((f) => f.action.pathname.endsWith('/users/remove'))).toHaveLength(10)
    expect(idp.services.assignments.countForApp(spId)).toBe(60)
  })
})
