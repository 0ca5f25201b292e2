import {
  certificateToDer,
  type DocumentStore,
  describeCaCertificate,
  ok,
  type Result,
  type Runtime,
  summarizeCertificate,
} from '@sandbox/shared'
import { fail, type SpError } from '../errors/catalogue'
import type { Shelf as ShelfCode } from '../errors/trust-store-errors'
import type { SpState } from '../state/sp-state'

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
  /** The error-code prefix. */
  readonly code: ShelfCode
  readonly builtInPem: (runtime: Runtime) => string
  /** Where the added certificates are stored. */
  readonly field: 'trustedRoots' | 'intermediateCas'
  /** Why this certificate does not belong on this shelf, or null. */
  readonly misfit: (ca: { selfSigned: boolean; isCa: boolean }) => 'self-signed' | 'not-a-ca' | null
}

const ROOTS: Shelf = {
  code: 'ROOT',
  builtInPem: (runtime) => runtime.ca.root.certificatePem,
  field: 'trustedRoots',
  misfit: () => null,
}

const INTERMEDIATES: Shelf = {
  code: 'INTERMEDIATE',
  builtInPem: (runtime) => runtime.ca.intermediate.certificatePem,
  field: 'intermediateCas',
  misfit: (ca) => (ca.selfSigned ? 'self-signed' : ca.isCa ? null : 'not-a-ca'),
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

  async function add(shelf: Shelf, pem: string): Promise<Result<TrustStoreEntry[], SpError>> {
    const der = certificateToDer(pem)
    const ca = der ? describeCaCertificate(der) : null
    if (!der || !ca) return fail(`${shelf.code}_INVALID`, { problem: 'unreadable' })
    const misfit = shelf.misfit(ca)
    if (misfit) return fail(`${shelf.code}_INVALID`, { problem: misfit })
    const summary = summarizeCertificate(der)
    const updated = await store.update((draft): Result<true, SpError> => {
      const added = draft.sso[shelf.field]
      const present = [shelf.builtInPem(runtime), ...added]
      if (present.some((r) => summarizeCertificate(r).thumbprint === summary.thumbprint))
        return fail(`${shelf.code}_EXISTS`, { subject: summary.subject })
      if (added.length >= MAX_ADDED) return fail(`${shelf.code}_LIMIT`, { max: MAX_ADDED })
      added.push(summary.pem)
      return ok(true)
    })
    return updated.ok ? ok(list(shelf)) : updated
  }

  function remove(shelf: Shelf, thumbprint: string): Promise<Result<true, SpError>> {
    return store.update((draft) => {
      const added = draft.sso[shelf.field]
      const index = added.findIndex((r) => summarizeCertificate(r).thumbprint === thumbprint.toUpperCase())
      if (index < 0) return fail(`${shelf.code}_NOT_FOUND`, { thumbprint })
      added.splice(index, 1)
      return ok(true as const)
    })
  }

  const shelfOf = (shelf: Shelf) => ({
    list: () => list(shelf),
    add: (pem: string) => add(shelf, pem),
    remove: (thumbprint: string) => remove(shelf, thumbprint),
  })
  return { roots: shelfOf(ROOTS), intermediates: shelfOf(INTERMEDIATES) }
}
