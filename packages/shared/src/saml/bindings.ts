// saml/: SAML bindings, metadata reading, URNs, and samlify, kept behind samlify.ts.
import { type KeyObject, sign, verify } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { err, ok, type Result } from '../result'
import { SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from '../xml/signature'

/** Which SAML message a binding carries. */
export type MessageParameter = 'SAMLRequest' | 'SAMLResponse'

/** Why a binding could not be decoded. Each message says what was wrong. */
export interface BindingError {
  readonly code:
    | 'MESSAGE_MISSING'
    | 'MESSAGE_NOT_BASE64'
    | 'MESSAGE_NOT_DEFLATED'
    | 'MESSAGE_TOO_LARGE'
    | 'PARAMETER_REPEATED'
    | 'RELAY_STATE_TOO_LONG'
    | 'SIGNATURE_ALGORITHM_UNSUPPORTED'
    | 'SIGNATURE_INVALID'
  readonly message: string
}

/** Size limits for binding payloads; every one is enforced before XML parsing. */
export const BINDING_LIMITS = {
  /** Encoded parameter length (POST body field or query value). */
  maxEncodedBytes: 512 * 1024,
  /** Decoded (inflated) XML size: a deflate bomb stops here. */
  maxXmlBytes: 256 * 1024,
  /** RelayState is "no more than 80 bytes" (SAML Bindings §3.4.3); a little slack for real IdPs. */
  maxRelayStateBytes: 1024,
} as const

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function tooLarge(what: string, limit: number): Result<never, BindingError> {
  return err({ code: 'MESSAGE_TOO_LARGE', message: `${what} exceeds ${limit} bytes.` })
}

function decodeBase64(value: string): Result<Buffer, BindingError> {
  const compact = value.replace(/[\r\n\t ]/g, '')
  if (compact.length === 0 || compact.length % 4 === 1 || !BASE64.test(compact)) {
    return err({ code: 'MESSAGE_NOT_BASE64', message: 'The SAML message is not valid base64.' })
  }
  return ok(Buffer.from(compact, 'base64'))
}

/** HTTP-POST binding: base64-decodes a SAMLRequest/SAMLResponse form field to XML, size-checked. */
export function decodePostBinding(value: string | undefined): Result<string, BindingError> {
  if (value === undefined || value.length === 0) {
    return err({ code: 'MESSAGE_MISSING', message: 'No SAMLRequest or SAMLResponse was posted.' })
  }
  if (value.length > BINDING_LIMITS.maxEncodedBytes) {
    return tooLarge('The SAML message', BINDING_LIMITS.maxEncodedBytes)
  }
  const bytes = decodeBase64(value)
  if (!bytes.ok) return bytes
  if (bytes.value.length > BINDING_LIMITS.maxXmlBytes) {
    return tooLarge('The SAML message', BINDING_LIMITS.maxXmlBytes)
  }
  return ok(bytes.value.toString('utf8'))
}

/** HTTP-POST binding: the base64 form value of an XML message. */
export function encodePostBinding(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64')
}

/** A Redirect-binding signature as received: checked against the raw query octets. */
export interface RedirectSignature {
  readonly sigAlg: string
  readonly signature: Buffer
  /** `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as received (SAML Bindings §3.4.4.1). */
  readonly signedOctets: string
}

/** A decoded Redirect-binding message. */
export interface RedirectMessage {
  readonly parameter: MessageParameter
  readonly xml: string
  readonly relayState: string | undefined
  readonly signature: RedirectSignature | undefined
}

function rawParameters(rawQuery: string): Result<Map<string, string>, BindingError> {
  const raw = new Map<string, string>()
  for (const pair of rawQuery.replace(/^\?/, '').split('&')) {
    if (pair.length === 0) continue
    const eq = pair.indexOf('=')
    const name = eq < 0 ? pair : pair.slice(0, eq)
    if (raw.has(name)) {
      return err({ code: 'PARAMETER_REPEATED', message: `The query string repeats the ${name} parameter.` })
    }
    raw.set(name, eq < 0 ? '' : pair.slice(eq + 1))
  }
  return ok(raw)
}

function urlDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '))
}

/**
 * HTTP-Redirect binding: reads SAMLRequest or SAMLResponse, RelayState and the signature from
 * the raw query string (never a re-encoded copy, so the signature can be checked over the
 * octets as sent), then inflates with a hard output limit against deflate bombs.
 */
