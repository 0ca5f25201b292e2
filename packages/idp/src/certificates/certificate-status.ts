import type { DeepReadonly } from '@sandbox/shared'
import type { EnterpriseApp, SigningCertificate } from '../state/idp-state'

/** What the SAML Signing Certificate section shows for each certificate. */
export type CertificateStatus = 'Active' | 'Inactive' | 'Expired'

type Cert = DeepReadonly<SigningCertificate>

/** A certificate's status: expired wins over active, as the portal shows it. */
export function certificateStatus(
  certificate: Cert,
  activeThumbprint: string | null,
  now: number,
): CertificateStatus {
  if (Date.parse(certificate.endDateTime) <= now) return 'Expired'
  return certificate.thumbprint === activeThumbprint ? 'Active' : 'Inactive'
}

/**
 * The certificate that signs the app's responses and metadata: the active one; when it has
 * expired and a valid inactive one exists, that one (Entra switches automatically); null when
 * the app has no usable certificate of its own and the tenant key signs instead.
 */
export function effectiveSigningCertificate(app: DeepReadonly<EnterpriseApp>, now: number): Cert | null {
  const certificates = app.saml.certificates
  const active = certificates.find(
    (c) => c.thumbprint === app.servicePrincipal.preferredTokenSigningKeyThumbprint,
  )
  if (!active) return null
  if (Date.parse(active.endDateTime) > now) return active
  const valid = certificates
    .filter((c) => Date.parse(c.endDateTime) > now && Date.parse(c.startDateTime) <= now)
    .sort((a, b) => Date.parse(b.endDateTime) - Date.parse(a.endDateTime))
  return valid[0] ?? active
}
