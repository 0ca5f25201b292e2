import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp } from '../../test-support/harness'
import { GROUP_URN, SCIM_FLAVOURS, scimRequest, USER_URN } from '../../test-support/scim-client'

const [, scimBase] = SCIM_FLAVOURS[0]

async function scimUser(
  sp: Awaited<ReturnType<typeof createTestSp>>,
  userName: string,
  name: [string, string],
) {
  const created = await scimRequest(sp, 'POST', `${scimBase(sp.orgId)}/Users`, {
    schemas: [USER_URN],
    userName,
    name: { givenName: name[0], familyName: name[1] },
    displayName: name.join(' '),
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
  })
  expect(created.status).toBe(201)
  return created.json.id as string
}

describe('Groups in Control Hub', () => {
  it('lists the groups SCIM created with their member counts, and one group with its members', async () => {
    const sp = await createTestSp()
    const simon = await scimUser(sp, 'b.simon@contoso.com', ['B', 'Simon'])
    const alex = await scimUser(sp, 'alex.wilber@contoso.com', ['Alex', 'Wilber'])
    const sales = await scimRequest(sp, 'POST', `${scimBase(sp.orgId)}/Groups`, {
      schemas: [GROUP_URN],
      displayName: 'Webex <Sales>',
      externalId: 'entra-group-1',
      members: [{ value: simon }, { value: alex }],
    })
    expect(sales.status).toBe(201)
    await scimRequest(sp, 'POST', `${scimBase(sp.orgId)}/Groups`, {
      schemas: [GROUP_URN],
      displayName: 'Empty',
    })
    const browser = await signedInConsole(sp)

    const list = await (await browser.get('/admin/groups')).text()
    expect(list).toContain('<title>')
    expect(list).toContain('Webex &lt;Sales&gt;')
    expect(list).toMatch(/Webex &lt;Sales&gt;<\/a><\/td><td[^>]*>2</)
    expect(list).toContain('Empty')
    expect(list).toContain('aria-current="page"')

    const searched = await (await browser.get('/admin/groups?q=sales')).text()
    expect(searched).toContain('Webex &lt;Sales&gt;')
    expect(searched).not.toContain('>Empty<')

    const detail = await (await browser.get(`/admin/groups/${sales.json.id}`)).text()
    expect(detail).toContain('2 members')
    expect(detail).toContain(`href="/admin/users/${simon}"`)
    expect(detail).toContain('alex.wilber@contoso.com')
    expect(detail).toContain('entra-group-1')

    // Deleting a user takes it out of its groups.
    await scimRequest(sp, 'DELETE', `${scimBase(sp.orgId)}/Users/${alex}`)
    const after = await (await browser.get(`/admin/groups/${sales.json.id}`)).text()
    expect(after).toContain('1 member<')
    expect(after).not.toContain('alex.wilber@contoso.com')
  })

  it('answers an unknown group with the list and 404, and asks for sign-in first', async () => {
    const sp = await createTestSp()
    const anonymous = await sp.app.request('/admin/groups')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toContain('/admin/login')
    const browser = await signedInConsole(sp)
    const missing = await browser.get('/admin/groups/not-a-group')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('No groups yet')
  })
})
