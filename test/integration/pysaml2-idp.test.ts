import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestSp, sessionCookieOf, type TestSp } from '../../packages/sp/src/test-support/harness'
import { createPysaml2Idp, type Pysaml2Idp } from '../support/pysaml2-idp'

/**
 * An independent IdP at the Webex emulator: pysaml2 (Debian's python3-pysaml2, signing with
 * xmlsec1) answers the SP's own AuthnRequests. Its Responses begin with an XML declaration,
 * which the ACS once refused: it looked for InResponseTo with a pattern instead of reading the
 * parsed Response, missed the pending request, and judged the Response as unsolicited.
 */
const USER = { email: 'b.simon@contoso.com', givenName: 'B.', surname: 'Simon' }
let sp: TestSp
let idp: Pysaml2Idp
let spMetadata: string

beforeAll(async () => {
  sp = await createTestSp()
  idp = createPysaml2Idp(await sp.runtime.keys.take(), sp.runtime.clock.now())
  spMetadata = (await sp.api('GET', '/api/v1/sso/sp-metadata')).json as string
  const added = await sp.services.users.add({ email: USER.email, firstName: 'B.', lastName: 'Simon' })
  if (!added.ok) throw new Error(added.error.code)
})
afterAll(() => idp.close())

// pysaml2 starts in seconds on a loaded machine, and signs through xmlsec1 processes.
describe('a pysaml2 IdP signs people in at the Webex emulator', { timeout: 90_000 }, () => {
  it('passes Test SSO Connection, then signs in SP-initiated, with Responses that begin with an XML declaration', async () => {
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: await idp.metadata(spMetadata),
      trustMode: 'self-signed-allowed',
    })
    expect(imported.status, JSON.stringify(imported.json)).toBe(200)

    const test = await sp.api('POST', '/api/v1/sso/test')
    const testStart = await sp.startSignIn({ path: new URL(test.json.url).pathname })
    const testResponse = await idp.respond(spMetadata, testStart.xml, USER)
    expect(testResponse).toMatch(/^<\?xml version=['"]1\.0['"]/)
    expect(testResponse).toContain(`InResponseTo="${testStart.requestId}"`)
    const page = await sp.postToAcs(testResponse, { browser: testStart.browser })
    expect(page.status).toBe(200)
    const result = await sp.api('GET', '/api/v1/sso/test/result')
    expect(result.json, JSON.stringify(result.json)).toMatchObject({
      status: 'passed',
      nameId: USER.email,
      attributes: { uid: [USER.email] },
    })
    expect((await sp.api('POST', '/api/v1/sso/enable')).status).toBe(200)

    const started = await sp.startSignIn()
    const response = await idp.respond(spMetadata, started.xml, USER)
    const acs = await sp.postToAcs(response, { browser: started.browser })
    expect(acs.status, await acs.clone().text()).toBe(303)
    const cookie = sessionCookieOf(acs)
    expect(cookie).not.toBeNull()
    const session = await sp.app.request('/api/v1/session', { headers: { cookie: cookie ?? '' } })
    expect(await session.json()).toMatchObject({ user: { userName: USER.email }, issuer: idp.entityId })
  })
})
