import {
  certificateToDer,
  descendantsNamed,
  NS,
  textOf,
  trustCertificate,
  type VerifyPolicy,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCorpusContext } from './corpus/corpus-context'
import { createResponseSource, type ResponseSource, webexIdentity } from './corpus/idp-response'
import {
  type CorpusContext,
  notBefore30SecondsAhead,
  PROTOCOL_CASES,
  type ResponseCase,
  SIGNATURE_CASES,
  VICTIM,
} from './corpus/response-cases'
import { assertionOf, first, parseCorpusXml } from './corpus/xml-kit'

/**
 * The corpus checked against the shared signature verifier alone: every signature case is
 * refused for its stated reason, and every protocol case is validly signed by the trusted IdP
 * (so the SP tests that use them exercise the protocol check, not the signature check).
 */
let source: ResponseSource
let ctx: CorpusContext
let policy: VerifyPolicy

beforeAll(async () => {
  source = await createResponseSource(webexIdentity('0b7f3c1e-corpus-org'))
  ctx = await buildCorpusContext(source)
  policy = { trusted: [source.signingKey().trusted], allowSha1: false }
})

function verdict(c: ResponseCase, xml: string): string {
  const doc = parseCorpusXml(xml)
  const target = c.verifier.target === 'root' ? doc.documentElement : assertionOf(doc)
  const result = verifyEnvelopedSignature(target, policy)
  return result.ok ? 'VALID' : result.error.code
}

describe('the corpus base is real IdP output', () => {
  it('verifies the untouched assertion-signed and response-signed Responses', () => {
    const assertion = assertionOf(parseCorpusXml(ctx.assertionSigned))
    expect(verifyEnvelopedSignature(assertion, policy).ok).toBe(true)
    const root = parseCorpusXml(ctx.responseSigned).documentElement
    expect(verifyEnvelopedSignature(root, policy).ok).toBe(true)
    expect(textOf(first(assertion, 'Audience'))).toBe(ctx.sp.entityId)
    expect(first(assertion, 'SubjectConfirmationData').getAttribute('Recipient')).toBe(ctx.sp.acsUrl)
  })
})

describe('signature cases against verifyEnvelopedSignature', () => {
  it.each(SIGNATURE_CASES.map((c) => [c.name, c] as const))('%s is refused', (_name, c) => {
    expect(verdict(c, c.build(ctx))).toBe(c.verifier.expect)
  })

  it('every XSW case still carries the genuinely signed original (the attack is real, not broken XML)', () => {
    for (const c of SIGNATURE_CASES.filter((s) => s.name.startsWith('xsw') && s.verifier.target !== 'root')) {
      const doc = parseCorpusXml(c.build(ctx))
      const names = descendantsNamed(doc, NS.assertion, 'NameID').map((n) => textOf(n))
      expect(names, c.name).toContain(VICTIM)
      expect(names, c.name).toContain(source.adminUpn)
    }
  })

  it('refuses SHA-1 only by policy: the same input verifies when SHA-1 is allowed', () => {
    const sha1 = SIGNATURE_CASES.find((c) => c.name === 'signature-rsa-sha1.digest-sha1') as ResponseCase
    const assertion = assertionOf(parseCorpusXml(sha1.build(ctx)))
    expect(verifyEnvelopedSignature(assertion, { ...policy, allowSha1: true }).ok).toBe(true)
  })

  it('refuses a Response signed with the key the IdP rolled over from', async () => {
    const before = await source.issue()
    const oldKey = source.signingKey()
    const rolled = await source.idp.services.certificates.rollover(source.spId)
    if (!rolled.ok) throw new Error(rolled.error.message)
    const newKey = source.signingKey()
    expect(newKey.certificatePem).not.toBe(oldKey.certificatePem)
    const afterRollover: VerifyPolicy = { trusted: [newKey.trusted], allowSha1: false }
    const assertion = assertionOf(parseCorpusXml(before))
    const result = verifyEnvelopedSignature(assertion, afterRollover)
    expect(result.ok ? 'VALID' : result.error.code).toBe('CERTIFICATE_NOT_TRUSTED')
    // And a fresh Response verifies with the new certificate only.
    const fresh = assertionOf(parseCorpusXml(await source.issue()))
    expect(verifyEnvelopedSignature(fresh, afterRollover).ok).toBe(true)
    const stale = {
      trusted: [trustCertificate(certificateToDer(oldKey.certificatePem) as Buffer)],
      allowSha1: false,
    }
    expect(verifyEnvelopedSignature(fresh, stale).ok).toBe(false)
  })
})

describe('protocol cases are validly signed by the trusted IdP', () => {
  it.each(PROTOCOL_CASES.map((c) => [c.name, c] as const))('%s passes the signature check', (_name, c) => {
    expect(verdict(c, c.build(ctx))).toBe(c.verifier.expect)
  })

  it('the 30-second NotBefore boundary case is validly signed too', () => {
    const assertion = assertionOf(parseCorpusXml(notBefore30SecondsAhead(ctx)))
    expect(verifyEnvelopedSignature(assertion, policy).ok).toBe(true)
  })

  it('comment injection: the signed NameID reads as the full string, never the victim', () => {
    const c = PROTOCOL_CASES.find((p) => p.name === 'nameid-comment-injection') as ResponseCase
    const nameId = first(assertionOf(parseCorpusXml(c.build(ctx))), 'NameID')
    expect(textOf(nameId)).toBe(`${VICTIM}.evil.test`)
    expect(nameId.firstChild?.nodeValue).toBe(VICTIM)
  })
})
