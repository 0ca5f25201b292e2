import type { Clock, DocumentStore, IdGenerator } from '@sandbox/shared'
import { OwnedBoundedMap, secretMatches } from '@sandbox/shared'
import { findUser, isGlobalAdministrator } from '../directory/users'
import type { IdpState } from '../state/idp-state'

/** Who a bearer token speaks for. */
export type TokenPrincipal =
  | { readonly kind: 'sandbox-admin' }
  | { readonly kind: 'application'; readonly appId: string }
  | { readonly kind: 'user'; readonly userId: string }

/** The result of checking a bearer token. */
export type BearerCheck =
  | { readonly ok: true; readonly principal: TokenPrincipal; readonly mayAdminister: boolean }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' }

/** Access token lifetime, as Entra's token endpoint reports it. */
const ACCESS_TOKEN_SECONDS = 3599

/** How many minted tokens are kept, in all and per principal (user or application). */
export interface TokenBounds {
  readonly capacity: number
  readonly perPrincipal: number
}

export const TOKEN_BOUNDS: TokenBounds = { capacity: 50_000, perPrincipal: 12_500 }

function principalKey(principal: TokenPrincipal): string {
  if (principal.kind === 'user') return `user:${principal.userId}`
  return principal.kind === 'application' ? `application:${principal.appId}` : 'sandbox-admin'
}

/**
 * Bearer tokens of the Graph-shaped API: the sandbox's fixed token (state.graphApiToken) and
 * opaque tokens minted by the token endpoint, kept in memory until they expire. A user token
 * may administer only if its user is a Global Administrator (others get Graph's 403). Bounded
 * per principal, so one user minting tokens in a loop replaces only their own oldest, never the
 * automation app's token a script is using.
 */
export function createAccessTokens(
  deps: { store: DocumentStore<IdpState>; clock: Clock; ids: IdGenerator },
  bounds: TokenBounds = TOKEN_BOUNDS,
) {
  const issued = new OwnedBoundedMap<string, { principal: TokenPrincipal; expiresAt: number }, 'principal'>({
    capacity: bounds.capacity,
    perOwner: { principal: bounds.perPrincipal },
    fairBy: 'principal',
  })
  return {
    mint(principal: TokenPrincipal): { token: string; expiresIn: number } {
      const token = deps.ids.token(48)
      issued.set(
        token,
        { principal, expiresAt: deps.clock.now() + ACCESS_TOKEN_SECONDS * 1000 },
        { principal: principalKey(principal) },
      )
      return { token, expiresIn: ACCESS_TOKEN_SECONDS }
    },

    /** Checks an `Authorization` header value (only the Bearer scheme; never a query parameter). */
    check(authorization: string | undefined): BearerCheck {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
      if (!match?.[1]) return { ok: false, reason: 'missing' }
      const token = match[1]
      const state = deps.store.read()
      if (secretMatches(token, state.graphApiToken))
        return { ok: true, principal: { kind: 'sandbox-admin' }, mayAdminister: true }
      const entry = issued.get(token)
      if (!entry) return { ok: false, reason: 'invalid' }
      if (entry.expiresAt <= deps.clock.now()) {
        issued.delete(token)
        return { ok: false, reason: 'expired' }
      }
      if (entry.principal.kind !== 'user')
        return { ok: true, principal: entry.principal, mayAdminister: true }
      const user = findUser(state, entry.principal.userId)
      if (!user?.accountEnabled) return { ok: false, reason: 'invalid' }
      return { ok: true, principal: entry.principal, mayAdminister: isGlobalAdministrator(user) }
    },

    /** Forgets every minted token (sandbox reset). */
    clear(): void {
      issued.clear()
    },
  }
}

/** The access token table's interface. */
export type AccessTokens = ReturnType<typeof createAccessTokens>
