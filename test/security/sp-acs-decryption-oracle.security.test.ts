import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto'
import { descendantsNamed, XENC_NS } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectAcsSuccess, readAnswer } from './corpus/acs-kit'
import { createSandbox, type Intercepted, type Sandbox } from './corpus/sandbox'
import { first, parseCorpusXml, setText, toXml } from './corpus/xml-kit'

/**
 * The ACS as a decryption oracle. AES-CBC is malleable: with one captured EncryptedData an
 * attacker edits ciphertext bytes and learns the plaintext from how the answers differ (bad
 * padding, empty or non-XML plaintext, an Assertion that does not verify). Every such probe must
 * get the same answer; and nothing is decrypted before the checks that need no decryption
 * (Destination, Issuer, InResponseTo, the Response signature) have passed.
 */
type Method = 'aes256-cbc' | 'aes128-cbc' | 'aes256-gcm' | 'aes128-gcm'
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await createSandbox()
})

async function interceptEncrypted(
  method: Method,
  signingOption: 'assertion' | 'both' = 'assertion',
): Promise<Intercepted> {
  const config = sandbox.idp.idp.services.samlConfig
  const set = await config.setEncryption(sandbox.idp.spId, {
    enabled: true,
    certificatePem: sandbox.sp.store.read().encryptionCertificate.certificatePem,
    method,
  })
  if (!set.ok) throw new Error(set.error.message)
  if (signingOption !== 'assertion') await config.setSigningOptions(sandbox.idp.spId, { signingOption })
  try {
    return await sandbox.intercept()
  } finally {
    await config.setEncryption(sandbox.idp.spId, { enabled: false })
    await config.setSigningOptions(sandbox.idp.spId, { signingOption: 'assertion' })
  }
}

/** The parts of a captured Response's EncryptedData an attacker edits. */
function partsOf(xml: string) {
  const doc = parseCorpusXml(xml)
  const data = first(doc, 'EncryptedData', XENC_NS)
  const values = descendantsNamed(data, XENC_NS, 'CipherValue')
  return {
    doc,
    wrappedKey: values[0] as Element,
    payload: values[values.length - 1] as Element,
    keyMethod: first(first(data, 'EncryptedKey', XENC_NS), 'EncryptionMethod', XENC_NS),
  }
}

/** The captured Response with its payload (IV + ciphertext) replaced. */
function withPayload(xml: string, payload: Buffer): string {
  const parts = partsOf(xml)
  setText(parts.payload, payload.toString('base64'))
  return toXml(parts.doc)
}

