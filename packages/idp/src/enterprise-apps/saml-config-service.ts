import { X509Certificate } from 'node:crypto'
import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { activateCertificate } from '../certificates/activation'
import { issueSigningCertificate } from '../certificates/issue-certificate'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import { patchFound, updateFound } from '../state/found'
import {
  type CertificateKind,
  ENCRYPTION_METHODS,
  type EnterpriseApp,
  type IdpState,
  SIGNING_ALGORITHMS,
  SIGNING_OPTIONS,
  type SigningAlgorithmChoice,
  type SigningOption,
  type TokenTiming,
  tokenTimingSchema,
} from '../state/idp-state'
import { applyBasicSaml, type BasicSamlInput } from './basic-saml-config'
import { appByServicePrincipalId } from './lookup'
import { applySpMetadata, type MetadataUploadResult } from './metadata-upload'
import { type SamlSummary, samlSummary } from './saml-summary'

function checkCertificatePem(pem: string, field: string): Result<string, AdminError> {
  try {
    const certificate = new X509Certificate(pem)
    if (certificate.publicKey.asymmetricKeyType !== 'rsa') {
      return invalid(`The ${field} certificate must carry an RSA key.`, field)
    }
    return ok(certificate.toString())
  } catch {
    return invalid(`The ${field} certificate is not a PEM or Base64 X.509 certificate.`, field)
  }
}

/**
 * The SAML-based Sign-on page of an app: selecting SAML (which creates the signing
 * certificate), Basic SAML Configuration, "Upload metadata file", signing options, token
 * timing, signed-request verification and token encryption.
 */
