import { createHash, X509Certificate } from 'node:crypto'
import { certificateToDer } from '../pki/certificate'
import { err, ok, type Result } from '../result'
import { readEntityMetadata } from '../saml/metadata-reader'
import type { ContextOrigin, Expected, InspectionContext, TrustedSigner } from './context'

/**
 * Context from files: a certificate (PEM or DER), an IdP metadata file, an SP metadata file,
 * each turned into the expectations it stands for and labelled with where it came from.
 */

/** A certificate as the context trusts it. Throws nothing: null for bytes that are not one. */
export function signerFromDer(der: Buffer): TrustedSigner | null {
  try {
    const x509 = new X509Certificate(der)
    return {
      der,
      thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
      subject: x509.subject.replace(/\n/g, ', '),
    }
  } catch {
    return null
  }
}

/** Reads a certificate file: PEM (the first certificate), base64 DER, or raw DER bytes. */
export function readCertificateFile(bytes: Buffer): Result<TrustedSigner, string> {
  const text = bytes.toString('utf8')
  const fromText = /^[\s\uFEFF]*(-----BEGIN CERTIFICATE-----|[A-Za-z0-9+/=\s]+$)/.test(text)
    ? certificateToDer(text)
    : null
  const signer = signerFromDer(fromText ?? bytes)
  return signer
    ? ok(signer)
    : err('It is not a certificate: expected a PEM file (-----BEGIN CERTIFICATE-----) or a DER file (.cer).')
}

/** What an IdP metadata file says the IdP is: its entityID, SSO URLs and signing certificates. */
export function idpContextFromMetadata(
  xml: string,
  origin: ContextOrigin,
): Result<Pick<InspectionContext, 'idpEntityId' | 'idpSsoUrls' | 'idpSigners'>, string> {
  const entity = readEntityMetadata(xml)
  if (!entity.ok) return err(entity.error.message)
  const idp = entity.value.idp
  if (!idp) return err('It is SP metadata (it has no IDPSSODescriptor): give it with --sp-metadata instead.')
  const signers = idp.keys
    .filter((k) => k.use !== 'encryption')
    .flatMap((k) => (k.certificates[0] ? [signerFromDer(k.certificates[0])] : []))
    .filter((s): s is TrustedSigner => s !== null)
  const expected = <T>(value: T): Expected<T> => ({ value, origin })
  return ok({
    idpEntityId: expected(entity.value.entityId),
    idpSsoUrls: expected([...new Set(idp.singleSignOnServices.map((s) => s.location))]),
    idpSigners: signers.length > 0 ? expected(signers) : null,
  })
}

/** What an SP metadata file says the SP is: its entityID, ACS URLs and signing certificates. */
export function spContextFromMetadata(
  xml: string,
  origin: ContextOrigin,
): Result<Pick<InspectionContext, 'spEntityId' | 'acsUrls' | 'spSigners'>, string> {
  const entity = readEntityMetadata(xml)
  if (!entity.ok) return err(entity.error.message)
  const sp = entity.value.sp
  if (!sp) return err('It is IdP metadata (it has no SPSSODescriptor): give it with --idp-metadata instead.')
  const signers = sp.keys
    .filter((k) => k.use !== 'encryption')
    .flatMap((k) => (k.certificates[0] ? [signerFromDer(k.certificates[0])] : []))
    .filter((s): s is TrustedSigner => s !== null)
  const expected = <T>(value: T): Expected<T> => ({ value, origin })
  return ok({
    spEntityId: expected(entity.value.entityId),
    acsUrls: expected(sp.assertionConsumerServices.map((s) => s.location)),
    spSigners: signers.length > 0 ? expected(signers) : null,
  })
}
