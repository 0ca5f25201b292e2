import { beforeEach, describe, expect, it } from 'vitest'
import { csrfTokenOf, signInToConsole } from '../../test-support/console'
import { createTestIdp, type TestIdp } from '../../test-support/harness'

let idp: TestIdp

beforeEach(async () => {
  idp = await createTestIdp()
})

async function signedIn(path = '/users') {
  const browser = idp.browser()
  const page = await signInToConsole(
    idp,
    browser,
    { login: 'admin@contoso.com', password: idp.adminPassword },
    path,
  )
  return { browser, page }
}

function formOn(page: Awaited<ReturnType<typeof signedIn>>['page'], action: string) {
  const form = page.facts.forms.find((f) => f.action.pathname === action)
  if (!form) throw new Error(`no form posting to ${action} on ${page.url.href}`)
  return form
}

describe('Users in the admin center', () => {
  it('creates B.Simon through Basics, Review + create and Create, with the generated password, and audits it', async () => {
    const { browser } = await signedIn()
    const blank = await browser.open(`${idp.url}/users/new`)
    const form = formOn(blank, '/users/new')
    const password = form.fields.find((f) => f.name === 'password')?.value ?? ''
    expect(password.length).toBeGreaterThanOrEqual(8)
    const review = await browser.submit(blank, form, {
      upnLocal: 'B.Simon',
      displayName: 'B.Simon',
      tab: 'review',
    })
    expect(review.status).toBe(200)
    expect(review.facts.text).toContain('B.Simon@contoso.com')
    const created = await browser.submit(review, formOn(review, '/users/new'), { create: 'yes' })
    expect(created.status).toBe(200)
    expect(created.url.pathname).toMatch(/^\/users\/[0-9a-f-]{36}$/)
    expect(created.facts.text).toContain('Successfully created user')
    const user = idp.services.directory.getUser('B.Simon@contoso.com')
    expect(user.ok && user.value.displayName).toBe('B.Simon')
    expect((await idp.services.credentials.check('B.Simon@contoso.com', password, '127.0.0.1')).ok).toBe(true)
    const entry = idp.services.audit.list()[0]
    expect(entry).toMatchObject({
      activityDisplayName: 'Add user',
      initiatedBy: { userPrincipalName: 'admin@contoso.com' },
      targets: [{ displayName: 'B.Simon', type: 'User', userPrincipalName: 'B.Simon@contoso.com' }],
    })
    // Entra's Core Directory encoding: PascalCase names, values as JSON arrays ("[]" for none).
    expect(entry?.modifiedProperties).toContainEqual({
      displayName: 'UserPrincipalName',
      oldValue: '[]',
      newValue: '["B.Simon@contoso.com"]',
    })
  })

  it('answers 422 with the field’s message, on the Basics tab, for a missing name or a taken user principal name', async () => {
    const { browser } = await signedIn()
    const blank = await browser.open(`${idp.url}/users/new`)
    const noName = await browser.submit(blank, formOn(blank, '/users/new'), { upnLocal: 'x', create: 'yes' })
    expect(noName.status).toBe(422)
    expect(noName.facts.text).toContain('Display name is required.')
    const taken = await browser.submit(blank, formOn(blank, '/users/new'), {
      upnLocal: 'admin',
      displayName: 'Second admin',
      create: 'yes',
    })
    expect(taken.status).toBe(422)
    expect(taken.facts.text).toContain('already exists')
    expect(idp.services.directory.listUsers()).toHaveLength(1)
  })

  it('lists, searches and pages All users', async () => {
    for (let i = 0; i < 60; i += 1)
      await idp.services.directory.createUser({
        userPrincipalName: `user${String(i).padStart(2, '0')}@contoso.com`,
        displayName: `User ${String(i).padStart(2, '0')}`,
        password: 'Sandbox-Passw0rd!',
      })
    const { browser, page } = await signedIn('/users')
    expect(page.facts.text).toContain('61 users found')
    expect(page.facts.text).toContain('Showing 1–50 of 61')
    const second = await browser.open(`${idp.url}/users?page=1`)
    expect(second.facts.text).toContain('Showing 51–61 of 61')
    const search = await browser.open(`${idp.url}/users?search=user%2007`)
    expect(search.facts.text).toContain('1 user found')
    const hostile = await browser.open(`${idp.url}/users?search=%3Cscript%3Ealert(1)%3C/script%3E&page=-9`)
    expect(hostile.status).toBe(200)
    expect(hostile.body).not.toContain('<script>alert(1)')
  })

  it('resets a password once in the pane and deletes a user after the dialog', async () => {
    const made = await idp.services.directory.createUser({
      userPrincipalName: 'b.simon@contoso.com',
      displayName: 'B.Simon',
    })
    if (!made.ok) throw new Error('create failed')
    const { browser } = await signedIn()
    const pane = await browser.open(`${idp.url}/users/${made.value.user.id}?pane=reset-password`)
    const reset = await browser.submit(pane, formOn(pane, `/users/${made.value.user.id}/reset-password`))
    expect(reset.status).toBe(200)
    const shown = /name="temporaryPassword"[^>]*value="([^"]+)"/.exec(reset.body)?.[1] ?? ''
    expect(shown).not.toBe('')
    expect((await idp.services.credentials.check('b.simon@contoso.com', shown, '127.0.0.1')).ok).toBe(true)
    const dialog = await browser.open(`${idp.url}/users/${made.value.user.id}?pane=delete`)
    const gone = await browser.submit(dialog, formOn(dialog, `/users/${made.value.user.id}/delete`))
    expect(gone.url.pathname).toBe('/users')
    expect(gone.facts.text).toContain('Successfully deleted user')
    expect(idp.services.directory.getUser('b.simon@contoso.com').ok).toBe(false)
    expect(idp.services.audit.list().map((e) => e.activityDisplayName)).toEqual([
      'Delete user',
      'Reset user password',
      'Add user',
    ])
    expect(csrfTokenOf(gone)).toMatch(/\S{20,}/)
  })
})

