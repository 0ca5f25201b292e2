import { createPrivateKey, createPublicKey } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RsaKeyPair } from '../pki/keys'
import { check, failures, inspectOne, ORG, orgContext } from '../test-support/inspect-kit'
import { buildResponse, T0, type TestSigner, testSigners } from '../test-support/saml-messages'
import { WEBEX_DEFAULT_POLICY } from './context'

let idp: TestSigner
let other: TestSigner
let encryption: RsaKeyPair
beforeAll(async () => {
  ;({ idp, other, encryption } = await testSigners())
})

describe('signature diagnoses', () => {
  it('wrong certificate: both thumbprints, and that the Federation Metadata XML must be imported again', () => {
    const message = inspectOne(buildResponse(other), orgContext(idp))
    expect(failures(message)).toEqual(['Assertion signature'])
    expect(check(message, 'Assertion signature')).toMatchObject({
      code: 'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
      message: `The assertion is signed with a certificate whose thumbprint ${other.trusted.thumbprint} (CN=Microsoft Azure Federated SSO Certificate) is not the one imported in Control Hub (${idp.trusted.thumbprint}): re-import the Federation Metadata XML`,
      fix: expect.stringContaining('Download the Federation Metadata XML again'),
    })
    expect(message.signatures[0]).toMatchObject({
      signedElement: 'Assertion',
      verdict: 'valid',
      trust: 'does-not-match',
    })
    expect(check(message, 'Certificate trust').status).toBe('skipped')
  })

  it('a certificate Control Hub lists by thumbprint only is matched by thumbprint', () => {
    const byThumbprint = orgContext(idp, {
      idpSigners: { value: [{ ...idp.trusted, der: null }], origin: ORG },
    })
    expect(failures(inspectOne(buildResponse(idp), byThumbprint))).toEqual([])
  })

  it('a given certificate file is named as such', () => {
    const given = orgContext(idp, {
      idpSigners: { value: [idp.trusted], origin: { kind: 'certificate', label: 'entra.pem' } },
    })
    expect(check(inspectOne(buildResponse(other), given), 'Assertion signature')).toMatchObject({
      message: expect.stringContaining(
        `is not the given certificate (entra.pem) (${idp.trusted.thumbprint})`,
      ),
    })
  })

  it('unsigned assertion, and a signed Response around an unsigned assertion', () => {
    expect(
      check(inspectOne(buildResponse(idp, { signAssertion: false }), orgContext(idp)), 'Assertion signature'),
    ).toMatchObject({
      code: 'SSO_ASSERTION_UNSIGNED',
      message: 'The assertion is not signed: Webex needs the assertion itself signed',
      fix: expect.stringContaining('Signing Option "Sign SAML assertion"'),
    })
    const responseOnly = buildResponse(idp, { signAssertion: false, signResponse: true })
    const message = inspectOne(responseOnly, orgContext(idp))
    expect(check(message, 'Response signature').status).toBe('passed')
    expect(check(message, 'Assertion signature')).toMatchObject({
      message: expect.stringMatching(/^Only the Response is signed, not the assertion in it/),
    })
    const lenient = orgContext(idp, { policy: { ...WEBEX_DEFAULT_POLICY, requireAssertionSignature: false } })
    expect(failures(inspectOne(responseOnly, lenient))).toEqual([])
  })

  it('digest mismatch: the assertion was changed after it was signed', () => {
    const message = inspectOne(buildResponse(idp, { tamperNameId: 'admin@contoso.com' }), orgContext(idp))
    expect(message.signatures[0]?.verdict).toBe('digest-mismatch')
    expect(check(message, 'Assertion signature')).toMatchObject({
      code: 'SSO_INVALID_SIGNATURE',
      message: expect.stringMatching(
        /^The assertion was changed after it was signed: the digest of its content is not the signed DigestValue/,
      ),
    })
  })

  it('SHA-1: valid, but refused unless the org allows it', () => {
    const sha1 = buildResponse(idp, { algorithm: 'rsa-sha1' })
    const message = inspectOne(sha1, orgContext(idp))
    expect(message.signatures[0]).toMatchObject({
      verdict: 'valid',
      signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
    })
    expect(check(message, 'Assertion signature')).toMatchObject({
      code: 'SSO_DEPRECATED_ALGORITHM',
      message: 'The assertion is signed with SHA-1 (RSA-SHA1), which Webex refuses',
      fix: expect.stringContaining('Signing Algorithm SHA-256'),
    })
    const allowed = orgContext(idp, { policy: { ...WEBEX_DEFAULT_POLICY, allowSha1: true } })
    expect(failures(inspectOne(sha1, allowed))).toEqual([])
  })

  it('an expired signing certificate: how long ago, and to make a new one active', () => {
    const at = T0 + 4 * 365 * 86_400_000
    const message = inspectOne(buildResponse(idp, { now: at }), orgContext(idp, { at: at + 60_000 }))
    expect(failures(message)).toEqual(['Certificate trust'])
    expect(check(message, 'Certificate trust')).toMatchObject({
      code: 'CERT_EXPIRED',
      message: expect.stringMatching(
        /^The signing certificate CN=Microsoft Azure Federated SSO Certificate \(thumbprint [0-9A-F]{40}\) expired 1 year (\d+ months? )?ago/,
      ),
      fix: expect.stringContaining('New Certificate, then Make certificate active'),
    })
  })

  it('a self-signed certificate where the org requires a CA-signed one', () => {
    const ca = orgContext(idp, {
      policy: { ...WEBEX_DEFAULT_POLICY, trustMode: 'ca-signed' },
      authorities: { anchors: [], intermediates: [], label: 'the sandbox CA' },
    })
    expect(check(inspectOne(buildResponse(idp), ca), 'Certificate trust')).toMatchObject({
      code: 'CERT_SELF_SIGNED',
      fix: expect.stringContaining('Allow self-signed certificate in metadata (less secure)'),
    })
  })
})