export function decodeRedirectBinding(rawQuery: string): Result<RedirectMessage, BindingError> {
  if (rawQuery.length > BINDING_LIMITS.maxEncodedBytes) {
    return tooLarge('The query string', BINDING_LIMITS.maxEncodedBytes)
  }
  const params = rawParameters(rawQuery)
  if (!params.ok) return params
  const raw = params.value
  const parameter: MessageParameter | null = raw.has('SAMLRequest')
    ? 'SAMLRequest'
    : raw.has('SAMLResponse')
      ? 'SAMLResponse'
      : null
  if (!parameter || raw.get(parameter) === '') {
    return err({
      code: 'MESSAGE_MISSING',
      message: 'SAMLRequest or SAMLResponse must be present in the query string.',
    })
  }
  let encoded: string
  let relayState: string | undefined
  try {
    encoded = urlDecode(raw.get(parameter) ?? '')
    relayState = raw.has('RelayState') ? urlDecode(raw.get('RelayState') ?? '') : undefined
  } catch {
    return err({ code: 'MESSAGE_NOT_BASE64', message: 'The query string is not correctly URL-encoded.' })
  }
  if (relayState !== undefined && Buffer.byteLength(relayState) > BINDING_LIMITS.maxRelayStateBytes) {
    return err({
      code: 'RELAY_STATE_TOO_LONG',
      message: `RelayState exceeds ${BINDING_LIMITS.maxRelayStateBytes} bytes.`,
    })
  }
  const compressed = decodeBase64(encoded)
  if (!compressed.ok) return compressed
  let xml: Buffer
  try {
    xml = inflateRawSync(compressed.value, { maxOutputLength: BINDING_LIMITS.maxXmlBytes })
  } catch (error) {
    const inflatedTooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    return inflatedTooLarge
      ? tooLarge('The inflated SAML message', BINDING_LIMITS.maxXmlBytes)
      : err({
          code: 'MESSAGE_NOT_DEFLATED',
          message: 'The SAML message is not DEFLATE-compressed as the Redirect binding requires.',
        })
  }
  let signature: RedirectSignature | undefined
  if (raw.has('Signature') || raw.has('SigAlg')) {
    let sigAlg: string
    let value: Buffer | null
    try {
      sigAlg = urlDecode(raw.get('SigAlg') ?? '')
      const decoded = decodeBase64(urlDecode(raw.get('Signature') ?? ''))
      value = decoded.ok ? decoded.value : null
    } catch {
      value = null
      sigAlg = ''
    }
    if (!value)
      return err({ code: 'SIGNATURE_INVALID', message: 'The Signature parameter is not valid base64.' })
    const signedOctets = [parameter, 'RelayState', 'SigAlg']
      .filter((name) => raw.has(name))
      .map((name) => `${name}=${raw.get(name)}`)
      .join('&')
    signature = { sigAlg, signature: value, signedOctets }
  }
  return ok({ parameter, xml: xml.toString('utf8'), relayState, signature })
}

/**
 * Checks a Redirect-binding signature over the received octets with one of `keys`.
 * RSA-SHA1 is refused unless `allowSha1`; an unknown SigAlg never falls back to a default.
 */
export function verifyRedirectSignature(
  signature: RedirectSignature,
  keys: readonly KeyObject[],
  allowSha1: boolean,
): Result<SignatureAlgorithm, BindingError> {
  const entry = Object.entries(SIGNATURE_ALGORITHMS).find(([, a]) => a.uri === signature.sigAlg)
  if (!entry || (entry[1].hash === 'sha1' && !allowSha1)) {
    return err({
      code: 'SIGNATURE_ALGORITHM_UNSUPPORTED',
      message: `SigAlg ${signature.sigAlg || '(none)'} is not accepted; sign with ${SIGNATURE_ALGORITHMS['rsa-sha256'].uri}.`,
    })
  }
  const data = Buffer.from(signature.signedOctets, 'utf8')
  if (!keys.some((key) => verify(entry[1].hash, data, key, signature.signature))) {
    return err({
      code: 'SIGNATURE_INVALID',
      message: 'The Redirect-binding signature does not verify with any registered certificate.',
    })
  }
  return ok(entry[0] as SignatureAlgorithm)
}

/** What to put in a Redirect-binding URL. */
export interface RedirectEncoding {
  readonly parameter: MessageParameter
  readonly xml: string
  readonly relayState?: string | undefined
  readonly signing?: { readonly privateKey: KeyObject; readonly algorithm: SignatureAlgorithm } | undefined
}

/** HTTP-Redirect binding: builds the query string (without `?`), signed when `signing` is given. */
export function encodeRedirectBinding(message: RedirectEncoding): string {
  const parts = [
    `${message.parameter}=${encodeURIComponent(deflateRawSync(Buffer.from(message.xml, 'utf8')).toString('base64'))}`,
  ]
  if (message.relayState !== undefined) parts.push(`RelayState=${encodeURIComponent(message.relayState)}`)
  if (message.signing) {
    const algorithm = SIGNATURE_ALGORITHMS[message.signing.algorithm]
    parts.push(`SigAlg=${encodeURIComponent(algorithm.uri)}`)
    const value = sign(algorithm.hash, Buffer.from(parts.join('&'), 'utf8'), message.signing.privateKey)
    parts.push(`Signature=${encodeURIComponent(value.toString('base64'))}`)
  }
  return parts.join('&')
}
