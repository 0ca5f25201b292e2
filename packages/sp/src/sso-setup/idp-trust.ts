import {
  type CertificateRefusal,
  certificateToDer,
  checkStandaloneCertificate,
  ok,
  type Result,
  type ValidatedChain,
  validateCertificateChain,
} from '@sandbox/shared'
import type { TrustMode } from './sso-schema'

/** What the trust check needs besides the certificate. */
export interface TrustInput {
  readonly mode: TrustMode
  /** The trust store's roots (DER): the sandbox root CA plus the roots an admin added. */
  readonly anchors: readonly Buffer[]
  /** The intermediate CAs the trust store knows (DER): the sandbox issuing CA plus added ones. */
  readonly intermediates: readonly Buffer[]
  /** Identifies the trust store's content, roots and intermediates (see trustAnchorsOf). */
  readonly anchorsKey?: string
  /** Certificates the metadata offered besides the signing ones. */
  readonly chain: readonly Buffer[]
  readonly at: number
}

/**
 * Judges one IdP signing certificate under the org's trust mode: in the CA-signed mode a full
 * chain to a trusted root (validity, issuer CA flags and key usage, path length, key size,
 * signature algorithm, critical extensions); in the self-signed mode readability, key size and
 * validity.
 */
export function judgeSigningCertificate(
  der: Buffer,
  input: TrustInput,
): Result<ValidatedChain, CertificateRefusal> {
  if (input.mode === 'self-signed-allowed') return checkStandaloneCertificate(der, input.at)
  return validateCertificateChain({
    leaf: der,
    intermediates: [...input.chain, ...input.intermediates],
    anchors: input.anchors,
    at: input.at,
  })
}

/**
 * Re-checks trust at every sign-in without re-walking the chain each time: a chain, once
 * validated, stays valid exactly within its window, so only the time is compared per message.
 * Keyed by certificate and trust-store, so a new import or a new root starts afresh.
 */
export function createTrustCache() {
  const validated = new Map<string, ValidatedChain>()
  return (pem: string, input: TrustInput): Result<ValidatedChain, CertificateRefusal> => {
    const key = `${input.mode}|${pem}|${input.anchorsKey ?? `${input.anchors.length}/${input.intermediates.length}`}|${input.chain.length}`
    const known = validated.get(key)
    if (known && input.at >= known.validFrom && input.at <= known.validUntil) return ok(known)
    const der = certificateToDer(pem)
    const judged = judgeSigningCertificate(der ?? Buffer.alloc(0), input)
    if (judged.ok) {
      if (validated.size > 64) validated.clear()
      validated.set(key, judged.value)
    }
    return judged
  }
}
