import {
  constants,
  createCipheriv,
  createDecipheriv,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto'
import { XMLSerializer } from '@xmldom/xmldom'
import { err, ok, type Result } from '../result'
import { attributeOf, childNamed, childrenNamed, elementChildren, textOf } from './dom'
import { OAEP_SEED_BYTES, oaepEncryptWithSeed } from './oaep-padding'
import { parseXml, SAML_MESSAGE_LIMITS } from './parse'
import { DSIG_NS } from './signature'

/** XML Encryption namespaces and the algorithms the sandbox speaks. */
export const XENC_NS = 'http://www.w3.org/2001/04/xmlenc#'
const XENC11_NS = 'http://www.w3.org/2009/xmlenc11#'
const ELEMENT_TYPE = `${XENC_NS}Element`

/** Content encryption: AES-GCM (XML Enc 1.1) or AES-CBC (1.0). */
export const DATA_ENCRYPTION = {
  'aes128-gcm': {
    uri: `${XENC11_NS}aes128-gcm`,
    cipher: 'aes-128-gcm',
    keyBytes: 16,
    ivBytes: 12,
    gcm: true,
  },
  'aes256-gcm': {
    uri: `${XENC11_NS}aes256-gcm`,
    cipher: 'aes-256-gcm',
    keyBytes: 32,
    ivBytes: 12,
    gcm: true,
  },
  'aes128-cbc': { uri: `${XENC_NS}aes128-cbc`, cipher: 'aes-128-cbc', keyBytes: 16, ivBytes: 16, gcm: false },
  'aes256-cbc': { uri: `${XENC_NS}aes256-cbc`, cipher: 'aes-256-cbc', keyBytes: 32, ivBytes: 16, gcm: false },
} as const
export type DataEncryption = keyof typeof DATA_ENCRYPTION

/** Key transport: RSA-OAEP only. RSA PKCS#1 v1.5 (`rsa-1_5`) is refused (Bleichenbacher). */
const KEY_TRANSPORT = {
  'rsa-oaep-mgf1p': `${XENC_NS}rsa-oaep-mgf1p`,
  'rsa-oaep': `${XENC11_NS}rsa-oaep`,
} as const
const SHA1_DIGEST = 'http://www.w3.org/2000/09/xmldsig#sha1'
const OAEP_DIGESTS: Record<string, string> = {
  [SHA1_DIGEST]: 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
}

/**
 * Encrypts `element` for `recipientKey` and replaces it, inside a new `wrapperName` element
 * (e.g. `EncryptedAssertion`) of the same namespace, with `<xenc:EncryptedData>` carrying an
 * RSA-OAEP (MGF1-SHA1) wrapped AES key in its KeyInfo: the shape ADFS and Entra emit.
 */
export function encryptElement(
  element: Element,
  wrapperName: string,
  recipientKey: KeyObject,
  algorithm: DataEncryption,
  /**
   * Where the content key, IV and OAEP seed come from; absent (the default), OpenSSL's random
   * generator. The deterministic mode passes seeded bytes so that the output repeats.
   */
  bytes?: (size: number) => Buffer,
): Element {
  const spec = DATA_ENCRYPTION[algorithm]
  const contentKey = (bytes ?? randomBytes)(spec.keyBytes)
  const iv = (bytes ?? randomBytes)(spec.ivBytes)
  const plaintext = Buffer.from(new XMLSerializer().serializeToString(element as never), 'utf8')
  const cipher = createCipheriv(spec.cipher, contentKey, iv)
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const payload = spec.gcm
    ? Buffer.concat([
        iv,
        body,
        (cipher as ReturnType<typeof createCipheriv> & { getAuthTag(): Buffer }).getAuthTag(),
      ])
    : Buffer.concat([iv, body])
  const wrappedKey = bytes
    ? oaepEncryptWithSeed(recipientKey, contentKey, bytes(OAEP_SEED_BYTES))
    : publicEncrypt(
        { key: recipientKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        contentKey,
      )
  const doc = element.ownerDocument
  const prefix = element.prefix ? `${element.prefix}:` : ''
  const xml =
    `<${prefix}${wrapperName} xmlns${element.prefix ? `:${element.prefix}` : ''}="${element.namespaceURI}">` +
    `<xenc:EncryptedData xmlns:xenc="${XENC_NS}" Type="${ELEMENT_TYPE}"><xenc:EncryptionMethod Algorithm="${spec.uri}"/>` +
    `<ds:KeyInfo xmlns:ds="${DSIG_NS}"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${KEY_TRANSPORT['rsa-oaep-mgf1p']}">` +
    `<ds:DigestMethod Algorithm="${SHA1_DIGEST}"/></xenc:EncryptionMethod><xenc:CipherData><xenc:CipherValue>` +
    `${wrappedKey.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${payload.toString('base64')}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedData></${prefix}${wrapperName}>`
  const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
  if (!parsed.ok) throw new Error(`internal: encrypted element did not parse: ${parsed.error.message}`)
  const wrapper = doc.importNode(parsed.value.documentElement, true) as Element
  element.parentNode?.replaceChild(wrapper, element)
  return wrapper
}

/**
 * Why an encrypted element could not be decrypted: always this one value, whatever went wrong
 * (unknown or refused algorithm, key transport that does not unwrap, wrong key, bad CBC
 * padding, bad GCM tag, empty or non-XML plaintext, not exactly one element).
 *
 * AES-CBC is unauthenticated and malleable: an attacker who captured one EncryptedData can
 * flip ciphertext bits and watch the answers. Any answer that depends on the plaintext (padding
 * valid or not, plaintext well-formed XML or not) is an oracle that recovers the plaintext in a
 * few thousand requests (the XML Encryption CBC attack), so no detail may leave this module,
 * and callers must keep the decrypted content from showing through their answers until a
 * signature has authenticated it. AES-GCM authenticates the ciphertext and has no such oracle.
 */
export interface DecryptionError {
  readonly code: 'DECRYPTION_FAILED'
  readonly message: string
}

const FAILED: DecryptionError = Object.freeze({
  code: 'DECRYPTION_FAILED',
  message: 'The encrypted element could not be decrypted with the recipient key.',
})
const failed = (): Result<never, DecryptionError> => err(FAILED)

function findEncryptedKey(wrapper: Element, data: Element): Element | null {
  const keyInfo = childNamed(data, DSIG_NS, 'KeyInfo')
  const inKeyInfo = keyInfo ? childNamed(keyInfo, XENC_NS, 'EncryptedKey') : null
  // Some IdPs place the EncryptedKey beside the EncryptedData and point to it with RetrievalMethod.
  return inKeyInfo ?? childNamed(wrapper, XENC_NS, 'EncryptedKey')
}

function unwrapKey(encryptedKey: Element, privateKey: KeyObject): Result<Buffer, DecryptionError> {
  const method = childNamed(encryptedKey, XENC_NS, 'EncryptionMethod')
  const algorithm = method ? attributeOf(method, 'Algorithm') : null
  // rsa-1_5 is refused: PKCS#1 v1.5 key transport is itself a padding oracle (Bleichenbacher).
  if (algorithm !== KEY_TRANSPORT['rsa-oaep-mgf1p'] && algorithm !== KEY_TRANSPORT['rsa-oaep'])
    return failed()
  const digestElement = method ? childNamed(method, DSIG_NS, 'DigestMethod') : null
  const digestUri = digestElement ? (attributeOf(digestElement, 'Algorithm') ?? SHA1_DIGEST) : SHA1_DIGEST
  const oaepHash = OAEP_DIGESTS[digestUri]
  const mgf = method ? childNamed(method, XENC11_NS, 'MGF') : null
  if (!oaepHash || (mgf && attributeOf(mgf, 'Algorithm') !== 'http://www.w3.org/2009/xmlenc11#mgf1sha1'))
    return failed()
  const cipherData = childNamed(encryptedKey, XENC_NS, 'CipherData')
  const value = cipherData ? childNamed(cipherData, XENC_NS, 'CipherValue') : null
  if (!value) return failed()
  try {
    return ok(
      privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
        Buffer.from(textOf(value).replace(/\s+/g, ''), 'base64'),
      ),
    )
  } catch {
    return failed()
  }
}

function decryptPayload(algorithmUri: string, key: Buffer, payload: Buffer): Result<Buffer, DecryptionError> {
  const spec = Object.values(DATA_ENCRYPTION).find((a) => a.uri === algorithmUri)
  if (!spec || key.length !== spec.keyBytes || payload.length < spec.ivBytes + 16) return failed()
  try {
    const iv = payload.subarray(0, spec.ivBytes)
    if (spec.gcm) {
      const decipher = createDecipheriv(spec.cipher, key, iv) as ReturnType<typeof createDecipheriv> & {
        setAuthTag(tag: Buffer): void
      }
      decipher.setAuthTag(payload.subarray(payload.length - 16))
      return ok(
        Buffer.concat([
          decipher.update(payload.subarray(spec.ivBytes, payload.length - 16)),
          decipher.final(),
        ]),
      )
    }
    // XML Encryption's CBC padding is not PKCS#7 (only the last byte is defined), so strip it by hand.
    const decipher = createDecipheriv(spec.cipher, key, iv)
    decipher.setAutoPadding(false)
    const padded = Buffer.concat([decipher.update(payload.subarray(spec.ivBytes)), decipher.final()])
    const pad = padded[padded.length - 1] ?? 0
    if (pad < 1 || pad > 16) return failed()
    return ok(padded.subarray(0, padded.length - pad))
  } catch {
    return failed()
  }
}

/**
 * Decrypts an `<EncryptedAssertion>`-like wrapper and returns the plaintext element, parsed
 * as its own document with the SAML message limits. Exactly one EncryptedData is allowed.
 * Every failure is the one {@link DecryptionError}.
 */
export function decryptElement(wrapper: Element, privateKey: KeyObject): Result<Element, DecryptionError> {
  const data = childrenNamed(wrapper, XENC_NS, 'EncryptedData')
  if (data.length !== 1) return failed()
  const encryptedData = data[0] as Element
  const type = attributeOf(encryptedData, 'Type')
  if (type !== null && type !== ELEMENT_TYPE) return failed()
  const method = childNamed(encryptedData, XENC_NS, 'EncryptionMethod')
  const encryptedKey = findEncryptedKey(wrapper, encryptedData)
  const cipherData = childNamed(encryptedData, XENC_NS, 'CipherData')
  const value = cipherData ? childNamed(cipherData, XENC_NS, 'CipherValue') : null
  if (!method || !encryptedKey || !value) return failed()
  const key = unwrapKey(encryptedKey, privateKey)
  if (!key.ok) return key
  const plaintext = decryptPayload(
    attributeOf(method, 'Algorithm') ?? '',
    key.value,
    Buffer.from(textOf(value).replace(/\s+/g, ''), 'base64'),
  )
  if (!plaintext.ok) return plaintext
  const parsed = parseXml(plaintext.value.toString('utf8'), SAML_MESSAGE_LIMITS)
  if (!parsed.ok || elementChildren(parsed.value).length !== 1) return failed()
  return ok(parsed.value.documentElement)
}
