import type { CertificateProblem } from '@sandbox/shared'
import type { TrustMode } from '../sso-setup/sso-schema'
import { continuing, type ErrorEntry, entry } from './error-entry'
import { REIMPORT } from './fixes'

/** A refused IdP signing certificate: which one and why, at import (under a mode) or at sign-in. */
export type CertificateFacts = {
  /** Subject and thumbprint, e.g. `CN=Foo (thumbprint 51C2…)`. */
  readonly certificate: string
  readonly reason: string
  /** For CHAIN_UNTRUSTED: the issuer that was not found. */
  readonly missingIssuer?: string | undefined
} & ({ readonly when: 'import'; readonly trustMode: TrustMode } | { readonly when: 'sign-in' })

const MODE_NAMES: Record<TrustMode, string> = {
  'ca-signed': '"Require certificate signed by a certificate authority in Metadata"',
  'self-signed-allowed': '"Allow self-signed certificate in metadata"',
}

const FIX_AT_IMPORT =
  'Fix the certificate on the IdP (Entra > Single sign-on > SAML Certificates), download the metadata again and import it; or add its root CA to the trust store.'

/** A certificate problem's entry; `fixAtImport` where the problem has its own fix at import. */
function certificateEntry(
  meaning: string,
  fixAtImport: (facts: CertificateFacts) => string = () => FIX_AT_IMPORT,
): ErrorEntry<CertificateFacts> {
  return entry({
    meaning,
    message: (f: CertificateFacts) =>
      f.when === 'import'
        ? `The signing certificate ${f.certificate} was refused under ${MODE_NAMES[f.trustMode]}: ${f.reason}.`
        : `The IdP signing certificate ${f.certificate} is no longer acceptable: ${f.reason}.`,
    fix: (f) =>
      f.when === 'import'
        ? fixAtImport(f)
        : `Renew the certificate on Entra (SAML Certificates), then ${continuing(REIMPORT)}`,
    status: 400,
  })
}

/**
 * The IdP signing certificate's trust, judged at import under the trust mode and again at every
 * sign-in: the codes are the certificate checks' own (validity, chain, key, extensions).
 */
export const CERTIFICATE_ERRORS = {
  NOT_A_CERTIFICATE: certificateEntry('The certificate cannot be decoded as X.509.'),
  CERT_SELF_SIGNED: certificateEntry(
    'The certificate is self-signed, which the "CA-signed" trust mode refuses.',
    () =>
      'Either choose "Allow self-signed certificate in metadata (less secure)", or have Entra sign with a certificate issued by a CA this org trusts (sandbox: certificate kind "ca-issued"), then download its metadata again.',
  ),
  CERT_IS_CA: certificateEntry('The signing certificate is a CA certificate, not a signing certificate.'),
  CERT_IS_TRUST_ANCHOR: certificateEntry(
    'The signing certificate itself is in the trust store, which does not make it CA-signed.',
    () =>
      'The signing certificate itself was added to the trust store, which does not make it CA-signed: remove it there (DELETE /api/v1/sso/trusted-roots/{thumbprint}), then either choose "Allow self-signed certificate in metadata (less secure)" or have Entra sign with a CA-issued certificate.',
  ),
  CERT_EXPIRED: certificateEntry('The certificate (or one of its chain) has expired.'),
  CERT_NOT_YET_VALID: certificateEntry('The certificate (or one of its chain) is not valid yet.'),
  CHAIN_UNTRUSTED: certificateEntry('The certificate does not chain to a root in the trust store.', (f) =>
    f.missingIssuer
      ? `Add the certificate of ${f.missingIssuer} to this org's trust store, then import the metadata again: a root CA (self-signed) with POST /api/v1/sso/trusted-roots {"pem": "…"}; an intermediate (issuing) CA with POST /api/v1/sso/intermediate-cas {"pem": "…"}, and its root too if that is not trusted yet. Or have the IdP sign with a certificate from a CA this org already trusts (sandbox: certificate kind "ca-issued").`
      : FIX_AT_IMPORT,
  ),
  CHAIN_BAD_SIGNATURE: certificateEntry("A certificate of the chain does not verify with its issuer's key."),
  ISSUER_NOT_CA: certificateEntry('An issuer of the chain is not a CA certificate.'),
  ISSUER_CANNOT_SIGN_CERTIFICATES: certificateEntry('An issuer of the chain may not sign certificates.'),
  PATH_LENGTH_EXCEEDED: certificateEntry('The chain is longer than an issuer allows.'),
  LEAF_CANNOT_SIGN: certificateEntry('The certificate may not make digital signatures (key usage).'),
  KEY_TOO_SMALL: certificateEntry('The certificate key is too small.'),
  UNSUPPORTED_KEY_TYPE: certificateEntry('The certificate key is not an RSA key.'),
  WEAK_SIGNATURE_ALGORITHM: certificateEntry('The certificate is signed with a weak algorithm.'),
  UNKNOWN_CRITICAL_EXTENSION: certificateEntry(
    'The certificate has a critical extension Webex does not know.',
  ),
} satisfies Record<CertificateProblem, ErrorEntry<CertificateFacts>>

/** Every certificate problem's code (what the certificate-trust check can refuse with). */
export const CERTIFICATE_CODES = Object.keys(CERTIFICATE_ERRORS) as CertificateProblem[]
