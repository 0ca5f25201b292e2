import { createHash, type KeyObject, sign } from 'node:crypto'
import { canonicalize, EXC_C14N } from './c14n'
import { childNamed } from './dom'
import { parseXml } from './parse'

/** The XML Signature namespace. */
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#'
/** The enveloped-signature transform. */
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'

/** Signature algorithms by short name (what the admin center offers: SHA-256 default, SHA-1). */
export const SIGNATURE_ALGORITHMS = {
  'rsa-sha256': { uri: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', hash: 'sha256' },
  'rsa-sha384': { uri: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384', hash: 'sha384' },
  'rsa-sha512': { uri: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512', hash: 'sha512' },
  'rsa-sha1': { uri: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', hash: 'sha1' },
} as const
export type SignatureAlgorithm = keyof typeof SIGNATURE_ALGORITHMS

/** Digest algorithm URIs and their node:crypto hash names. */
export const DIGEST_ALGORITHMS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
}
const DIGEST_URI_FOR_HASH: Record<string, string> = Object.fromEntries(
  Object.entries(DIGEST_ALGORITHMS).map(([uri, hash]) => [hash, uri]),
)
/** The node:crypto hash of each signature algorithm URI. */
export const SIGNATURE_HASH_FOR_URI: Record<string, string> = Object.fromEntries(
  Object.values(SIGNATURE_ALGORITHMS).map((a) => [a.uri, a.hash]),
)

/** A private key with the certificate(s) to put in KeyInfo (the signing cert first). */
export interface SigningKey {
  readonly privateKey: KeyObject
  /** Base64 DER of each certificate for `<X509Certificate>`; empty to omit KeyInfo. */
  readonly certificatesBase64: readonly string[]
}

/**
 * Signs `element` with an enveloped signature in Entra's shape: exc-c14n, one Reference to
 * `#ID`, transforms enveloped + exc-c14n, KeyInfo/X509Data only. The `<Signature>` is inserted
 * right after `insertAfter` (the Issuer, per SAML's schema), or as the first child when
 * `insertAfter` is null (metadata's EntityDescriptor), and declares the dsig namespace as its
 * default, unprefixed, as Entra does.
 */
export function signEnveloped(
  element: Element,
  insertAfter: Element | null,
  key: SigningKey,
  algorithm: SignatureAlgorithm,
): void {
  const { uri, hash } = SIGNATURE_ALGORITHMS[algorithm]
  const id = element.getAttribute('ID')
  const digest = createHash(hash).update(canonicalize(element)).digest('base64')
  const keyInfo =
    key.certificatesBase64.length === 0
      ? ''
      : `<KeyInfo><X509Data>${key.certificatesBase64.map((c) => `<X509Certificate>${c}</X509Certificate>`).join('')}</X509Data></KeyInfo>`
  const signatureXml =
    `<Signature xmlns="${DSIG_NS}"><SignedInfo><CanonicalizationMethod Algorithm="${EXC_C14N}"/>` +
    `<SignatureMethod Algorithm="${uri}"/><Reference URI="#${id}"><Transforms>` +
    `<Transform Algorithm="${ENVELOPED}"/><Transform Algorithm="${EXC_C14N}"/></Transforms>` +
    `<DigestMethod Algorithm="${DIGEST_URI_FOR_HASH[hash]}"/><DigestValue>${digest}</DigestValue></Reference>` +
    `</SignedInfo><SignatureValue></SignatureValue>${keyInfo}</Signature>`
  const parsed = parseXml(signatureXml, { maxBytes: 64 * 1024, maxDepth: 8 })
  if (!parsed.ok) throw new Error(`internal: signature template did not parse: ${parsed.error.message}`)
  const signature = element.ownerDocument.importNode(parsed.value.documentElement, true) as Element
  element.insertBefore(signature, insertAfter ? insertAfter.nextSibling : element.firstChild)
  const signedInfo = childNamed(signature, DSIG_NS, 'SignedInfo') as Element
  const value = sign(hash, Buffer.from(canonicalize(signedInfo), 'utf8'), key.privateKey).toString('base64')
  const valueElement = childNamed(signature, DSIG_NS, 'SignatureValue') as Element
  valueElement.appendChild(element.ownerDocument.createTextNode(value))
}
