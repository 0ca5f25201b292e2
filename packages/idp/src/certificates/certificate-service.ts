// certificates/: the SAML signing certificates of apps and the tenant: issue, activate, roll over, download, and the keys that sign.
import { createPrivateKey, X509Certificate } from 'node:crypto'
import {
  type DocumentStore,
  ok,
  type Result,
  type Runtime,
  readPkcs12,
  summarizeCertificate,
} from '@sandbox/shared'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import { updateFound } from '../state/found'
import type { CertificateKind, IdpState, SigningCertificate } from '../state/idp-state'
import { activateCertificate } from './activation'
import { defaultCertificateExpiry, issueSigningCertificate } from './issue-certificate'

/** "New Certificate" / Graph `addTokenSigningCertificate` options. */
export interface NewCertificateInput {
  /** CA-issued (the sandbox default) or self-signed like Entra's; defaults to the tenant setting. */
  readonly kind?: CertificateKind
  /** `CN=…`; defaults to `CN=Microsoft Azure Federated SSO Certificate`. */
  readonly displayName?: string
  /** ISO date; defaults to three years from now, the maximum. */
  readonly endDateTime?: string
  /** Make it the active certificate at once (otherwise it stays inactive, as in Entra). */
  readonly activate?: boolean
}

/** The three download formats of the SAML Signing Certificate section. */
export type CertificateFormat = 'base64' | 'raw' | 'pem'

/** A download: bytes, media type and the file name the portal uses. */
export interface CertificateDownload {
  readonly body: string | Buffer
  readonly contentType: string
  readonly fileName: string
}

function checkNewCertificate(
  input: NewCertificateInput,
  now: number,
): Result<{ commonName?: string; end: number }, AdminError> {
  let commonName: string | undefined
  if (input.displayName !== undefined) {
    const match = /^CN=(.{1,64})$/.exec(input.displayName.trim())
    if (!match?.[1])
      return invalid("displayName must have the form 'CN=<name>' (at most 64 characters).", 'displayName')
    commonName = match[1]
  }
  const latest = defaultCertificateExpiry(now)
  let end = latest
  if (input.endDateTime !== undefined) {
    end = Date.parse(input.endDateTime)
    if (Number.isNaN(end))
      return invalid(`endDateTime '${input.endDateTime}' is not an ISO 8601 date.`, 'endDateTime')
    if (end <= now) return invalid('endDateTime must be in the future.', 'endDateTime')
    if (end > latest) {
      return invalid(
        `endDateTime can be at most three years from now (${new Date(latest).toISOString()}).`,
        'endDateTime',
      )
    }
  }
  return ok({ ...(commonName ? { commonName } : {}), end })
}

function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9 ._-]/g, '_').trim() || 'certificate'
}

/**
 * SAML signing certificates of an app: new (inactive until made active), make active,
 * rollover, delete, and the Base64 / Raw / PEM downloads.
 */
