import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp } from '../../test-support/harness'

const UNABLE = 'Unable to proceed. There are duplicate or invalid email addresses.'

describe('Users in Control Hub', () => {
  it('adds several people by Names and Email address, with services, through the user service', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    await browser.get('/admin/users/manage/manual')
    const first = {
      by: 'names',
      firstName: 'B',
      lastName: 'Simon',
      email: 'B.Simon@contoso.com',
      intent: 'add',
    }
    const one = await browser.post('/admin/users/manage/manual', first)
    const oneHtml = await one.text()
    expect(oneHtml).toContain('B Simon &lt;b.simon@contoso.com&gt;')
    const next = await browser.post('/admin/users/manage/manual', {
      by: 'names',
      entry: 'B\tSimon\tb.simon@contoso.com',
      firstName: 'Alex',
      lastName: 'Wilber',
      email: 'alex.wilber@contoso.com',
      intent: 'next',
    })
    expect(await next.text()).toContain('Add Services for Users')
    const added = await browser.post('/admin/users/manage/add', {
      entry: ['B\tSimon\tb.simon@contoso.com', 'Alex\tWilber\talex.wilber@contoso.com'],
      license: ['message', 'meeting'],
      intent: 'save',
    })
    expect(added.status).toBe(303)
    const done = await (await browser.get(added.headers.get('location') as string)).text()
    expect(done).toContain('2 users added.')
    expect(done).toContain('Finish')
    const simon = sp.services.users.findSignInUser('b.simon@contoso.com')
    expect(simon).toMatchObject({
      givenName: 'B',
      familyName: 'Simon',
      source: 'manual',
      licenses: ['message', 'meeting'],
    })
    const list = await (await browser.get('/admin/users?q=simon')).text()
    expect(list).toContain('b.simon@contoso.com')
    expect(list).not.toContain('alex.wilber@contoso.com')
  })

  it('refuses a duplicate or invalid address with the E6 message, adding nobody', async () => {
    const sp = await createTestSp()
    await sp.services.users.add({ email: 'b.simon@contoso.com' })
    const browser = await signedInConsole(sp)
    await browser.get('/admin/users/manage/manual')
    const attempts: Record<string, string | string[]>[] = [
      { by: 'names', email: 'b.simon@contoso.com', intent: 'next' },
      { by: 'names', entry: ['A\tB\ta@contoso.com', 'C\tD\tA@contoso.com'], intent: 'next' },
      { by: 'email', emails: 'x@contoso.com, not-an-address', intent: 'next' },
    ]
    for (const fields of attempts) {
      const refused = await browser.post('/admin/users/manage/manual', fields)
      expect(refused.status).toBe(422)
      expect(await refused.text()).toContain(UNABLE)
    }
    const plus = await browser.post('/admin/users/manage/manual', {
      by: 'names',
      email: 'b.simon@contoso',
      intent: 'add',
    })
    expect(await plus.text()).toContain('Enter a valid email address')
    expect(sp.services.users.list().total).toBe(1)
  })

  it('edits names, deactivates and deletes a user from its page', async () => {
    const sp = await createTestSp()
    const created = await sp.services.users.add({
      email: 'b.simon@contoso.com',
      firstName: 'B',
      lastName: 'Simon',
    })
    if (!created.ok) throw new Error('setup')
    const id = created.value.id
    const browser = await signedInConsole(sp)
    await browser.get(`/admin/users/${id}`)
    expect(
      (await browser.post(`/admin/users/${id}`, { firstName: 'Britta', lastName: 'Simon', displayName: '' }))
        .status,
    ).toBe(303)
    expect(sp.services.users.findSignInUser('b.simon@contoso.com')?.displayName).toBe('Britta Simon')
    expect((await browser.post(`/admin/users/${id}/deactivate`, {})).status).toBe(303)
    expect(sp.services.users.findSignInUser('b.simon@contoso.com')?.active).toBe(false)
    const confirm = await (await browser.get(`/admin/users/${id}?confirm=delete`)).text()
    expect(confirm).toContain('role="alertdialog"')
    expect((await browser.post(`/admin/users/${id}/delete`, {})).status).toBe(303)
    expect(sp.services.users.list().total).toBe(0)
  })

  it("corrects a user's email on its page through the user service, and says what is wrong with a bad one", async () => {
    const sp = await createTestSp()
    const alias = await sp.services.users.add({
      email: 'b.simon@contoso.onmicrosoft.com',
      firstName: 'B',
      lastName: 'Simon',
    })
    await sp.services.users.add({ email: 'alex.wilber@contoso.com' })
    if (!alias.ok) throw new Error('setup')
    const id = alias.value.id
    const browser = await signedInConsole(sp)
    const page = await (await browser.get(`/admin/users/${id}`)).text()
    expect(page).toMatch(/<label for="field-email">Email address<\/label>/)
    expect(page).toContain('value="b.simon@contoso.onmicrosoft.com"')
    const names = { firstName: 'B', lastName: 'Simon', displayName: '' }

    const forged = await browser.post(`/admin/users/${id}`, {
      ...names,
      email: 'x@contoso.com',
      csrf_token: 'forged',
    })
    expect(forged.status).toBe(403)

    const invalid = await browser.post(`/admin/users/${id}`, { ...names, email: 'b.simon@contoso' })
    expect(invalid.status).toBe(422)
    const invalidHtml = await invalid.text()
    expect(invalidHtml).toContain('&quot;b.simon@contoso&quot; is not a valid email address.')
    expect(invalidHtml).toContain('Enter an address like b.simon@contoso.com')
    expect(invalidHtml).toContain('aria-invalid="true"')
    expect(invalidHtml).toContain('value="b.simon@contoso"')

    const taken = await browser.post(`/admin/users/${id}`, { ...names, email: 'Alex.Wilber@contoso.com' })
    expect(taken.status).toBe(422)
    expect(await taken.text()).toContain('A user with the email alex.wilber@contoso.com already exists')
    expect(sp.services.users.get(id)).toMatchObject({
      value: { userName: 'b.simon@contoso.onmicrosoft.com' },
    })

    const saved = await browser.post(`/admin/users/${id}`, { ...names, email: ' B.Simon@contoso.com ' })
    expect(saved.status).toBe(303)
    expect(sp.services.users.findSignInUser('b.simon@contoso.onmicrosoft.com')).toBeNull()
    expect(sp.services.users.findSignInUser('b.simon@contoso.com')).toMatchObject({
      id,
      userName: 'b.simon@contoso.com',
      emails: [{ value: 'b.simon@contoso.com', primary: true }],
    })
    // A form from before the page had the email field leaves the email alone.
    expect(
      (await browser.post(`/admin/users/${id}`, { firstName: 'Britta', lastName: 'Simon' })).status,
    ).toBe(303)
    expect(sp.services.users.get(id)).toMatchObject({ value: { userName: 'b.simon@contoso.com' } })
  })

  it('pages the list 50 at a time', async () => {
    const sp = await createTestSp()
    for (let i = 0; i < 51; i += 1) await sp.services.users.add({ email: `user${i}@contoso.com` })
    const browser = await signedInConsole(sp)
    const first = await (await browser.get('/admin/users')).text()
    expect(first).toContain('1–50 of 51')
    expect(first).toContain('href="/admin/users?page=2"')
    expect(await (await browser.get('/admin/users?page=2')).text()).toContain('user50@contoso.com')
  })
})
