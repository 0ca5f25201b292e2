import { ok, type Result } from '@sandbox/shared'
import { type AdminError, invalid } from '../errors/admin-error'
import type { EnterpriseApp } from '../state/idp-state'

/**
 * "Make certificate active" (Graph: `preferredTokenSigningKeyThumbprint`): only a certificate
 * the app holds and that has not expired; null clears it (the tenant key signs again).
 */
export function activateCertificate(
  app: EnterpriseApp,
  thumbprint: string | null,
  now: number,
): Result<void, AdminError> {
  if (thumbprint === null || thumbprint === '') {
    app.servicePrincipal.preferredTokenSigningKeyThumbprint = null
    return ok(undefined)
  }
  const certificate = app.saml.certificates.find((c) => c.thumbprint === thumbprint.trim().toUpperCase())
  if (!certificate) {
    return invalid(
      `No signing certificate of this application has the thumbprint ${thumbprint}; add one with addTokenSigningCertificate first.`,
      'preferredTokenSigningKeyThumbprint',
    )
  }
  if (Date.parse(certificate.endDateTime) <= now) {
    return invalid(`The certificate ${certificate.thumbprint} has expired and cannot be made active.`)
  }
  app.servicePrincipal.preferredTokenSigningKeyThumbprint = certificate.thumbprint
  return ok(undefined)
}
