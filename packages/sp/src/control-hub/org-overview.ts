import type { DocumentStore, Runtime } from '@sandbox/shared'
import { describeCertificates } from '../sso-setup/idp-import'
import { type SsoOverview, ssoOverviewOf } from '../sso-setup/sso-status'
import type { SpState } from '../state/sp-state'

/** How many users the org has, and where they came from. */
export interface UserCounts {
  readonly total: number
  readonly active: number
  readonly inactive: number
  readonly bySource: { readonly manual: number; readonly scim: number; readonly jit: number }
}

/** An IdP signing certificate Webex trusts (or will, once SSO is enabled), with its time left. */
export interface CertificateExpiry {
  readonly subject: string
  readonly thumbprint: string
  readonly notAfter: string
  /** Whole days until it expires; negative once it has. */
  readonly daysLeft: number
  /** The configuration sign-ins use, or the imported one not yet enabled. */
  readonly configuration: 'active' | 'pending'
}

/** Control Hub > Overview: the SSO overview, the user counts and the IdP certificates' expiry. */
export interface OrgOverview extends SsoOverview {
  readonly users: UserCounts
  readonly certificates: readonly CertificateExpiry[]
}

const DAY_MS = 86_400_000

/** What Control Hub's Overview shows, read in one pass over the state. */
export function createOrgOverview(deps: { store: DocumentStore<SpState>; runtime: Runtime; url: string }) {
  return (): OrgOverview => {
    const state = deps.store.read()
    const now = deps.runtime.clock.now()
    const users = state.directory.users
    const bySource = { manual: 0, scim: 0, jit: 0 }
    let active = 0
    for (const user of users) {
      bySource[user.source] += 1
      if (user.active === true) active += 1
    }
    const certificates: CertificateExpiry[] = []
    for (const [configuration, trust] of [
      ['active', state.sso.active],
      ['pending', state.sso.pending],
    ] as const) {
      if (!trust || (configuration === 'pending' && trust.id === state.sso.active?.id)) continue
      for (const certificate of describeCertificates(trust)) {
        const daysLeft = Math.floor((Date.parse(certificate.notAfter) - now) / DAY_MS)
        certificates.push({ ...certificate, daysLeft, configuration })
      }
    }
    return {
      ...ssoOverviewOf(state, deps.url),
      users: { total: users.length, active, inactive: users.length - active, bySource },
      certificates,
    }
  }
}
