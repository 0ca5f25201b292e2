import { describe, expect, it } from 'vitest'
import { type ConsoleClient, signedInConsole } from '../../test-support/console-client'
import { createTestSp, type TestSp } from '../../test-support/harness'
import { createIdpSide } from '../../test-support/idp-side'

const WIZARD = '/admin/settings/authentication/sso'

/** Import IdP Metadata as the drop zone's form posts it: multipart, with the file and the trust option. */
async function postMetadataFile(sp: TestSp, browser: ConsoleClient, xml: string, trustMode: string) {
  const form = new FormData()
  form.append('csrf_token', browser.csrfToken())
  form.append('trustMode', trustMode)
  form.append('metadata', new File([xml], 'Cisco Webex.xml', { type: 'text/xml' }))
  return sp.app.request(`${WIZARD}/import`, {
    method: 'POST',
    headers: { cookie: browser.cookieHeader() },
    body: form,
  })
}

describe('Enterprise Settings: refusals name their code', () => {
  it('Import IdP Metadata shows CERT_SELF_SIGNED for a self-signed certificate under the CA option', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity(), { certificate: 'self-signed' })
    await browser.get(`${WIZARD}?step=import`)
    const refused = await postMetadataFile(sp, browser, idp.metadata(), 'ca-signed')
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toContain('Failed to import IdP Metadata File')
    expect(html).toMatch(/CERT_SELF_SIGNED: [^<]*CN=Microsoft Azure Federated SSO Certificate/)
    expect(sp.services.sso.status().pending).toBeNull()
    const allowed = await postMetadataFile(sp, browser, idp.metadata(), 'self-signed-allowed')
    expect(allowed.status).toBe(303)
    expect(sp.services.sso.status().pending).toMatchObject({ trustMode: 'self-signed-allowed' })
  })

  it('Save after "This test was successful" without a test shows SSO_TEST_REQUIRED, and SSO stays off', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity())
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata(),
      trustMode: 'ca-signed',
    })
    expect(imported.status).toBe(200)
    await browser.get(`${WIZARD}?step=finish&outcome=enable`)
    const refused = await browser.post(`${WIZARD}/finish`, { outcome: 'enable' })
    expect(refused.status).toBe(409)
    const html = await refused.text()
    expect(html).toContain(
      'SSO_TEST_REQUIRED: Single sign-on can be enabled only after a successful Test SSO Connection of this IdP metadata.',
    )
    expect(html).toContain('Failed to enable Single Sign-On (SSO).')
    // The step says the enable was refused, not that the admin chose to keep SSO off, and Save retries the enable.
    expect(html).toContain('Single sign-on is not enabled yet')
    expect(html).not.toContain('Single sign-on stays off')
    expect(html).toContain('name="outcome" value="enable"')
    expect(sp.services.sso.status().enabled).toBe(false)
  })
})
