import type { HeadlessBrowser, Page } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID } from '../../../enterprise-apps/gallery'
import { csrfTokenOf, signInToConsole } from '../../../test-support/console'
import { createTestIdp, type TestIdp } from '../../../test-support/harness'

let idp: TestIdp
let browser: HeadlessBrowser
let home: Page

beforeEach(async () => {
  idp = await createTestIdp()
  browser = idp.browser()
  home = await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
})

function formTo(page: Page, path: string) {
  const form = page.facts.forms.find((f) => f.action.pathname === path)
  if (!form)
    throw new Error(
      `no form to ${path} on ${page.url.href}: ${page.facts.forms.map((f) => f.action.pathname).join(', ')}`,
    )
  return form
}

async function addWebex(): Promise<{ page: Page; id: string }> {
  const gallery = await browser.open(
    `${idp.url}/enterprise-apps/gallery?pane=add&template=${CISCO_WEBEX_TEMPLATE_ID}`,
  )
  const page = await browser.submit(gallery, formTo(gallery, '/enterprise-apps/gallery/add'))
  const id = page.url.pathname.split('/')[2] ?? ''
  return { page, id }
}

const SP_METADATA = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://localhost:8080/2f1e7c55-0e0b-4d87-9bd5-5a1b5c8a1f0e">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:8080/idb/Consumer/metaAlias/2f1e7c55/sp" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`

async function postForm(path: string, body: FormData | URLSearchParams) {
  const cookie = browser.jar
    .cookiesFor(new URL(idp.url))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
  return idp.app.request(path, { method: 'POST', headers: { cookie, origin: idp.url }, body })
}

describe('Enterprise applications in the admin center', () => {
  it('lists apps with search and the Assignment required filter, and adds Cisco Webex from the gallery once only', async () => {
    const empty = await browser.open(`${idp.url}/enterprise-apps`)
    expect(empty.facts.title).toContain('Enterprise applications | All applications')
    expect(empty.facts.text).toContain('0 applications found')
    const gallery = await browser.open(`${idp.url}/enterprise-apps/gallery?search=Cisco%20Webex`)
    expect(gallery.facts.text).toContain('Cisco Webex')
    const { page, id } = await addWebex()
    expect(page.facts.title).toContain('Cisco Webex | Overview')
    expect(page.facts.text).toContain('Successfully added application Cisco Webex')
    expect(idp.services.apps.getByServicePrincipal(id).ok).toBe(true)
    const listed = await browser.open(`${idp.url}/enterprise-apps?search=cisco`)
    expect(listed.facts.text).toContain('1 application found')
    const filtered = await browser.open(`${idp.url}/enterprise-apps?search=cisco&assignmentRequired=no`)
    expect(filtered.facts.text).toContain('0 applications found')
    const second = await addWebex()
    expect(second.page.status).toBe(422)
    expect(second.page.facts.text).toContain('only one instance can be configured in one tenant')
    expect(idp.services.apps.listApps()).toHaveLength(1)
  })

  it('creates a non-gallery app from "Create your own application"', async () => {
    const pane = await browser.open(`${idp.url}/enterprise-apps/gallery?pane=create-own`)
    const made = await browser.submit(pane, formTo(pane, '/enterprise-apps/gallery/own'), {
      name: 'Contoso Wiki',
    })
    expect(made.facts.title).toContain('Contoso Wiki | Overview')
  })

  it('uploads SP metadata into Basic SAML Configuration and refuses a bad file and an http Reply URL with the rule', async () => {
    const { id } = await addWebex()
    const select = await browser.open(`${idp.url}/enterprise-apps/${id}/single-sign-on`)
    const saml = await browser.submit(select, formTo(select, `/enterprise-apps/${id}/single-sign-on`), {
      method: 'saml',
    })
    expect(saml.facts.title).toContain('Cisco Webex | SAML-based Sign-on')
    const token = csrfTokenOf(saml)
    const bad = new FormData()
    bad.set('csrfToken', token)
    bad.set('metadata', new File(['<not-metadata'], 'bad.xml', { type: 'text/xml' }))
    const refused = await postForm(`/enterprise-apps/${id}/saml/metadata`, bad)
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('The metadata file is invalid.')
    const good = new FormData()
    good.set('csrfToken', token)
    good.set('metadata', new File([SP_METADATA], 'sp.xml', { type: 'text/xml' }))
    const added = await postForm(`/enterprise-apps/${id}/saml/metadata`, good)
    expect(added.status).toBe(303)
    expect(added.headers.get('location')).toBe(`/enterprise-apps/${id}/saml?pane=basic-saml`)
    const summary = idp.services.samlConfig.summary(id)
    expect(summary.ok && summary.value.basicSamlConfiguration.identifiers[0]?.value).toBe(
      'http://localhost:8080/2f1e7c55-0e0b-4d87-9bd5-5a1b5c8a1f0e',
    )
    const form = new URLSearchParams({
      csrfToken: token,
      'identifier-0': 'http://localhost:8080/2f1e7c55-0e0b-4d87-9bd5-5a1b5c8a1f0e',
      'replyUrl-0': 'http://idbroker.webex.com/idb/Consumer/metaAlias/2f1e7c55/sp',
    })
    const invalid = await postForm(`/enterprise-apps/${id}/saml/basic`, form)
    expect(invalid.status).toBe(422)
    expect(await invalid.text()).toMatch(/https/)
  })

  it('answers an unknown app with 404 and a POST without the CSRF token with 403', async () => {
    expect((await browser.open(`${idp.url}/enterprise-apps/nope`)).status).toBe(404)
    const { id } = await addWebex()
    const refused = await postForm(
      `/enterprise-apps/${id}/properties`,
      new URLSearchParams({ displayName: 'X' }),
    )
    expect(refused.status).toBe(403)
    expect(home.status).toBe(200)
  })
})