export function createCertificateService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps

  async function addCertificate(
    servicePrincipalId: string,
    input: NewCertificateInput,
  ): Promise<Result<SigningCertificate, AdminError>> {
    const now = runtime.clock.now()
    const checked = checkNewCertificate(input, now)
    if (!checked.ok) return checked
    if (!appByServicePrincipalId(store.read(), servicePrincipalId)) return notFound(servicePrincipalId)
    const key = await runtime.keys.take()
    return updateFound(store, appByServicePrincipalId, servicePrincipalId, (app, draft) => {
      const certificate = issueSigningCertificate(runtime, {
        kind: input.kind ?? draft.settings.defaultCertificateKind,
        key,
        now,
        endDateTime: checked.value.end,
        ...(checked.value.commonName ? { commonName: checked.value.commonName } : {}),
      })
      app.saml.certificates.push(certificate)
      if (input.activate) {
        const activated = activateCertificate(app, certificate.thumbprint, now)
        if (!activated.ok) return activated
      }
      return ok(certificate)
    })
  }

  return {
    addCertificate,

    /**
     * The days "+ New Certificate" offers as its Expiration Date (YYYY-MM-DD, UTC): from tomorrow
     * up to three years from now, Entra's default and maximum; midnight of either is accepted.
     */
    newCertificateExpiryRange(): { readonly earliest: string; readonly latest: string } {
      const now = runtime.clock.now()
      const day = (at: number) => new Date(at).toISOString().slice(0, 10)
      return { earliest: day(now + 24 * 60 * 60 * 1000), latest: day(defaultCertificateExpiry(now)) }
    },

    /** Adds a new certificate and makes it active; the old one stays, inactive, for the SP's rollover. */
    rollover(servicePrincipalId: string, input: Omit<NewCertificateInput, 'activate'> = {}) {
      return addCertificate(servicePrincipalId, { ...input, activate: true })
    },

    /**
     * "Import Certificate": a PFX with its "PFX Password" becomes an inactive certificate, as a
     * new one does. Refused when the key does not match, the certificate has expired, or the
     * app has it already.
     */
    importCertificate(
      servicePrincipalId: string,
      input: { readonly pfx: Buffer; readonly password: string },
    ): Promise<Result<SigningCertificate, AdminError>> {
      const read = readPkcs12(input.pfx, input.password)
      if ('error' in read) return Promise.resolve(invalid(read.error, 'pfx'))
      const x509 = new X509Certificate(read.certificatePem)
      const now = runtime.clock.now()
      const summary = summarizeCertificate(read.certificatePem)
      if (!x509.checkPrivateKey(createPrivateKey(read.privateKeyPem)))
        return Promise.resolve(
          invalid("The PFX file's private key does not belong to its certificate.", 'pfx'),
        )
      if (summary.notAfter.getTime() <= now)
        return Promise.resolve(
          invalid('The certificate in the PFX file has expired: import a valid one.', 'pfx'),
        )
      return updateFound(store, appByServicePrincipalId, servicePrincipalId, (app) => {
        if (app.saml.certificates.some((c) => c.thumbprint === summary.thumbprint))
          return invalid(`This application already has the certificate ${summary.thumbprint}.`, 'pfx')
        const certificate: SigningCertificate = {
          keyId: runtime.ids.guid(),
          signKeyId: runtime.ids.guid(),
          displayName: `CN=${/CN=([^\n,]+)/.exec(summary.subject)?.[1] ?? 'Imported certificate'}`,
          kind: x509.issuer === x509.subject ? 'self-signed' : 'ca-issued',
          certificatePem: read.certificatePem,
          privateKeyPem: read.privateKeyPem,
          thumbprint: summary.thumbprint,
          startDateTime: summary.notBefore.toISOString(),
          endDateTime: summary.notAfter.toISOString(),
          createdDateTime: new Date(now).toISOString(),
        }
        app.saml.certificates.push(certificate)
        return ok(certificate)
      })
    },

    activate(servicePrincipalId: string, thumbprint: string): Promise<Result<void, AdminError>> {
      return updateFound(store, appByServicePrincipalId, servicePrincipalId, (app) =>
        activateCertificate(app, thumbprint, runtime.clock.now()),
      )
    },

    deleteCertificate(servicePrincipalId: string, thumbprint: string): Promise<Result<void, AdminError>> {
      return updateFound(store, appByServicePrincipalId, servicePrincipalId, (app) => {
        const wanted = thumbprint.toUpperCase()
        if (!app.saml.certificates.some((c) => c.thumbprint === wanted)) return notFound(thumbprint)
        if (app.servicePrincipal.preferredTokenSigningKeyThumbprint === wanted) {
          return invalid('The active certificate cannot be deleted; make another certificate active first.')
        }
        app.saml.certificates = app.saml.certificates.filter((c) => c.thumbprint !== wanted)
        return ok(undefined)
      })
    },

    download(
      servicePrincipalId: string,
      thumbprint: string,
      format: CertificateFormat,
    ): Result<CertificateDownload, AdminError> {
      const app = appByServicePrincipalId(store.read(), servicePrincipalId)
      if (!app) return notFound(servicePrincipalId)
      const certificate = app.saml.certificates.find((c) => c.thumbprint === thumbprint.toUpperCase())
      if (!certificate) return notFound(thumbprint)
      const summary = summarizeCertificate(certificate.certificatePem)
      const name = safeFileName(app.servicePrincipal.displayName)
      if (format === 'raw') {
        return ok({ body: summary.der, contentType: 'application/pkix-cert', fileName: `${name}.cer` })
      }
      if (format === 'pem') {
        return ok({ body: summary.pem, contentType: 'application/x-pem-file', fileName: `${name}.pem` })
      }
      // "Certificate (Base64)" is the PEM text with Windows line endings, saved as .cer.
      return ok({
        body: summary.pem.replace(/\n/g, '\r\n'),
        contentType: 'application/pkix-cert',
        fileName: `${name}.cer`,
      })
    },
  }
}
