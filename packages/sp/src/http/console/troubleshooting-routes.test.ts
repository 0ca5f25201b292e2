import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp, enableSsoWith } from '../../test-support/harness'
import { createIdpSide } from '../../test-support/idp-side'

describe('Troubleshooting > Sign-in log', () => {
  it('lists a refused sign-in with its code, newest first, and shows the checks in its details', async () => {
    const sp = await createTestSp()
    const idp = await createIdpSide(sp.runtime, sp.entity())
    await enableSsoWith(sp, idp)
    const started = await sp.startSignIn()
    await sp.postToAcs(
      idp.response({ inResponseTo: started.requestId, audience: 'https://wrong.example/' }),
      {
        browser: started.browser,
      },
    )
    const browser = await signedInConsole(sp)
    const log = await (await browser.get('/admin/troubleshooting')).text()
    expect(log).toContain('Failure')
    const attempt = sp.services.signIn.attempts().at(-1)
    expect(attempt?.code).toBeTruthy()
    expect(log).toContain(attempt?.code as string)
    const details = await (await browser.get(`/admin/troubleshooting/sign-ins/${attempt?.id}`)).text()
    expect(details).toContain('Checks the SP made')
    expect(details).toContain('<tr class="failed">')
  })
})
