import { beforeEach, describe, expect, it } from 'vitest'
import { csrfTokenOf, signInToConsole } from '../../test-support/console'
import { createTestIdp, type TestIdp } from '../../test-support/harness'

let idp: TestIdp

beforeEach(async () => {
  idp = await createTestIdp()
})

async function openPane(userId: string) {
  const browser = idp.browser()
  await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword }, '/users')
  const profile = await browser.open(`${idp.url}/users/${userId}`)
  // The command bar's link, as a browser without script follows it.
  const edit = /<a[^>]*href="([^"]*pane=edit-properties[^"]*)"/
    .exec(profile.body)?.[1]
    ?.replaceAll('&amp;', '&')
  if (!edit) throw new Error('no Edit properties link on the profile')
  const page = await browser.open(new URL(edit, idp.url))
  const form = page.facts.forms.find((f) => f.action.pathname === `/users/${userId}/properties`)
  if (!form) throw new Error(`no Edit properties form on ${page.url.href}`)
  return { browser, page, form }
}

/** The form as a browser posts it with "Account enabled" cleared: an unticked box is not sent. */
function withAccountDisabled<F extends { fields: readonly { name: string }[] }>(form: F): F {
  return { ...form, fields: form.fields.filter((f) => f.name !== 'accountEnabled') }
}

async function bSimon() {
  const made = await idp.services.directory.createUser({
    userPrincipalName: 'b.simon@contoso.com',
    displayName: 'B.Simon',
  })
  if (!made.ok) throw new Error(made.error.message)
  return made.value.user.id
}

describe('Edit properties on a user’s profile', () => {
  it('shows the saved properties, saves them through the directory and audits the change', async () => {
    const id = await bSimon()
    const { browser, page, form } = await openPane(id)
    expect(page.status).toBe(200)
    expect(page.facts.text).toContain('Edit properties')
    expect(form.fields.find((f) => f.name === 'displayName')?.value).toBe('B.Simon')
    expect(form.fields.find((f) => f.name === 'accountEnabled')?.value).toBe('true')
    expect(csrfTokenOf(page)).toMatch(/\S{20,}/)
    const saved = await browser.submit(page, withAccountDisabled(form), {
      displayName: 'Britta Simon',
      givenName: 'Britta',
      surname: 'Simon',
      mail: 'b.simon@contoso.com',
    })
    expect(`${saved.url.pathname}${saved.url.search}`).toBe(`/users/${id}?tab=properties`)
    expect(saved.facts.text).toContain('Successfully updated user')
    expect(saved.facts.text).toMatch(/Account enabled\s*No/)
    expect(saved.facts.text).toMatch(/First name\s*Britta/)
    expect(idp.services.directory.getUser(id)).toMatchObject({
      ok: true,
      value: {
        displayName: 'Britta Simon',
        givenName: 'Britta',
        surname: 'Simon',
        mail: 'b.simon@contoso.com',
        accountEnabled: false,
      },
    })
    expect(idp.services.audit.list()[0]).toMatchObject({
      activityDisplayName: 'Update user',
      initiatedBy: { userPrincipalName: 'admin@contoso.com' },
    })
    const again = await openPane(id)
    expect(again.form.fields.find((f) => f.name === 'accountEnabled')).toBeUndefined()
    const enabled = await again.browser.submit(again.page, again.form, { accountEnabled: 'true' })
    expect(enabled.facts.text).toContain('Successfully updated user')
    expect(idp.services.directory.getUser(id)).toMatchObject({ ok: true, value: { accountEnabled: true } })
  })

  it('keeps the pane open with 422 and says what to fix for a blank name or a malformed email', async () => {
    const id = await bSimon()
    const { browser, page, form } = await openPane(id)
    const blank = await browser.submit(page, form, { displayName: '  ', mail: 'not an address' })
    expect(blank.status).toBe(422)
    expect(blank.facts.text).toContain('Display name is required')
    const badMail = await browser.submit(page, form, { mail: 'not an address' })
    expect(badMail.status).toBe(422)
    expect(badMail.facts.text).toContain('Email must be an email address such as b.simon@contoso.com')
    expect(badMail.body).toContain('value="not an address"')
    expect(idp.services.directory.getUser(id)).toMatchObject({ ok: true, value: { mail: null } })
  })

  it('renames the User principal name; a taken, blank or unverified-domain name stays in the pane with the rule', async () => {
    const id = await bSimon()
    const { browser, page, form } = await openPane(id)
    expect(form.fields.find((f) => f.name === 'upnLocal')?.value).toBe('b.simon')
    expect(form.fields.find((f) => f.name === 'upnDomain')?.value).toBe('contoso.com')
    const taken = await browser.submit(page, form, { upnLocal: 'admin' })
    expect(taken.status).toBe(422)
    expect(taken.facts.text).toContain('userPrincipalName already exists')
    const blank = await browser.submit(page, form, { upnLocal: ' ' })
    expect(blank.status).toBe(422)
    expect(blank.facts.text).toContain('User principal name is required')
    const foreign = await browser.submit(page, form, { upnDomain: 'fabrikam.example' })
    expect(foreign.status).toBe(422)
    expect(foreign.facts.text).toContain('You must use one of the verified domain names in your organization')
    expect(idp.services.directory.getUser(id)).toMatchObject({
      ok: true,
      value: { userPrincipalName: 'b.simon@contoso.com' },
    })
    const renamed = await browser.submit(page, form, { upnLocal: 'britta.simon' })
    expect(renamed.facts.text).toContain('Successfully updated user')
    expect(idp.services.directory.getUser(id)).toMatchObject({
      ok: true,
      value: { userPrincipalName: 'britta.simon@contoso.com', displayName: 'B.Simon' },
    })
  })

  it('refuses, in the pane, to disable the last enabled Global Administrator', async () => {
    const admin = idp.services.directory.getUser('admin@contoso.com')
    if (!admin.ok) throw new Error('no admin')
    const { browser, page, form } = await openPane(admin.value.id)
    const refused = await browser.submit(page, withAccountDisabled(form))
    expect(refused.status).toBe(422)
    expect(refused.facts.text).toContain('last enabled Global Administrator')
    expect(refused.facts.text).toContain('Give another enabled user the Global Administrator role first')
    expect(refused.facts.forms.some((f) => f.action.pathname === `/users/${admin.value.id}/properties`)).toBe(
      true,
    )
    expect(idp.services.directory.getUser(admin.value.id)).toMatchObject({
      ok: true,
      value: { accountEnabled: true },
    })
  })

  it('refuses a Save without the console’s CSRF token', async () => {
    const id = await bSimon()
    const { browser, page, form } = await openPane(id)
    const forged = await browser.submit(page, form, { csrfToken: 'forged' })
    expect(forged.status).toBe(403)
    expect(idp.services.directory.getUser(id)).toMatchObject({ ok: true, value: { displayName: 'B.Simon' } })
  })
})
