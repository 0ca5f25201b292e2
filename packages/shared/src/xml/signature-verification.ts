// Verifying enveloped XML signatures under the profile OpenSAML holds SAML signatures to; signing
// and the algorithm tables are in signature.ts.
import { createHash, type KeyObject, verify, X509Certificate } from 'node:crypto'
import { err, ok, type Result } from '../result'
import { canonicalize, EXC_C14N } from './c14n'
import { attributeOf, childNamed, elementChildren, forEachElement, textOf } from './dom'
import { DIGEST_ALGORITHMS, DSIG_NS, ENVELOPED, SIGNATURE_HASH_FOR_URI } from './signature'

/** A certificate the verifier may accept signatures from (from metadata or configuration). */
export interface TrustedCertificate {
  readonly der: Buffer
  /** Parsed once, when the trust is configured, not per message. */
  readonly publicKey: KeyObject
}

/** Prepares a certificate for verification (parses its key once). Throws on bytes that are not a certificate. */
export function trustCertificate(der: Buffer): TrustedCertificate {
  return { der, publicKey: new X509Certificate(der).publicKey }
}

/** Which algorithms a verifier accepts. SHA-1 is refused unless explicitly allowed. */
export interface VerifyPolicy {
  readonly trusted: readonly TrustedCertificate[]
  readonly allowSha1: boolean
}

/** What a successful verification established. */
export interface VerifiedSignature {
  readonly signatureAlgorithm: string
  readonly digestAlgorithm: string
  /** The trusted certificate whose key verified the signature. */
  readonly certificate: TrustedCertificate
}

/**
 * Signature failures, each one check of the signature profile OpenSAML holds SAML signatures to
 * (SAML Core §5.4): one enveloped signature over the element by ID, exclusive c14n, no other
 * transforms, SHA-256, a certificate the verifier trusts.
 */
export type SignatureErrorCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_PROFILE'
  | 'DEPRECATED_ALGORITHM'
  | 'UNSUPPORTED_ALGORITHM'
  | 'CERTIFICATE_NOT_TRUSTED'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'

export interface SignatureError {
  readonly code: SignatureErrorCode
  readonly message: string
}

function profileError(message: string): Result<never, SignatureError> {
  return err({ code: 'SIGNATURE_PROFILE', message })
}

/**
 * The hash of a signature or digest algorithm URI, if the sandbox supports it and the policy
 * allows it: SHA-1 only where the policy says so.
 */
function hashAllowedFor(
  what: 'signature' | 'digest',
  uri: string,
  policy: { readonly allowSha1: boolean },
): Result<string, SignatureError> {
  const hash = (what === 'signature' ? SIGNATURE_HASH_FOR_URI : DIGEST_ALGORITHMS)[uri]
  if (!hash) {
    const name = what === 'signature' ? 'Signature' : 'Digest'
    return err({
      code: 'UNSUPPORTED_ALGORITHM',
      message: `${name} algorithm ${uri || '(none)'} is not supported.`,
    })
  }
  if (hash === 'sha1' && !policy.allowSha1) {
    return err({
      code: 'DEPRECATED_ALGORITHM',
      message:
        what === 'signature'
          ? 'The signature uses RSA-SHA1, which is refused; sign with SHA-256 (or allow SHA-1 explicitly).'
          : 'The digest uses SHA-1, which is refused; use SHA-256.',
    })
  }
  return ok(hash)
}

const ALLOWED_SIGNATURE_CHILDREN = new Set(['SignedInfo', 'SignatureValue', 'KeyInfo'])

/** Counts elements of the whole document whose ID-typed attribute equals `id`. */
function countElementsWithId(doc: Document, id: string): number {
  let count = 0
  forEachElement(doc.documentElement, (e) => {
    if (e.getAttribute('ID') === id || e.getAttribute('AssertionID') === id || e.getAttribute('Id') === id)
      count += 1
  })
  return count
}

