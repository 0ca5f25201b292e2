import { buildPkcs12, type HeadlessBrowser, type Page } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID } from '../../../enterprise-apps/gallery'
import { csrfTokenOf, signInToConsole } from '../../../test-support/console'
import { createTestIdp, type TestIdp } from '../../../test-support/harness'

let idp: TestIdp
let browser: HeadlessBrowser
let id = ''
let token = ''

function formTo(page: Page, path: string) {
  const form = page.facts.forms.find((f) => f.action.pathname === path)
  if (!form) throw new Error(`no form to ${path} on ${page.url.href}`)
  return form
}

/** The toast a POST leaves in a cookie for the page it sends the browser to. */
let flash = ''

function cookie(): string {
  return [...browser.jar.cookiesFor(new URL(idp.url)).map((c) => `${c.name}=${c.value}`), flash]
    .filter((c) => c !== '')
    .join('; ')
}

async function post(path: string, fields: Record<string, string>) {
  const response = await idp.app.request(path, {
    method: 'POST',
    headers: { cookie: cookie(), origin: idp.url },
    body: new URLSearchParams(fields),
  })
  flash = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .join('; ')
  return response
}

async function get(path: string) {
  const response = await idp.app.request(path, { headers: { cookie: cookie() } })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

const saml = () => `/enterprise-apps/${id}/saml`
const save = (extra: Record<string, string> = {}) =>
  post(`${saml()}/certificate`, {
    csrfToken: token,
    action: 'save',
    signingOption: 'assertion',
    signingAlgorithm: 'rsa-sha256',
    notificationEmails: 'admin@contoso.com',
    ...extra,
  })
const certificates = () => {
  const app = idp.services.apps.getByServicePrincipal(id)
  if (!app.ok) throw new Error('the app is gone')
  return {
    active: app.value.servicePrincipal.preferredTokenSigningKeyThumbprint,
    all: app.value.saml.certificates.map((c) => ({ thumbprint: c.thumbprint, end: c.endDateTime })),
  }
}

beforeEach(async () => {
  idp = await createTestIdp()
  browser = idp.browser()
  await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
  const gallery = await browser.open(
    `${idp.url}/enterprise-apps/gallery?pane=add&template=${CISCO_WEBEX_TEMPLATE_ID}`,
  )
  const added = await browser.submit(gallery, formTo(gallery, '/enterprise-apps/gallery/add'))
  id = added.url.pathname.split('/')[2] ?? ''
  const select = await browser.open(`${idp.url}/enterprise-apps/${id}/single-sign-on`)
  const page = await browser.submit(select, formTo(select, `/enterprise-apps/${id}/single-sign-on`), {
    method: 'saml',
  })
  token = csrfTokenOf(page)
})

describe('SAML Signing Certificate pane', () => {
  it('"+ New Certificate" shows an unsaved row whose Expiration Date runs from tomorrow to three years out', async () => {
    const plain = await get(`${saml()}?pane=certificate`)
    expect(plain.body).toContain('New Certificate')
    expect(plain.body).not.toContain('aria-label="Expiration Date"')
    const range = idp.services.certificates.newCertificateExpiryRange()
    const drafted = await get(`${saml()}?pane=certificate&new=1`)
    expect(drafted.body).toContain('aria-label="Expiration Date"')
    expect(drafted.body).toContain(`value="${range.latest}"`)
    expect(drafted.body).toContain(`min="${range.earliest}"`)
    expect(drafted.body).toContain(`max="${range.latest}"`)
    expect(drafted.body).toContain('name="newCertificate" value="true"')
    const now = Date.now()
    expect(Date.parse(`${range.earliest}T00:00:00Z`)).toBeGreaterThan(now)
    expect(Number(range.latest.slice(0, 4))).toBe(new Date(now).getUTCFullYear() + 3)
  })

  it('Save with the new row makes an Inactive certificate ending on the chosen day and keeps the pane open', async () => {
    const before = certificates()
    const expiry = `${new Date().getUTCFullYear() + 1}-06-30`
    const saved = await save({ newCertificate: 'true', expiry })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${saml()}?pane=certificate`)
    const after = certificates()
    expect(after.active).toBe(before.active)
    const made = after.all.find((c) => !before.all.some((b) => b.thumbprint === c.thumbprint))
    expect(made?.end).toBe(`${expiry}T00:00:00.000Z`)
    const pane = await get(`${saml()}?pane=certificate`)
    expect(pane.body).toContain('New certificate created')
    expect(pane.body).toMatch(
      new RegExp(`Inactive</td><td>${expiry}</td><td><span class="mono">${made?.thumbprint}`),
    )
  })

  it('refuses a new row without a date, or past three years, back on the row with the reason', async () => {
    const before = certificates().all.length
    const empty = await save({ newCertificate: 'true', expiry: '' })
    expect(empty.headers.get('location')).toBe(`${saml()}?pane=certificate&new=1`)
    expect((await get(`${saml()}?pane=certificate&new=1`)).body).toContain(
      'Choose the Expiration Date of the new certificate',
    )
    const far = await save({ newCertificate: 'true', expiry: `${new Date().getUTCFullYear() + 4}-01-01` })
    expect(far.headers.get('location')).toBe(`${saml()}?pane=certificate&new=1`)
    expect((await get(`${saml()}?pane=certificate&new=1`)).body).toContain('at most three years from now')
    expect(certificates().all.length).toBe(before)
  })

  it('a row\'s "…" menu: Make certificate active on an Inactive row only, and its downloads', async () => {
    await save({ newCertificate: 'true', expiry: `${new Date().getUTCFullYear() + 2}-01-15` })
    const { active, all } = certificates()
    const inactive = all.find((c) => c.thumbprint !== active)?.thumbprint ?? ''
    const pane = (await get(`${saml()}?pane=certificate`)).body
    const menuOf = (thumbprint: string) => {
      const start = pane.indexOf(`More options for certificate ${thumbprint}`)
      expect(start, thumbprint).toBeGreaterThan(0)
      return pane.slice(start, pane.indexOf('</details>', start))
    }
    const onInactive = menuOf(inactive)
    expect(onInactive).toContain(`formaction="${saml()}/certificate?thumbprint=${inactive}"`)
    expect(onInactive).toContain('>Make certificate active</button>')
    for (const [download, what] of [
      ['Base64 certificate download', 'base64'],
      ['PEM certificate download', 'pem'],
      ['Raw certificate download', 'raw'],
      ['Download federated certificate XML', 'federation-metadata'],
    ])
      expect(onInactive).toContain(
        `href="${saml()}/download/${what}?thumbprint=${inactive}" download="">${download}</a>`,
      )
    const onActive = menuOf(active ?? '')
    expect(onActive).toContain('PEM certificate download')
    expect(onActive).not.toContain('value="activate"')
    // A deep link draws that row's menu open; the others stay closed.
    const deepLinked = (await get(`${saml()}?pane=certificate&menu=${inactive}`)).body
    expect(deepLinked.match(/<details[^>]*data-menu-button[^>]*open/g)?.length).toBe(1)

    const made = await post(`${saml()}/certificate?thumbprint=${inactive}`, {
      csrfToken: token,
      action: 'activate',
    })
    expect(made.headers.get('location')).toBe(`${saml()}?pane=certificate`)
    expect(certificates().active).toBe(inactive)
  })

  it("a row's downloads are of that certificate; an unknown thumbprint is a 404 that says what to do", async () => {
    await save({ newCertificate: 'true', expiry: `${new Date().getUTCFullYear() + 2}-01-15` })
    const { active, all } = certificates()
    const inactive = all.find((c) => c.thumbprint !== active)?.thumbprint ?? ''
    const pemOf = async (thumbprint: string) =>
      (await get(`${saml()}/download/pem?thumbprint=${thumbprint}`)).body
    const [activePem, inactivePem] = [await pemOf(active ?? ''), await pemOf(inactive)]
    expect(inactivePem).toContain('-----BEGIN CERTIFICATE-----')
    expect(inactivePem).not.toBe(activePem)
    const card = await get(`${saml()}/download/base64`)
    expect(card.body.replace(/\r\n/g, '\n')).toBe(activePem)
    const unknown = await get(`${saml()}/download/raw?thumbprint=${'0'.repeat(40)}`)
    expect(unknown.status).toBe(404)
    expect(unknown.body).toContain("pick a row's download")
    // Download federated certificate XML: the app's metadata with that row's certificate in it.
    const base64Of = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '')
    const federated = await get(`${saml()}/download/federation-metadata?thumbprint=${inactive}`)
    expect(federated.status).toBe(200)
    expect(federated.body).toContain(`<X509Certificate>${base64Of(inactivePem)}</X509Certificate>`)
    expect(federated.body).not.toContain(base64Of(activePem))
    const cardXml = await get(`${saml()}/download/federation-metadata`)
    expect(cardXml.body).toContain(base64Of(activePem))
    const noSuchRow = await get(`${saml()}/download/federation-metadata?thumbprint=${'0'.repeat(40)}`)
    expect(noSuchRow.status).toBe(404)
    expect(noSuchRow.body).toContain("pick a row's download")
  })

  it('Import Certificate: a PFX with its PFX Password becomes an Inactive row; a wrong password or no file says what to do', async () => {
    const opened = await get(`${saml()}?pane=certificate&import=1`)
    expect(opened.body).toContain('enctype="multipart/form-data"')
    expect(opened.body).toContain('PFX Password')
    expect(opened.body).toMatch(/<button[^>]*value="import"[^>]*>Add<\/button>/)
    // A PFX of a certificate another app of the tenant signs with: what an admin brings along.
    await save({ newCertificate: 'true', expiry: `${new Date().getUTCFullYear() + 1}-03-01` })
    const app = idp.services.apps.getByServicePrincipal(id)
    if (!app.ok) throw new Error('the app is gone')
    const source = app.value.saml.certificates.at(-1)
    if (!source) throw new Error('no certificate')
    await idp.services.certificates.deleteCertificate(id, source.thumbprint)
    const pfx = buildPkcs12(source.certificatePem, source.privateKeyPem, 'pfx-secret')
    const upload = (password: string, file: Buffer | null) => {
      const form = new FormData()
      form.set('csrfToken', token)
      form.set('action', 'import')
      form.set('pfxPassword', password)
      if (file)
        form.set('pfx', new File([new Uint8Array(file)], 'contoso.pfx', { type: 'application/x-pkcs12' }))
      return idp.app.request(`${saml()}/certificate`, {
        method: 'POST',
        headers: { cookie: cookie(), origin: idp.url },
        body: form,
      })
    }
    const wrong = await upload('not-it', pfx)
    expect(wrong.headers.get('location')).toBe(`${saml()}?pane=certificate&import=1`)
    flash = wrong.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .join('; ')
    expect((await get(`${saml()}?pane=certificate&import=1`)).body).toContain('the PFX Password is wrong')
    const none = await upload('pfx-secret', null)
    expect(none.headers.get('location')).toBe(`${saml()}?pane=certificate&import=1`)
    expect(certificates().all.some((c) => c.thumbprint === source.thumbprint)).toBe(false)
    const added = await upload('pfx-secret', pfx)
    expect(added.headers.get('location')).toBe(`${saml()}?pane=certificate`)
    const after = certificates()
    expect(after.all.some((c) => c.thumbprint === source.thumbprint)).toBe(true)
    expect(after.active).not.toBe(source.thumbprint)
    const again = await upload('pfx-secret', pfx)
    expect(again.headers.get('location')).toBe(`${saml()}?pane=certificate&import=1`)
  })
})
