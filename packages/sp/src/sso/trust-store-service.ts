import {
  certificateToDer,
  type DocumentStore,
  describeCaCertificate,
  ok,
  type Result,
  type Runtime,
  summarizeCertificate,
} from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
import { type SsoError, ssoError } from './sso-error'

/** One certificate of the trust store, as the API lists it. */
export interface TrustStoreEntry {
  readonly subject: string
  readonly thumbprint: string
  readonly notAfter: string
  /** The sandbox's own CA certificate: always present, cannot be removed. */
  readonly builtIn: boolean
}

const MAX_ADDED = 20

/** The two halves of the trust store, told apart the way an OS store keeps roots and intermediates. */
interface Shelf {
  /** The error-code prefix and the words used in messages. */
  readonly code: 'ROOT' | 'INTERMEDIATE'
  readonly noun: string
  readonly builtInPem: (runtime: Runtime) => string
  /** Where the added certificates are stored. */
  readonly field: 'trustedRoots' | 'intermediateCas'
  /** Why this certificate does not belong on this shelf, or null. */
  readonly misfit: (ca: { selfSigned: boolean; isCa: boolean }) => { message: string; fix: string } | null
}

const ROOTS: Shelf = {
  code: 'ROOT',
  noun: 'root',
  builtInPem: (runtime) => runtime.ca.root.certificatePem,
  field: 'trustedRoots',
  misfit: () => null,
}

const INTERMEDIATES: Shelf = {
  code: 'INTERMEDIATE',
  noun: 'intermediate CA',
  builtInPem: (runtime) => runtime.ca.intermediate.certificatePem,
  field: 'intermediateCas',
  misfit: (ca) => {
    if (ca.selfSigned)
      return {
        message: 'The certificate is self-signed: it is a root CA, not an intermediate.',
        fix: 'Add it as a root instead: POST /api/v1/sso/trusted-roots {"pem": "…"}.',
      }
    if (!ca.isCa)
      return {
        message:
          'The certificate is not a CA certificate (no basicConstraints CA:TRUE), so it issues no certificates.',
        fix: 'Send the certificate of the CA that issued the IdP signing certificate, not the signing certificate itself.',
      }
    return null
  },
}

/**
 * The org's trust store for "Require certificate signed by a certificate authority": roots (trust
 * anchors) and intermediate CAs (known, not trusted by themselves: a path through one must still
 * end at a root), each with the sandbox's own CA built in. IdP metadata lists the signing
 * certificate alone, as Entra's does, so the SP finds the issuing CA here.
 */
export function createTrustStoreService(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const { store, runtime } = deps

  function list(shelf: Shelf): TrustStoreEntry[] {
    return [shelf.builtInPem(runtime), ...store.read().sso[shelf.field]].map((pem, index) => {
      const summary = summarizeCertificate(pem)
      return {
        subject: summary.subject,
        thumbprint: summary.thumbprint,
        notAfter: summary.notAfter.toISOString(),
        builtIn: index === 0,
      }
    })
  }

  async function add(shelf: Shelf, pem: string): Promise<Result<TrustStoreEntry[], SsoError>> {
    const send = `Send the ${shelf.noun} certificate as PEM, e.g. {"pem": "-----BEGIN CERTIFICATE-----…"}.`
    const der = certificateToDer(pem)
    const ca = der ? describeCaCertificate(der) : null
    if (!der || !ca)
      return ssoError(`${shelf.code}_INVALID`, 'The body is not a decodable PEM or Base64 certificate.', send)
    const misfit = shelf.misfit(ca)
    if (misfit) return ssoError(`${shelf.code}_INVALID`, misfit.message, misfit.fix)
    const summary = summarizeCertificate(der)
    const updated = await store.update((draft) => {
      const added = draft.sso[shelf.field]
      const present = [shelf.builtInPem(runtime), ...added]
      if (present.some((r) => summarizeCertificate(r).thumbprint === summary.thumbprint))
        return ssoError(
          `${shelf.code}_EXISTS`,
          `${summary.subject} is already in the trust store.`,
          'Nothing to do.',
          409,
        )
      if (added.length >= MAX_ADDED)
        return ssoError(
          `${shelf.code}_LIMIT`,
          `The trust store holds at most ${MAX_ADDED} added ${shelf.noun} certificates.`,
          'Remove one first.',
        )
      added.push(summary.pem)
      return ok(true)
    })
    return updated.ok ? ok(list(shelf)) : updated
  }

  function remove(shelf: Shelf, thumbprint: string): Promise<Result<true, SsoError>> {
    return store.update((draft) => {
      const added = draft.sso[shelf.field]
      const index = added.findIndex((r) => summarizeCertificate(r).thumbprint === thumbprint.toUpperCase())
      if (index < 0)
        return ssoError(
          `${shelf.code}_NOT_FOUND`,
          `No added ${shelf.noun} has the thumbprint ${thumbprint}.`,
          `List them first (the built-in sandbox ${shelf.noun} cannot be removed).`,
          404,
        )
      added.splice(index, 1)
      return ok(true as const)
    })
  }

  return {
    trustedRoots: () => list(ROOTS),
    addTrustedRoot: (pem: string) => add(ROOTS, pem),
    removeTrustedRoot: (thumbprint: string) => remove(ROOTS, thumbprint),
    intermediateCas: () => list(INTERMEDIATES),
    addIntermediateCa: (pem: string) => add(INTERMEDIATES, pem),
    removeIntermediateCa: (thumbprint: string) => remove(INTERMEDIATES, thumbprint),
  }
}