function parseSignedInfo(signature: Element, policy: VerifyPolicy) {
  const children = elementChildren(signature)
  if (children.some((c) => c.namespaceURI !== DSIG_NS || !ALLOWED_SIGNATURE_CHILDREN.has(c.localName))) {
    return profileError(
      'The Signature contains an element other than SignedInfo, SignatureValue and KeyInfo (ds:Object is not allowed).',
    )
  }
  const signedInfo = children.filter((c) => c.localName === 'SignedInfo')
  const values = children.filter((c) => c.localName === 'SignatureValue')
  if (
    signedInfo.length !== 1 ||
    values.length !== 1 ||
    children.filter((c) => c.localName === 'KeyInfo').length > 1
  ) {
    return profileError('The Signature must have exactly one SignedInfo and one SignatureValue.')
  }
  const info = signedInfo[0] as Element
  const infoChildren = elementChildren(info)
  const c14n = infoChildren.filter((c) => c.localName === 'CanonicalizationMethod')
  const method = infoChildren.filter((c) => c.localName === 'SignatureMethod')
  const references = infoChildren.filter((c) => c.localName === 'Reference')
  if (c14n.length !== 1 || method.length !== 1 || references.length !== 1 || infoChildren.length !== 3) {
    return profileError(
      'SignedInfo must hold exactly one CanonicalizationMethod, one SignatureMethod and one Reference.',
    )
  }
  if (attributeOf(c14n[0] as Element, 'Algorithm') !== EXC_C14N) {
    return profileError(`Canonicalization must be exclusive c14n without comments (${EXC_C14N}).`)
  }
  const infoPrefixes = inclusivePrefixesOf(c14n[0] as Element)
  const signatureUri = attributeOf(method[0] as Element, 'Algorithm') ?? ''
  const signatureHash = hashAllowedFor('signature', signatureUri, policy)
  if (!signatureHash.ok) return signatureHash
  return ok({
    info,
    infoPrefixes,
    value: values[0] as Element,
    reference: references[0] as Element,
    signatureUri,
    signatureHash: signatureHash.value,
  })
}

function inclusivePrefixesOf(c14nElement: Element): string[] {
  const inclusive = elementChildren(c14nElement).find((c) => c.localName === 'InclusiveNamespaces')
  return (inclusive?.getAttribute('PrefixList') ?? '').split(/\s+/).filter((p) => p.length > 0)
}

function parseReference(reference: Element, element: Element, policy: VerifyPolicy) {
  const id = element.getAttribute('ID')
  const uri = attributeOf(reference, 'URI')
  if (!id || uri !== `#${id}`) {
    return profileError(
      `The signature's Reference (${uri ?? 'none'}) must point at the signed element's own ID (#${id ?? ''}).`,
    )
  }
  if (countElementsWithId(element.ownerDocument, id) !== 1) {
    return profileError(`The ID ${id} appears on more than one element; a signed ID must be unique.`)
  }
  const parts = elementChildren(reference)
  const transformsElement = parts.find((p) => p.localName === 'Transforms')
  const digestMethod = parts.find((p) => p.localName === 'DigestMethod')
  const digestValue = parts.find((p) => p.localName === 'DigestValue')
  if (!digestMethod || !digestValue || parts.length > 3) {
    return profileError('The Reference must hold Transforms, DigestMethod and DigestValue only.')
  }
  const transforms = transformsElement ? elementChildren(transformsElement) : []
  const algorithms = transforms.map((t) => attributeOf(t, 'Algorithm'))
  if (
    transforms.length > 2 ||
    !algorithms.includes(ENVELOPED) ||
    algorithms.some((a) => a !== ENVELOPED && a !== EXC_C14N) ||
    transforms.some((t) => t.localName !== 'Transform')
  ) {
    return profileError(
      'Only the enveloped-signature and exclusive c14n transforms are allowed, enveloped being required.',
    )
  }
  const c14nTransform = transforms.find((t) => attributeOf(t, 'Algorithm') === EXC_C14N)
  const prefixes = c14nTransform ? inclusivePrefixesOf(c14nTransform) : []
  const digestUri = attributeOf(digestMethod, 'Algorithm') ?? ''
  const digestHash = hashAllowedFor('digest', digestUri, policy)
  if (!digestHash.ok) return digestHash
  return ok({ prefixes, digestUri, digestHash: digestHash.value, digestValue: textOf(digestValue).trim() })
}

