import { encodePostBinding } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { contextFor, expectAcsRefusal, expectAcsSuccess, interceptFor, readAnswer } from './corpus/acs-kit'
import { type Attack, type ResponseCase, SIGNATURE_CASES } from './corpus/response-cases'
import { createSandbox, type Sandbox } from './corpus/sandbox'
import { parseCorpusXml } from './corpus/xml-kit'

/**
 * Signature attacks and unreadable bodies at the Webex emulator's ACS: each corpus case is derived from
 * a Response the IdP signed for a sign-in this SP started, posted by the browser that started it.
 */
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox()
})

const casesOf = (...attacks: Attack[]): Array<readonly [string, ResponseCase]> =>
  SIGNATURE_CASES.filter((c) => attacks.includes(c.attack)).map((c) => [c.name, c] as const)

async function refuses(c: ResponseCase): Promise<void> {
  const intercepted = await interceptFor(sandbox, c)
  const xml = c.build(await contextFor(sandbox, intercepted))
  await expectAcsRefusal(sandbox, intercepted, xml, c.acs)
}

describe('the untouched Response signs in (every refusal below is the check, not a broken setup)', () => {
  it('accepts the intercepted Response as the IdP sent it, assertion-signed or both signed', async () => {
    for (const idpSigning of [undefined, 'both'] as const) {
      const intercepted = await interceptFor(sandbox, idpSigning ? { idpSigning } : {})
      const answer = await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
      expect(answer.location).toBe('/webex/home')
    }
  })

  it('refuses a Response whose only signature is on the Response (Webex wants a signed assertion)', async () => {
    const intercepted = await interceptFor(sandbox, { idpSigning: 'response' })
    await expectAcsRefusal(sandbox, intercepted, intercepted.responseXml, 'SSO_ASSERTION_UNSIGNED')
  })
})

describe('Response and Assertion both unsigned', () => {
  it.each(casesOf('unsigned'))('%s', async (_name, c) => refuses(c))
})

describe('signature element removed (exclusion, CVE-2020-12676 class)', () => {
  it.each(casesOf('signature-removed'))('%s', async (_name, c) => refuses(c))
})

describe('NameID or attribute edited after signing', () => {
  it.each(casesOf('edited-after-signing'))('%s', async (_name, c) => refuses(c))
})

describe('re-signed by an attacker with the attacker certificate in KeyInfo', () => {
  it.each(casesOf('attacker-key-in-key-info'))('%s', async (_name, c) => refuses(c))
})

describe('re-signed by an attacker with KeyInfo removed', () => {
  it.each(casesOf('attacker-key-without-key-info'))('%s', async (_name, c) => refuses(c))
})

describe('signed with the old key after a rollover removed it', () => {
  it('refuses a Response signed with the rolled-over key once Control Hub holds only the new one', async () => {
    const local = await createSandbox()
    const old = await local.intercept()
    const rolled = await local.idp.idp.services.certificates.rollover(local.idp.spId)
    if (!rolled.ok) throw new Error(rolled.error.message)
    await local.reimportIdpMetadata()
    const fresh = await local.intercept()
    await expectAcsRefusal(local, old, old.responseXml, 'SSO_UNTRUSTED_SIGNING_CERTIFICATE', {
      pendingKept: false,
    })
    await expectAcsSuccess(local, fresh, fresh.responseXml)
  })
})

describe('XSW1 / XSW2 on a response-signed Response', () => {
  it.each(casesOf('xsw1-xsw2'))('%s', async (_name, c) => refuses(c))
})

describe('XSW3: an unsigned evil Assertion before the signed one', () => {
  it.each(casesOf('xsw3'))('%s', async (_name, c) => refuses(c))
})

describe('XSW4 / XSW7', () => {
  it.each(casesOf('xsw4-xsw7'))('%s', async (_name, c) => refuses(c))
})

describe('XSW5 / XSW6 / XSW8: copies inside ds:Signature or ds:Object', () => {
  it.each(casesOf('xsw5-xsw6-xsw8'))('%s', async (_name, c) => refuses(c))
})

describe('the signed Assertion duplicated (two elements with one ID)', () => {
  it.each(casesOf('duplicated-id'))('%s', async (_name, c) => refuses(c))
})

describe('a signed Assertion inside SubjectConfirmationData', () => {
  it.each(casesOf('assertion-in-subject-confirmation'))('%s', async (_name, c) => refuses(c))
})

describe('XPath transform, more than 2 transforms, #WithComments c14n', () => {
  it.each(casesOf('transforms'))('%s', async (_name, c) => refuses(c))
})

describe('RSA-SHA1 / SHA-1 digest when SHA-256 is required', () => {
  it.each(casesOf('sha1'))('%s', async (_name, c) => refuses(c))

  it('accepts the same SHA-1 input only after the org allows SHA-1 explicitly', async () => {
    const local = await createSandbox()
    const c = SIGNATURE_CASES.find((s) => s.name === 'signature-rsa-sha1.digest-sha1') as ResponseCase
    const allowed = await local.sp.api('PATCH', '/api/v1/sso/settings', { allowSha1: true })
    expect(allowed.status).toBe(200)
    const intercepted = await local.intercept()
    await expectAcsSuccess(local, intercepted, c.build(await contextFor(local, intercepted)))
  })
})

describe('missing SAMLResponse, non-base64, non-XML, wrong root', () => {
  it('answers 4xx with SSO_MALFORMED_RESPONSE and a plain message, creating nothing', async () => {
    const intercepted = await sandbox.intercept()
    const wrongRoot = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0"/>`
    for (const [value, raw] of [
      ['%%% not base64 %%%', true],
      [Buffer.from('this is not XML').toString('base64'), true],
      [wrongRoot, false],
      ['<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"', false],
    ] as const) {
      await expectAcsRefusal(sandbox, intercepted, value, 'SSO_MALFORMED_RESPONSE', { raw })
    }
    const before = sandbox.sp.store.read()
    const missing = await readAnswer(
      await sandbox.sp.app.request(`/idb/Consumer/metaAlias/${sandbox.sp.orgId}/sp`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'RelayState=x',
      }),
    )
    expect(missing.status).toBeGreaterThanOrEqual(400)
    expect(missing.status).toBeLessThan(500)
    expect(missing.sessionCookie).toBe(false)
    const multipart = await sandbox.sp.app.request(`/idb/Consumer/metaAlias/${sandbox.sp.orgId}/sp`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: `SAMLResponse=${encodeURIComponent(encodePostBinding(intercepted.responseXml))}`,
    })
    expect(multipart.status).toBe(400)
    expect(sandbox.sp.store.read()).toBe(before)
    // Still a correct Response afterwards: nothing above consumed the pending request.
    expect(parseCorpusXml(intercepted.responseXml).documentElement.localName).toBe('Response')
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
  })
})