describe('EncryptedAssertion', () => {
  const encrypted = () => buildResponse(idp, { encryptTo: createPublicKey(encryption.privateKey) })

  it('without a key: says so, names the algorithms, and does not pretend to check the assertion', () => {
    const message = inspectOne(encrypted(), orgContext(idp))
    expect(message.decryption).toMatchObject({
      status: 'no-key',
      contentEncryption: 'aes256-gcm',
      keyTransport: 'rsa-oaep-mgf1p',
    })
    expect(check(message, 'Decryption')).toMatchObject({
      code: 'INSPECT_NO_DECRYPTION_KEY',
      message: expect.stringContaining('give --key FILE'),
    })
    expect(check(message, 'Audience')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('no assertion to read'),
    })
    expect(message.summary.attributes).toEqual([])
  })

  it('with the SP key: decrypts, then checks the decrypted assertion in the ACS order', () => {
    const context = orgContext(idp, {
      decryptionKeys: [{ key: encryption.privateKey, label: "the sandbox SP's encryption key" }],
    })
    const message = inspectOne(encrypted(), context)
    expect(failures(message)).toEqual([])
    const names = message.checks.map((c) => c.name)
    expect(names.slice(3, 10)).toEqual([
      'Response issuer',
      'Destination',
      'InResponseTo',
      'Decryption',
      'Assertion signature',
      'Certificate trust',
      'Issuer',
    ])
    expect(check(message, 'Decryption')).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining("decrypted with the sandbox SP's encryption key"),
    })
    expect(message.decryptedAssertionXml).toContain(
      '<NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">b.simon@contoso.com</NameID>',
    )
    expect(message.summary.attributes.map((a) => a.name)).toContain('uid')
  })

  it('with a wrong key: the decryption fails, saying which keys were tried', () => {
    const wrong = createPrivateKey(idp.key.privateKeyPem)
    const message = inspectOne(
      encrypted(),
      orgContext(idp, { decryptionKeys: [{ key: wrong, label: 'key.pem' }] }),
    )
    expect(check(message, 'Decryption')).toMatchObject({
      code: 'SSO_DECRYPTION_FAILED',
      message: expect.stringContaining('None of the keys (key.pem) decrypts it'),
    })
  })
})

describe('XML refused before anything is read', () => {
  it('a DOCTYPE: one failed XML check, in plain words', () => {
    const message = inspectOne(`<!DOCTYPE Response [<!ENTITY x "y">]>${buildResponse(idp)}`, orgContext(idp))
    expect(message).toMatchObject({ kind: 'Response', xml: null, failed: 1 })
    expect(message.checks).toEqual([
      expect.objectContaining({
        name: 'XML',
        status: 'failed',
        message: expect.stringContaining('contains a DOCTYPE or ENTITY declaration, which SAML never uses'),
      }),
    ])
  })

  it('a processing instruction inside the message', () => {
    const xml = buildResponse(idp).replace('<samlp:Status>', '<?evil data?><samlp:Status>')
    expect(inspectOne(xml, orgContext(idp)).checks).toEqual([
      expect.objectContaining({
        name: 'XML',
        status: 'failed',
        message: expect.stringContaining('processing instruction (<?evil …?>)'),
      }),
    ])
  })

  it('XML cut short', () => {
    const xml = buildResponse(idp).slice(0, 300)
    expect(inspectOne(xml, orgContext(idp)).checks[0]).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('not well-formed'),
    })
  })
})