function selectCertificate(
  signature: Element,
  policy: VerifyPolicy,
): Result<TrustedCertificate[], SignatureError> {
  const keyInfo = childNamed(signature, DSIG_NS, 'KeyInfo')
  const data = keyInfo ? childNamed(keyInfo, DSIG_NS, 'X509Data') : null
  const embedded = data ? childNamed(data, DSIG_NS, 'X509Certificate') : null
  if (!embedded) return ok([...policy.trusted])
  const der = Buffer.from(textOf(embedded).replace(/\s+/g, ''), 'base64')
  const match = policy.trusted.find((t) => t.der.equals(der))
  if (!match) {
    return err({
      code: 'CERTIFICATE_NOT_TRUSTED',
      message:
        'The certificate in the signature is not one of the IdP signing certificates from the imported metadata.',
    })
  }
  return ok([match])
}

/**
 * Verifies the enveloped signature that is a direct child of `element`, after checking its
 * profile (OpenSAML's SAMLSignatureProfileValidator): one Reference to the element's own
 * unique ID, only enveloped + exc-c14n transforms, no ds:Object, allowed algorithms, and a
 * KeyInfo certificate (if any) byte-identical to a trusted one.
 */
export function verifyEnvelopedSignature(
  element: Element,
  policy: VerifyPolicy,
): Result<VerifiedSignature, SignatureError> {
  const signatures = elementChildren(element).filter(
    (c) => c.namespaceURI === DSIG_NS && c.localName === 'Signature',
  )
  if (signatures.length === 0)
    return err({ code: 'SIGNATURE_MISSING', message: `The ${element.localName} is not signed.` })
  if (signatures.length > 1) return profileError(`The ${element.localName} carries more than one Signature.`)
  const signature = signatures[0] as Element
  const info = parseSignedInfo(signature, policy)
  if (!info.ok) return info
  const reference = parseReference(info.value.reference, element, policy)
  if (!reference.ok) return reference
  const candidates = selectCertificate(signature, policy)
  if (!candidates.ok) return candidates

  let signedContent: string
  let signedInfoBytes: Buffer
  try {
    signedContent = canonicalize(element, reference.value.prefixes, signature)
    signedInfoBytes = Buffer.from(canonicalize(info.value.info, info.value.infoPrefixes), 'utf8')
  } catch {
    // Unreachable for parsed input (the parser refuses what c14n cannot render); a refusal,
    // not a crash, should a DOM built some other way hold such a node.
    return profileError(`The signed ${element.localName} holds content that cannot be canonicalized.`)
  }
  const digest = createHash(reference.value.digestHash).update(signedContent).digest('base64')
  if (digest !== reference.value.digestValue) {
    return err({
      code: 'DIGEST_MISMATCH',
      message: `The ${element.localName} was changed after it was signed (digest mismatch).`,
    })
  }
  const signedBytes = signedInfoBytes
  const signatureBytes = Buffer.from(textOf(info.value.value).replace(/\s+/g, ''), 'base64')
  const verifier = candidates.value.find((c) =>
    verify(info.value.signatureHash, signedBytes, c.publicKey, signatureBytes),
  )
  if (!verifier) {
    return err({
      code: 'SIGNATURE_INVALID',
      message: 'The signature value does not verify with any trusted IdP signing certificate.',
    })
  }
  return ok({
    signatureAlgorithm: info.value.signatureUri,
    digestAlgorithm: reference.value.digestUri,
    certificate: verifier,
  })
}