export function createSamlConfigService(deps: {
  store: DocumentStore<IdpState>
  runtime: Runtime
  /** The IdP's public base URL (the page lists the IdP's own URLs). */
  url: string
}) {
  const { store, runtime } = deps

  function withApp<R>(id: string, change: (app: EnterpriseApp, draft: IdpState) => Result<R, AdminError>) {
    return updateFound(store, appByServicePrincipalId, id, change)
  }

  return {
    /** The app's "Set up single sign-on with SAML" page, as data. */
    summary(servicePrincipalId: string): Result<SamlSummary, AdminError> {
      const state = store.read()
      const app = appByServicePrincipalId(state, servicePrincipalId)
      return app ? ok(samlSummary(state, app, deps.url, runtime.clock.now())) : notFound(servicePrincipalId)
    },

    /** Selects SAML as the sign-on method; the first time, creates and activates a signing certificate. */
    async enableSaml(servicePrincipalId: string): Promise<Result<EnterpriseApp, AdminError>> {
      const current = appByServicePrincipalId(store.read(), servicePrincipalId)
      if (!current) return notFound(servicePrincipalId)
      const key = current.saml.certificates.length === 0 ? await runtime.keys.take() : null
      return withApp(servicePrincipalId, (app, draft) => {
        app.servicePrincipal.preferredSingleSignOnMode = 'saml'
        if (key && app.saml.certificates.length === 0) {
          const now = runtime.clock.now()
          const certificate = issueSigningCertificate(runtime, {
            kind: draft.settings.defaultCertificateKind,
            key,
            now,
          })
          app.saml.certificates.push(certificate)
          const activated = activateCertificate(app, certificate.thumbprint, now)
          if (!activated.ok) return activated
        }
        return ok(app)
      })
    },

    configureBasicSaml(
      servicePrincipalId: string,
      input: BasicSamlInput,
    ): Promise<Result<EnterpriseApp, AdminError>> {
      return patchFound(store, appByServicePrincipalId, servicePrincipalId, (app, draft) =>
        applyBasicSaml(draft, app, input),
      )
    },

    /** "Upload metadata file" (see {@link applySpMetadata}). */
    uploadSpMetadata(
      servicePrincipalId: string,
      xml: string,
    ): Promise<Result<MetadataUploadResult, AdminError>> {
      return withApp(servicePrincipalId, (app, draft) => applySpMetadata(draft, app, xml))
    },

    setSigningOptions(
      servicePrincipalId: string,
      input: { readonly signingOption?: SigningOption; readonly signingAlgorithm?: SigningAlgorithmChoice },
    ): Promise<Result<EnterpriseApp, AdminError>> {
      return withApp(servicePrincipalId, (app) => {
        if (input.signingOption !== undefined && !SIGNING_OPTIONS.includes(input.signingOption)) {
          return invalid(`Signing option must be one of ${SIGNING_OPTIONS.join(', ')}.`, 'signingOption')
        }
        if (input.signingAlgorithm !== undefined && !SIGNING_ALGORITHMS.includes(input.signingAlgorithm)) {
          return invalid(
            `Signing algorithm must be one of ${SIGNING_ALGORITHMS.join(', ')}.`,
            'signingAlgorithm',
          )
        }
        if (input.signingOption) app.saml.signingOption = input.signingOption
        if (input.signingAlgorithm) app.saml.signingAlgorithm = input.signingAlgorithm
        return ok(app)
      })
    },

    setTokenTiming(
      servicePrincipalId: string,
      input: Partial<TokenTiming>,
    ): Promise<Result<EnterpriseApp, AdminError>> {
      return withApp(servicePrincipalId, (app) => {
        const parsed = tokenTimingSchema.safeParse({ ...app.saml.timing, ...input })
        if (!parsed.success) {
          return invalid(
            'Timing: notBeforeSkewSeconds 0–3600, lifetimes 60–86400 seconds (whole numbers).',
            'timing',
          )
        }
        app.saml.timing = parsed.data
        return ok(app)
      })
    },

    /** "Require verification certificates": signed AuthnRequests; SHA-1 only when allowed. */
    setRequestVerification(
      servicePrincipalId: string,
      input: {
        readonly required?: boolean
        readonly certificates?: readonly string[]
        readonly allowSha1?: boolean
      },
    ): Promise<Result<EnterpriseApp, AdminError>> {
      return withApp(servicePrincipalId, (app) => {
        const certificates: string[] = []
        for (const pem of input.certificates ?? app.saml.requestVerification.certificates) {
          const checked = checkCertificatePem(pem, 'verification')
          if (!checked.ok) return checked
          certificates.push(checked.value)
        }
        const required = input.required ?? app.saml.requestVerification.required
        if (required && certificates.length === 0) {
          return invalid(
            'Upload at least one verification certificate before requiring signed requests.',
            'certificates',
          )
        }
        app.saml.requestVerification = {
          required,
          certificates,
          allowSha1: input.allowSha1 ?? app.saml.requestVerification.allowSha1,
        }
        return ok(app)
      })
    },

    /** Token encryption with the app's encryption certificate (RSA-OAEP + AES). */
    setEncryption(
      servicePrincipalId: string,
      input: {
        readonly enabled?: boolean
        readonly certificatePem?: string | null
        readonly method?: (typeof ENCRYPTION_METHODS)[number]
      },
    ): Promise<Result<EnterpriseApp, AdminError>> {
      return withApp(servicePrincipalId, (app) => {
        let certificatePem = app.saml.encryption.certificatePem
        if (input.certificatePem !== undefined) {
          if (input.certificatePem === null || input.certificatePem === '') certificatePem = null
          else {
            const checked = checkCertificatePem(input.certificatePem, 'encryption')
            if (!checked.ok) return checked
            certificatePem = checked.value
          }
        }
        if (input.method !== undefined && !ENCRYPTION_METHODS.includes(input.method)) {
          return invalid(`Encryption method must be one of ${ENCRYPTION_METHODS.join(', ')}.`, 'method')
        }
        const enabled = input.enabled ?? app.saml.encryption.enabled
        if (enabled && certificatePem === null) {
          return invalid(
            'Upload the application’s encryption certificate before turning token encryption on.',
            'certificatePem',
          )
        }
        app.saml.encryption = { enabled, certificatePem, method: input.method ?? app.saml.encryption.method }
        return ok(app)
      })
    },

    /** Which kind of certificate new apps and `addTokenSigningCertificate` get. */
    setDefaultCertificateKind(kind: CertificateKind): Promise<Result<CertificateKind, AdminError>> {
      return store.update((draft) => {
        if (kind !== 'ca-issued' && kind !== 'self-signed')
          return invalid("Use 'ca-issued' or 'self-signed'.", 'kind')
        draft.settings.defaultCertificateKind = kind
        return ok(kind)
      })
    },
  }
}