describe('Groups in the admin center', () => {
  it('creates a security group with B.Simon as member and shows her on its page and on her profile', async () => {
    const made = await idp.services.directory.createUser({
      userPrincipalName: 'b.simon@contoso.com',
      displayName: 'B.Simon',
    })
    if (!made.ok) throw new Error('create failed')
    const { browser } = await signedIn('/groups')
    const blank = await browser.open(`${idp.url}/groups/new`)
    const noName = await browser.submit(blank, formOn(blank, '/groups/new'))
    expect(noName.status).toBe(422)
    expect(noName.facts.text).toContain('Group name is required.')
    const group = await browser.submit(blank, formOn(blank, '/groups/new'), {
      displayName: 'Webex users',
      [`member:${made.value.user.id}`]: 'true',
    })
    expect(group.url.pathname).toMatch(/^\/groups\/[0-9a-f-]{36}$/)
    expect(group.facts.text).toContain('Successfully created group')
    expect(group.facts.text).toContain('b.simon@contoso.com')
    const profile = await browser.open(`${idp.url}/users/${made.value.user.id}`)
    expect(profile.facts.text).toContain('Webex users')
    const remove = formOn(group, `${group.url.pathname}/members/remove`)
    const removed = await browser.submit(group, remove)
    expect(removed.facts.text).toContain('Successfully removed member')
    expect(
      idp.services.audit
        .list()
        .map((e) => e.activityDisplayName)
        .slice(0, 3),
    ).toEqual(['Remove member from group', 'Add member to group', 'Add group'])
    // A membership names two targets, the user then the group, with the group in its properties.
    const [removal, addition] = idp.services.audit.list()
    const groupId = group.url.pathname.split('/')[2] ?? ''
    expect(addition?.targets).toEqual([
      {
        id: made.value.user.id,
        displayName: 'B.Simon',
        type: 'User',
        userPrincipalName: 'b.simon@contoso.com',
      },
      { id: groupId, displayName: 'Webex users', type: 'Group' },
    ])
    expect(addition?.modifiedProperties).toContainEqual({
      displayName: 'Group.DisplayName',
      oldValue: null,
      newValue: '"Webex users"',
    })
    expect(removal?.modifiedProperties).toContainEqual({
      displayName: 'Group.ObjectID',
      oldValue: JSON.stringify(groupId),
      newValue: null,
    })
  })
})
