import { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt } from 'node:crypto'
import { descendantsNamed, encryptElement, XENC_NS } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectAcsRefusal, expectAcsSuccess } from './corpus/acs-kit'
import { attackerKey } from './corpus/corpus-context'
import { createSandbox, type Sandbox } from './corpus/sandbox'
import { assertionOf, first, parseCorpusXml, setText, toXml } from './corpus/xml-kit'

/**
 * Encrypted-assertion tampering. The IdP encrypts for the SP's encryption
 * certificate (Entra's "token encryption"); each variant is derived from a real Response.
 */
const RSA_1_5 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5'
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await createSandbox()
})

async function setEncryption(enabled: boolean): Promise<void> {
  const set = await sandbox.idp.idp.services.samlConfig.setEncryption(sandbox.idp.spId, {
    enabled,
    certificatePem: sandbox.sp.store.read().encryptionCertificate.certificatePem,
    method: 'aes256-gcm',
  })
  if (!set.ok) throw new Error(set.error.message)
}

async function interceptEncrypted() {
  await setEncryption(true)
  try {
    return await sandbox.intercept()
  } finally {
    await setEncryption(false)
  }
}

/** Encrypts the intercepted (plaintext, signed) assertion for `recipient`, as a forger would. */
function encryptFor(xml: string, recipient: Parameters<typeof encryptElement>[2]): Document {
  const doc = parseCorpusXml(xml)
  encryptElement(assertionOf(doc), 'EncryptedAssertion', recipient, 'aes256-cbc')
  return parseCorpusXml(toXml(doc))
}

describe('EncryptedAssertion tampered, wrong key, plaintext + encrypted, rsa-1_5', () => {
  it('accepts the IdP’s encrypted assertion as sent (the refusals below are the checks)', async () => {
    const intercepted = await interceptEncrypted()
    expect(intercepted.responseXml).toContain('EncryptedAssertion')
    await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
  })

  it('refuses a tampered ciphertext', async () => {
    const intercepted = await interceptEncrypted()
    const doc = parseCorpusXml(intercepted.responseXml)
    const values = descendantsNamed(first(doc, 'EncryptedData', XENC_NS), XENC_NS, 'CipherValue')
    const payload = values[values.length - 1] as Element
    const text = payload.textContent ?? ''
    setText(payload, `${text.slice(0, 40)}${text[40] === 'A' ? 'B' : 'A'}${text.slice(41)}`)
    await expectAcsRefusal(sandbox, intercepted, toXml(doc), 'SSO_DECRYPTION_FAILED')
  })

  it('refuses an assertion encrypted for another key', async () => {
    const intercepted = await sandbox.intercept()
    const attacker = createPublicKey((await attackerKey()).privateKey)
    await expectAcsRefusal(
      sandbox,
      intercepted,
      toXml(encryptFor(intercepted.responseXml, attacker)),
      'SSO_DECRYPTION_FAILED',
    )
  })

  it('refuses a Response carrying both a plaintext and an encrypted assertion', async () => {
    const plain = await sandbox.intercept()
    const encrypted = await interceptEncrypted()
    const doc = parseCorpusXml(encrypted.responseXml)
    doc.documentElement.appendChild(doc.importNode(assertionOf(parseCorpusXml(plain.responseXml)), true))
    await expectAcsRefusal(sandbox, encrypted, toXml(doc), 'SSO_ASSERTION_COUNT')
  })

  it('refuses rsa-1_5 key transport even when the key unwraps', async () => {
    const intercepted = await sandbox.intercept()
    const state = sandbox.sp.store.read()
    const spPrivate = createPrivateKey(state.encryptionCertificate.privateKeyPem)
    const doc = encryptFor(intercepted.responseXml, createPublicKey(spPrivate))
    const encryptedKey = first(doc, 'EncryptedKey', XENC_NS)
    const keyValue = first(encryptedKey, 'CipherValue', XENC_NS)
    const contentKey = privateDecrypt(
      { key: spPrivate, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(keyValue.textContent ?? '', 'base64'),
    )
    const method = first(encryptedKey, 'EncryptionMethod', XENC_NS)
    method.setAttributeNS(null, 'Algorithm', RSA_1_5)
    while (method.firstChild) method.removeChild(method.firstChild)
    setText(
      keyValue,
      publicEncrypt(
        { key: createPublicKey(spPrivate), padding: constants.RSA_PKCS1_PADDING },
        contentKey,
      ).toString('base64'),
    )
    await expectAcsRefusal(sandbox, intercepted, toXml(doc), 'SSO_DECRYPTION_FAILED')
  })
})
