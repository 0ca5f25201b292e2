import {
  addUtcYears,
  ENTRA_CERTIFICATE_NAME,
  type IdGenerator,
  issueEntraStyleCertificate,
  issueLeafCertificate,
  type RsaKeyPair,
  type SandboxCa,
  summarizeCertificate,
} from '@sandbox/shared'
import type { CertificateKind, SigningCertificate } from '../state/idp-state'

const DAY_MS = 86_400_000

/** What a new signing certificate should look like. */
export interface SigningCertificateRequest {
  readonly kind: CertificateKind
  readonly key: RsaKeyPair
  readonly now: number
  /** Defaults to Entra's "Microsoft Azure Federated SSO Certificate". */
  readonly commonName?: string
  /** Expiry in ms; Entra's default (and maximum) is three years from now. */
  readonly endDateTime?: number
}

/** The default expiry of a new signing certificate: three calendar years, to the second. */
export function defaultCertificateExpiry(now: number): number {
  return addUtcYears(new Date(Math.floor(now / 1000) * 1000), 3).getTime()
}

/**
 * Issues a SAML signing certificate: by the sandbox CA (the tutorial's "Require certificate
 * signed by a certificate authority" path; capped at the CA's own expiry) or self-signed in
 * Entra's exact shape.
 */
export function issueSigningCertificate(
  deps: { readonly ca: SandboxCa; readonly ids: IdGenerator },
  request: SigningCertificateRequest,
): SigningCertificate {
  const commonName = request.commonName ?? ENTRA_CERTIFICATE_NAME
  const serialHex = deps.ids.serialHex?.bind(deps.ids)
  const notAfter = request.endDateTime ?? defaultCertificateExpiry(request.now)
  const issued =
    request.kind === 'self-signed'
      ? issueEntraStyleCertificate({ key: request.key, now: request.now, commonName, notAfter, serialHex })
      : issueLeafCertificate(deps.ca, {
          serialHex,
          profile: 'saml-signing',
          commonName,
          key: request.key,
          now: request.now,
          validityDays: Math.max(1, (notAfter - request.now) / DAY_MS),
        })
  const summary = summarizeCertificate(issued.certificatePem)
  return {
    keyId: deps.ids.guid(),
    signKeyId: deps.ids.guid(),
    displayName: `CN=${commonName}`,
    kind: request.kind,
    certificatePem: issued.certificatePem,
    privateKeyPem: issued.key.privateKeyPem,
    thumbprint: summary.thumbprint,
    startDateTime: summary.notBefore.toISOString(),
    endDateTime: summary.notAfter.toISOString(),
    createdDateTime: new Date(request.now).toISOString(),
  }
}
