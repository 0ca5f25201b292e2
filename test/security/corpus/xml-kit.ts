import { createHash, type KeyObject, sign } from 'node:crypto'
import {
  canonicalize,
  childNamed,
  DSIG_NS,
  descendantsNamed,
  NS,
  parseXml,
  type SignatureAlgorithm,
  serializeXml,
  signEnveloped,
} from '@sandbox/shared'

/** Generous limits: the corpus parses its own, trusted, mutants. */
const CORPUS_LIMITS = { maxBytes: 16 * 1024 * 1024, maxDepth: 100_000 }

/** Parses a document the corpus built (throws: a corpus bug, not an input to judge). */
export function parseCorpusXml(xml: string): Document {
  const parsed = parseXml(xml, CORPUS_LIMITS)
  if (!parsed.ok) throw new Error(`corpus XML does not parse: ${parsed.error.message}`)
  return parsed.value
}

export const toXml = serializeXml

/** The Response's (first, document-order) Assertion. */
export function assertionOf(doc: Document): Element {
  const assertion = descendantsNamed(doc, NS.assertion, 'Assertion')[0]
  if (!assertion) throw new Error('the Response has no Assertion')
  return assertion
}

/** The direct-child ds:Signature of `element`, or null. */
export function signatureOf(element: Element): Element | null {
  return childNamed(element, DSIG_NS, 'Signature')
}

/** The first descendant with this SAML assertion-namespace name (throws when absent). */
export function first(root: Node, localName: string, namespace: string = NS.assertion): Element {
  const found = descendantsNamed(root, namespace, localName)[0]
  if (!found) throw new Error(`no ${localName} in the corpus document`)
  return found
}

/** Replaces the text content of `element`. */
export function setText(element: Element, value: string): void {
  while (element.firstChild) element.removeChild(element.firstChild)
  // No empty text node: a parser never makes one, and xml-crypto's c14n cannot handle it.
  if (value !== '') element.appendChild(element.ownerDocument.createTextNode(value))
}

/** Removes `node` from its parent. */
export function detach(node: Node): void {
  node.parentNode?.removeChild(node)
}

/** Removes the existing signature of `element` and signs it again with `key` (KeyInfo per `certificates`). */
export function resign(
  element: Element,
  key: { privateKey: KeyObject; certificatesBase64: readonly string[] },
  algorithm: SignatureAlgorithm = 'rsa-sha256',
): void {
  const old = signatureOf(element)
  if (old) detach(old)
  signEnveloped(element, childNamed(element, NS.assertion, 'Issuer'), key, algorithm)
}

/**
 * Recomputes the SignatureValue over the (possibly edited) SignedInfo with `privateKey`, so a
 * profile-violating signature is otherwise cryptographically valid: the test then proves the
 * profile check, not the crypto, refused it.
 */
export function resignSignedInfo(signature: Element, privateKey: KeyObject, hash = 'sha256'): void {
  const info = childNamed(signature, DSIG_NS, 'SignedInfo') as Element
  const value = childNamed(signature, DSIG_NS, 'SignatureValue') as Element
  setText(value, sign(hash, Buffer.from(canonicalize(info), 'utf8'), privateKey).toString('base64'))
}

/** Recomputes the Reference's DigestValue of `element` with `hash` (after a DigestMethod change). */
export function redigest(element: Element, hash: string): void {
  const signature = signatureOf(element) as Element
  const digest = createHash(hash)
    .update(canonicalize(element, [], signature))
    .digest('base64')
  setText(first(signature, 'DigestValue', DSIG_NS), digest)
}
