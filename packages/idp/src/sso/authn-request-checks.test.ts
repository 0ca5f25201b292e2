import { encodePostBinding, ok } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestServices, type TestServices } from '../test-support/harness'
import { authnRequestXml, SP, setUpSamlApp } from '../test-support/saml-app'
import { readAuthnRequest } from './authn-request'
import { AUTHN_REQUEST_CHECKS, AUTHN_REQUEST_PIPELINE } from './authn-request-checks'
import { checksOver } from './check-pipeline'
import { LOGOUT_REQUEST_PIPELINE } from './logout-request-checks'
import { SAML_MESSAGE_CHECKS } from './saml-message-checks'

let t: TestServices
beforeEach(async () => {
  t = await createTestServices()
})

function received(xml: string) {
  const state = t.store.read()
  const input = { binding: 'post' as const, form: { SAMLRequest: encodePostBinding(xml) } }
  const decoded = SAML_MESSAGE_CHECKS.run({ state, tenantPath: t.tenantId, input })
  if (!decoded.ok) throw new Error(decoded.error.check)
  return { state, message: decoded.value.message, session: null }
}

describe('the AuthnRequest checks, as a table', () => {
  it('lists every check in the order the SAML endpoint runs them, with its codes', () => {
    expect(AUTHN_REQUEST_PIPELINE.map((c) => [c.name, c.codes])).toEqual([
      ['checkTenant', ['AADSTS90002']],
      ['decodeMessage', ['AADSTS750054', 'AADSTS75005']],
      ['readRequest', ['AADSTS75005', 'AADSTS7500529']],
      ['requireIssuer', ['AADSTS75005']],
      ['findAppByIssuer', ['AADSTS700016']],
      ['verifySignature', ['AADSTS76021', 'AADSTS75005']],
      ['chooseReplyUrl', ['AADSTS500113', 'AADSTS50011']],
      ['requirePostBinding', ['AADSTS75003']],
      ['refuseUnsupportedProperties', ['AADSTS900236']],
      ['checkNameIdPolicy', ['AADSTS75016']],
      ['requireSessionWhenPassive', ['AADSTS50058']],
    ])
    expect(AUTHN_REQUEST_PIPELINE.every((c) => c.fix.length > 20 && c.reads.length > 0)).toBe(true)
    expect(LOGOUT_REQUEST_PIPELINE.map((c) => c.name)).toEqual([
      'checkTenant',
      'decodeMessage',
      'readRequest',
      'findAppByIssuer',
      'verifySignature',
    ])
  })

  it('names the check that refused, and runs none after it', async () => {
    await setUpSamlApp(t)
    const refused = AUTHN_REQUEST_CHECKS.run(
      received(authnRequestXml({ acsUrl: 'https://elsewhere.test/acs' })),
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { check: 'chooseReplyUrl', rejection: { kind: 'page', error: { code: 'AADSTS50011' } } },
    })
    const unknown = AUTHN_REQUEST_CHECKS.run(received(authnRequestXml({ issuer: 'https://nobody.test' })))
    expect(unknown).toMatchObject({ ok: false, error: { check: 'findAppByIssuer' } })
    const passed = AUTHN_REQUEST_CHECKS.run(received(authnRequestXml()))
    expect(passed).toMatchObject({ ok: true, value: { issuer: SP.entityId, acsUrl: SP.acs } })
  })

  it('seals what was read from the request until the signature check opens it', () => {
    const read = readAuthnRequest(received(authnRequestXml()).message.root)
    if (!read.ok) throw new Error(read.error.code)
    expect(read.value.issuer).toBe(SP.entityId)
    expect(Object.keys(read.value)).toEqual(['issuer', 'element'])
    // @ts-expect-error: the request's other values exist only once verifySignature has opened it.
    expect(read.value.assertionConsumerServiceUrl).toBeUndefined()
  })
})

describe('a table of checks', () => {
  interface Facts {
    readonly start: number
    readonly doubled: number
    readonly secret: string
  }
  const { check, startingWith } = checksOver<Facts, string>()
  const double = check({
    name: 'double',
    codes: [],
    fix: 'none',
    reads: ['start'],
    gives: ['doubled'],
    run: (facts) => {
      expect(Object.keys(facts)).toEqual(['start'])
      // @ts-expect-error: a check sees only the facts it reads.
      expect(facts.secret).toBeUndefined()
      return ok({ doubled: facts.start * 2 })
    },
  })
  const positive = check({
    name: 'positive',
    codes: [],
    fix: 'none',
    reads: ['doubled'],
    gives: [],
    run: ({ doubled }) => (doubled > 0 ? ok({}) : { ok: false, error: `${doubled} is not positive` }),
  })

  it('hands each check only what it reads and adds what it gives, in order', () => {
    const table = startingWith<'start' | 'secret'>().add(double).add(positive)
    expect(table.run({ start: 2, secret: 'kept' })).toEqual({
      ok: true,
      value: { start: 2, secret: 'kept', doubled: 4 },
    })
    expect(table.run({ start: -1, secret: 'kept' })).toEqual({
      ok: false,
      error: { check: 'positive', rejection: '-2 is not positive' },
    })
  })

  it('does not accept a check before the check that gives what it reads', () => {
    // @ts-expect-error: 'doubled' is given by `double`, which has not been added yet.
    const misordered = startingWith<'start' | 'secret'>().add(positive)
    expect(misordered.checks.map((c) => c.name)).toEqual(['positive'])
  })
})