/** The content key, unwrapped with the SP's private key: only the test knows it, to craft outcomes. */
function contentKeyOf(xml: string): Buffer {
  const spKey = createPrivateKey(sandbox.sp.store.read().encryptionCertificate.privateKeyPem)
  return privateDecrypt(
    { key: spKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(partsOf(xml).wrappedKey.textContent ?? '', 'base64'),
  )
}

/** AES-CBC with XML Encryption's padding: what decrypts, under the captured key, to `plaintext`. */
function cbcPayload(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(16)
  const pad = 16 - (plaintext.length % 16)
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, iv)
  cipher.setAutoPadding(false)
  return Buffer.concat([
    iv,
    cipher.update(Buffer.concat([plaintext, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ])
}

interface Answer {
  readonly status: number
  readonly body: string
  readonly headers: string
  readonly logged: string
}

/** What an attacker observes, with the per-response CSP nonce and the sign-in's request ID normalized. */
async function observe(intercepted: Intercepted, xml: string): Promise<Answer> {
  const response = await sandbox.postToAcs(intercepted.browser, xml)
  const normalize = (text: string) =>
    text
      .split(intercepted.requestId)
      .join('REQUEST-ID')
      .replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce-N')
      .replace(/nonce="[^"]*"/g, 'nonce="N"')
  const headers = [...response.headers.entries()]
    .filter(([name]) => name !== 'date')
    .map(([name, value]) => `${name}: ${normalize(value)}`)
    .join('\n')
  const body = normalize(await response.text())
  const attempt = sandbox.sp.memory.attempts().at(-1)
  return {
    status: response.status,
    body,
    headers,
    logged: `${attempt?.outcome} ${attempt?.code} ${attempt?.message} ${attempt?.user}`,
  }
}

describe('every decryption failure at the ACS gets one indistinguishable answer', () => {
  it('answers the padding-oracle probe sequence and every crafted plaintext identically, then accepts the genuine Response', async () => {
    const intercepted = await interceptEncrypted('aes256-cbc')
    const genuine = intercepted.responseXml
    const original = Buffer.from(partsOf(genuine).payload.textContent ?? '', 'base64')
    const key = contentKeyOf(genuine)
    const probes: Array<[string, string]> = []
    // The attack's probes: the block before the last sets the last block's plaintext, padding
    // byte included. Its last byte through every value (Vaudenay's probe), then every byte of it
    // flipped. (The last block itself is left alone: a changed last block can, 1 time in 4 096,
    // decrypt to the genuine plaintext again, which is rightly accepted.)
    const penultimate = original.length - 32
    for (let value = 0; value < 256; value += 1) {
      if (value === original[penultimate + 15]) continue
      const probe = Buffer.from(original)
      probe[penultimate + 15] = value
      probes.push([`penultimate block byte 15 = ${value}`, withPayload(genuine, probe)])
    }
    for (let at = penultimate; at < penultimate + 16; at += 1) {
      const probe = Buffer.from(original)
      probe[at] = (probe[at] ?? 0) ^ 0x01
      probes.push([`bit flip at byte ${at}`, withPayload(genuine, probe)])
    }
    probes.push(['last block dropped', withPayload(genuine, original.subarray(0, original.length - 16))])
    // What a malleable ciphertext can make the plaintext be, crafted here with the known key.
    const assertionXml = decryptedAssertion(genuine, key)
    expect(assertionXml).toMatch(/^<Assertion [\s\S]*<Signature[\s\S]*<\/Assertion>$/)
    const crafted: Array<[string, string]> = [
      ['empty plaintext', ''],
      ['non-XML plaintext', 'this is not XML at all'],
      ['XML that is not an Assertion', '<x xmlns="urn:x"/>'],
      ['two elements', '<a/><b/>'],
      ['a DOCTYPE', `<!DOCTYPE x>${assertionXml}`],
      ['the Assertion, signature removed', assertionXml.replace(/<Signature[\s\S]*<\/Signature>/, '')],
      [
        'the Assertion, one signed byte changed',
        assertionXml.replace('urn:oasis:names:tc:SAML:2.0:ac', 'urn:oasis:names:tc:SAML:2.0:aX'),
      ],
    ]
    for (const [name, plaintext] of crafted)
      probes.push([name, withPayload(genuine, cbcPayload(key, Buffer.from(plaintext, 'utf8')))])
    // Wrong key, bad key transport, refused algorithms.
    const spPublic = createPublicKey(sandbox.sp.store.read().encryptionCertificate.certificatePem)
    const other = partsOf(genuine)
    setText(
      other.wrappedKey,
      publicEncrypt(
        { key: spPublic, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        randomBytes(32),
      ).toString('base64'),
    )
    probes.push(['another content key', toXml(other.doc)])
    const garbled = partsOf(genuine)
    setText(garbled.wrappedKey, randomBytes(256).toString('base64'))
    probes.push(['wrapped key garbled', toXml(garbled.doc)])
    const pkcs1 = partsOf(genuine)
    pkcs1.keyMethod.setAttributeNS(null, 'Algorithm', 'http://www.w3.org/2001/04/xmlenc#rsa-1_5')
    while (pkcs1.keyMethod.firstChild) pkcs1.keyMethod.removeChild(pkcs1.keyMethod.firstChild)
    setText(
      pkcs1.wrappedKey,
      publicEncrypt({ key: spPublic, padding: constants.RSA_PKCS1_PADDING }, key).toString('base64'),
    )
    probes.push(['rsa-1_5 key transport', toXml(pkcs1.doc)])
    probes.push([
      'content algorithm switched to GCM',
      genuine.replace(
        'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
        'http://www.w3.org/2009/xmlenc11#aes256-gcm',
      ),
    ])

    const answers = new Map<string, string[]>()
    let reference: Answer | null = null
    for (const [name, xml] of probes) {
      const answer = await observe(intercepted, xml)
      reference ??= answer
      const observed = JSON.stringify(answer)
      answers.set(observed, [...(answers.get(observed) ?? []), name])
    }
    expect(probes.length).toBeGreaterThan(280)
    // One answer for all of them (else: the first probes of each distinct answer).
    expect([...answers.values()].map((names) => names.slice(0, 3))).toHaveLength(1)
    expect(reference?.status).toBe(403)
    expect(reference?.body).toContain('Error code: <code>SSO_DECRYPTION_FAILED</code>')
    expect(reference?.logged).toMatch(/^failure SSO_DECRYPTION_FAILED /)
    expect(reference?.headers).not.toMatch(/set-cookie/i)
    // The refusals consumed nothing: the genuine Response still signs in.
    await expectAcsSuccess(sandbox, intercepted, genuine)
  })

  it('answers a tampered GCM ciphertext and tag exactly as a CBC padding failure', async () => {
    const cbc = await interceptEncrypted('aes256-cbc')
    const cbcPayloadBytes = Buffer.from(partsOf(cbc.responseXml).payload.textContent ?? '', 'base64')
    cbcPayloadBytes[cbcPayloadBytes.length - 17] = (cbcPayloadBytes[cbcPayloadBytes.length - 17] ?? 0) ^ 0x40
    const cbcAnswer = await observe(cbc, withPayload(cbc.responseXml, cbcPayloadBytes))
    const gcm = await interceptEncrypted('aes256-gcm')
    const gcmBytes = Buffer.from(partsOf(gcm.responseXml).payload.textContent ?? '', 'base64')
    gcmBytes[gcmBytes.length - 1] = (gcmBytes[gcmBytes.length - 1] ?? 0) ^ 0x01
    expect(await observe(gcm, withPayload(gcm.responseXml, gcmBytes))).toEqual(cbcAnswer)
  })
})

/** The signed Assertion inside a captured Response, decrypted with the content key. */
function decryptedAssertion(xml: string, key: Buffer): string {
  const payload = Buffer.from(partsOf(xml).payload.textContent ?? '', 'base64')
  const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, payload.subarray(0, 16))
  decipher.setAutoPadding(false)
  const padded = Buffer.concat([decipher.update(payload.subarray(16)), decipher.final()])
  return padded.subarray(0, padded.length - (padded[padded.length - 1] ?? 0)).toString('utf8')
}

describe('Test SSO Connection with an assertion Webex cannot decrypt', () => {
  it('records the one refusal and asks samlify nothing, whose errors would tell more', async () => {
    const config = sandbox.idp.idp.services.samlConfig
    await config.setEncryption(sandbox.idp.spId, {
      enabled: true,
      certificatePem: sandbox.sp.store.read().encryptionCertificate.certificatePem,
      method: 'aes256-cbc',
    })
    try {
      await sandbox.importIdpMetadata()
      const test = (await (await sandbox.sp.api('POST', '/api/v1/sso/test')).json()) as { url: string }
      const intercepted = await sandbox.intercept({ startUrl: test.url })
      const payload = Buffer.from(partsOf(intercepted.responseXml).payload.textContent ?? '', 'base64')
      payload[payload.length - 17] = (payload[payload.length - 17] ?? 0) ^ 0x40
      const page = await readAnswer(
        await sandbox.postToAcs(intercepted.browser, withPayload(intercepted.responseXml, payload)),
      )
      expect(page.status).toBe(200)
      const result = await (await sandbox.sp.api('GET', '/api/v1/sso/test/result')).json()
      expect(result).toMatchObject({ status: 'failed', code: 'SSO_DECRYPTION_FAILED', samlifyAgrees: null })
      expect(page.text).toContain('samlify was not asked')
    } finally {
      await config.setEncryption(sandbox.idp.spId, { enabled: false })
      await sandbox.reimportIdpMetadata()
    }
  })
})

describe('nothing is decrypted before the checks that need no decryption', () => {
  const undecryptable = (xml: string) => {
    const parts = partsOf(xml)
    setText(parts.payload, randomBytes(96).toString('base64'))
    return toXml(parts.doc)
  }

  it.each([
    [
      'a Destination other than the ACS',
      'SSO_DESTINATION_MISMATCH',
      (doc: Document) =>
        doc.documentElement.setAttributeNS(null, 'Destination', 'https://elsewhere.example/acs'),
    ],
    [
      'another Response Issuer',
      'SSO_UNTRUSTED_ISSUER',
      (doc: Document) => setText(first(doc, 'Issuer'), 'https://sts.windows.net/attacker/'),
    ],
    [
      'an InResponseTo no browser is waiting for',
      'SSO_INRESPONSETO_MISMATCH',
      (doc: Document) => doc.documentElement.setAttributeNS(null, 'InResponseTo', '_not-a-request'),
    ],
  ] as const)('refuses %s with its own code before decrypting', async (_name, code, change) => {
    const intercepted = await interceptEncrypted('aes256-cbc')
    const doc = parseCorpusXml(undecryptable(intercepted.responseXml))
    change(doc)
    const answer = await readAnswer(
      await sandbox.postToAcs(intercepted.browser, toXml(parseCorpusXml(toXml(doc)))),
    )
    expect(answer.status).toBe(403)
    expect(answer.text).toContain(`Error code: ${code}`)
    expect(answer.text).not.toContain('Decryption')
  })

  it('refuses the Response of another browser before decrypting', async () => {
    const intercepted = await interceptEncrypted('aes256-cbc')
    const stranger = sandbox.browser()
    await stranger.open(`${sandbox.sp.url}/`)
    const answer = await readAnswer(await sandbox.postToAcs(stranger, undecryptable(intercepted.responseXml)))
    expect(answer.text).toContain('Error code: SSO_INRESPONSETO_MISMATCH')
    expect(answer.text).not.toContain('Decryption')
  })

  it('refuses a signed Response whose signature fails before decrypting', async () => {
    const intercepted = await interceptEncrypted('aes256-cbc', 'both')
    const answer = await readAnswer(
      await sandbox.postToAcs(intercepted.browser, undecryptable(intercepted.responseXml)),
    )
    expect(answer.text).toContain('Error code: SSO_INVALID_SIGNATURE')
    expect(answer.text).not.toContain('Decryption')
  })
})

describe('AES-GCM and AES-CBC token encryption, IdP to ACS', () => {
  it.each(['aes128-gcm', 'aes256-gcm', 'aes128-cbc', 'aes256-cbc'] as const)(
    'signs in with an assertion the IdP encrypted with %s',
    async (method) => {
      const intercepted = await interceptEncrypted(method)
      const algorithm = first(partsOf(intercepted.responseXml).doc, 'EncryptionMethod', XENC_NS).getAttribute(
        'Algorithm',
      )
      expect(algorithm).toMatch(new RegExp(`#${method}$`))
      await expectAcsSuccess(sandbox, intercepted, intercepted.responseXml)
    },
  )
})
