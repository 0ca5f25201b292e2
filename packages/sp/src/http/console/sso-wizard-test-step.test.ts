import { describe, expect, it } from 'vitest'
import { type ConsoleClient, signedInConsole } from '../../test-support/console-client'
import { createTestSp, type TestSp } from '../../test-support/harness'
import { createIdpSide, type IdpSide } from '../../test-support/idp-side'

const TEST_STEP = '/admin/settings/authentication/sso?step=test'

/** Imports `xml` through the API, then runs Test SSO Connection (the wizard's link) with a Response from `idp`. */
async function importAndTest(sp: TestSp, browser: ConsoleClient, idp: IdpSide, xml: string): Promise<void> {
  const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', { xml, trustMode: 'ca-signed' })
  expect(imported.status).toBe(200)
  await browser.get(TEST_STEP)
  const link = await browser.get(
    `/admin/settings/authentication/sso/test-connection?csrf_token=${encodeURIComponent(browser.csrfToken())}`,
  )
  expect(link.status).toBe(303)
  const started = await sp.startSignIn({ path: link.headers.get('location') ?? '' })
  await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), { browser: started.browser })
}

describe('Enterprise Settings > Test SSO Setup', () => {
  it('says "SSO configuration not successful" when the Response comes from another entity than the imported metadata', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity())
    const otherEntity = 'https://sts.windows.net/99999999-8888-7777-6666-555555555555/'
    await importAndTest(sp, browser, idp, idp.metadata().replace(idp.entityId, otherEntity))
    const page = await (await browser.get(TEST_STEP)).text()
    expect(page).toContain('SSO configuration not successful')
    expect(page).toContain(`The Response Issuer &quot;${idp.entityId}&quot; is not the imported IdP`)
    expect(page).toContain(otherEntity)
    expect(sp.services.sso.testResult()).toMatchObject({ status: 'failed', code: 'SSO_UNTRUSTED_ISSUER' })
  })

  it('shows no such message when the test passes', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity())
    await importAndTest(sp, browser, idp, idp.metadata())
    const page = await (await browser.get(TEST_STEP)).text()
    expect(sp.services.sso.testResult()).toMatchObject({ status: 'passed' })
    expect(page).toContain('Single Sign-on succeeded.')
    expect(page).not.toContain('SSO configuration not successful')
  })
})
