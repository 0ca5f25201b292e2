import type { IdpTrustView } from './sso-status'

/** Control Hub warns ("Update SSO Certificate") when an IdP signing certificate ends this soon. */
export const CERTIFICATE_WARNING_DAYS = 60

const DAY_MS = 24 * 60 * 60 * 1000

/** An IdP signing certificate that ends within the warning period (or has ended). */
export interface ExpiringCertificate {
  readonly subject: string
  readonly thumbprint: string
  readonly notAfter: string
  /** Whole days left, rounded down; 0 or less when it has ended. */
  readonly daysLeft: number
}

/** The imported IdP's signing certificates that end within {@link CERTIFICATE_WARNING_DAYS} of `now`. */
export function expiringCertificates(trust: IdpTrustView | null, now: number): ExpiringCertificate[] {
  if (!trust) return []
  return trust.signingCertificates
    .map((c) => ({ ...c, daysLeft: Math.floor((Date.parse(c.notAfter) - now) / DAY_MS) }))
    .filter((c) => c.daysLeft < CERTIFICATE_WARNING_DAYS)
}
