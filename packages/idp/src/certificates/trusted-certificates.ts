import type { KeyObject } from 'node:crypto'
import { certificateToDer, type TrustedCertificate, trustCertificate } from '@sandbox/shared'

const trusted = new Map<string, TrustedCertificate>()
const MAX_CACHED = 1024

/**
 * Parses app-supplied certificates (request verification, token encryption) once and keeps
 * them by PEM text: no request pays for X.509 parsing.
 */
export function trustedCertificate(pem: string): TrustedCertificate {
  const hit = trusted.get(pem)
  if (hit) return hit
  const der = certificateToDer(pem)
  if (!der) throw new Error('internal: a stored certificate is not PEM')
  const parsed = trustCertificate(der)
  if (trusted.size >= MAX_CACHED) trusted.clear()
  trusted.set(pem, parsed)
  return parsed
}

/** The public key of a stored certificate (the encryption recipient). */
export function certificatePublicKey(pem: string): KeyObject {
  return trustedCertificate(pem).publicKey
}
