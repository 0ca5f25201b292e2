import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAcsRefusal, expectAcsSuccess, readAnswer } from './corpus/acs-kit'
import { bareDoctype, deeplyNested, deflateBomb, entityAttacks } from './corpus/hostile-xml'
import { startXxeProbes, type XxeProbes } from './corpus/probes'
import { createSandbox, type Intercepted, type Sandbox } from './corpus/sandbox'

/**
 * Hostile XML (DOCTYPEs, entities, size, depth and deflate bombs) at the Webex emulator's ACS and
 * SLO endpoint, in a Response
 * the browser that started the sign-in posts. The pending request survives every refusal, so
 * the genuine Response still signs in afterwards.
 */
let sandbox: Sandbox
let probes: XxeProbes
let intercepted: Intercepted

beforeAll(async () => {
  sandbox = await createSandbox()
  probes = await startXxeProbes()
  intercepted = await sandbox.intercept()
})
afterAll(async () => {
  await probes.close()
})

describe('any DOCTYPE is refused before parsing (SP ACS)', () => {
  it('refuses the genuine signed Response once a bare DOCTYPE is put in front of it', async () => {
    const answer = await expectAcsRefusal(
      sandbox,
      intercepted,
      bareDoctype(intercepted.responseXml),
      'SSO_MALFORMED_RESPONSE',
    )
    expect(answer.text).toContain('DOCTYPE')
  })
})

describe('entity expansion and external entities (SP ACS)', () => {
  it('refuses every variant within 1 s without reading the file or fetching the URL', async () => {
    for (const [name, xml] of entityAttacks(intercepted.responseXml, probes)) {
      const began = performance.now()
      const answer = await expectAcsRefusal(sandbox, intercepted, xml, 'SSO_MALFORMED_RESPONSE')
      expect(performance.now() - began, name).toBeLessThan(1000)
      expect(answer.text, name).not.toContain(probes.marker)
    }
    expect(probes.hits()).toBe(0)
  })
})

describe('10 MB body, 50 000-deep nesting, deflate bomb (SP ACS and SLO)', () => {
  it('answers 413 / a refusal to each and keeps serving the genuine Response', async () => {
    const before = sandbox.sp.store.read()
    const huge = await readAnswer(
      await sandbox.sp.app.request(`/idb/Consumer/metaAlias/${sandbox.sp.orgId}/sp`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `SAMLResponse=${'A'.repeat(10 * 1024 * 1024)}`,
      }),
    )
    expect(huge.status).toBe(413)
    expect(huge.sessionCookie).toBe(false)
    await expectAcsRefusal(
      sandbox,
      intercepted,
      deeplyNested(intercepted.responseXml, 50_000),
      'SSO_MALFORMED_RESPONSE',
    )
    // The Redirect binding (the SLO endpoint) inflates with a limit: a 20 MB bomb is refused quickly.
    const began = performance.now()
    const bomb = await sandbox.sp.app.request(
      `/idb/SPSloRedirect/metaAlias/${sandbox.sp.orgId}/sp?SAMLResponse=${encodeURIComponent(deflateBomb(20 * 1024 * 1024))}`,
    )
    const bombText = await bomb.text()
    expect(bomb.status, bombText).toBeGreaterThanOrEqual(400)
    expect(bomb.status, bombText).toBeLessThan(500)
    expect(performance.now() - began).toBeLessThan(2000)
    expect(sandbox.sp.store.read()).toBe(before)
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
  })
})
