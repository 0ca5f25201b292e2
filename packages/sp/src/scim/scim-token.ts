import {
  type DocumentStore,
  ok,
  type Result,
  type Runtime,
  secretMatches,
  tokenFingerprint,
} from '@sandbox/shared'
import { fail, type SpErrorOf } from '../errors/catalogue'
import type { SpSnapshot, SpState } from '../state/sp-state'
import { createScimConnectorTokens, type ScimConnectorToken } from './scim-connector-tokens'

/** Why a bearer token was refused. */
export type BearerRefusal = 'missing' | 'not-bearer' | 'wrong'

/** The bearer value of an `Authorization` header, or why there is none. */
export function bearerOf(
  header: string | undefined,
): { token: string } | { refusal: 'missing' | 'not-bearer' } {
  if (header === undefined || header.trim() === '') return { refusal: 'missing' }
  const match = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i.exec(header)
  return match ? { token: match[1] as string } : { refusal: 'not-bearer' }
}

/** Checks an `Authorization` header value against the expected bearer token. */
export function checkBearer(header: string | undefined, expected: string): BearerRefusal | null {
  const bearer = bearerOf(header)
  if ('refusal' in bearer) return bearer.refusal
  return secretMatches(bearer.token, expected) ? null : 'wrong'
}

/** Who a SCIM bearer header names: the organization's token, a named connector token, or why neither. */
export type ScimBearerCheck =
  | { readonly ok: true; readonly connector: ScimConnectorToken | null }
  | { readonly ok: false; readonly refusal: BearerRefusal }

/**
 * Query parameters that carry tokens in other APIs. SCIM refuses them, even with a right token:
 * a token in a URL ends up in logs, proxies and browser history.
 */
export const TOKEN_QUERY_PARAMETERS = [
  'access_token',
  'token',
  'bearer',
  'authorization',
  'api_key',
  'apikey',
]

/** The id and name under which Control Hub lists the organization's own token. */
export const ORGANIZATION_TOKEN_ID = 'organization'
export const ORGANIZATION_TOKEN_NAME = 'Organization SCIM token'

/** "Last used" of the organization token is written at most once a minute, like a named token's. */
const LAST_USED_RESOLUTION_MS = 60_000

/** The organization token as the tokens list shows it (never its value), or null once revoked. */
function organizationTokenOf(state: SpSnapshot): ScimConnectorToken | null {
  if (state.scimTokenRevoked) return null
  return {
    id: ORGANIZATION_TOKEN_ID,
    name: ORGANIZATION_TOKEN_NAME,
    createdAt: state.scimTokenCreatedAt ?? state.organization.createdAt,
    lastUsedAt: state.scimTokenLastUsedAt ?? null,
    fingerprint: tokenFingerprint(state.scimToken),
  }
}

/**
 * The SCIM bearer tokens: the organization's own token (what `/api/v1/scim/token` shows and the
 * rehearsal uses) and the named connector tokens Control Hub generates and revokes. Control Hub
 * lists both kinds and revokes either; regenerating the organization token starts over.
 */
export function createScimTokenService(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const connectors = createScimConnectorTokens(deps)

  async function noteOrganizationTokenUse(): Promise<void> {
    const now = deps.runtime.clock.now()
    const last = deps.store.read().scimTokenLastUsedAt
    if (last && now - Date.parse(last) < LAST_USED_RESOLUTION_MS) return
    await deps.store.update((draft) => {
      draft.scimTokenLastUsedAt = new Date(now).toISOString()
      return ok(undefined)
    })
  }

  return {
    connectors,
    /** The organization token's value as stored (also after a revoke, when SCIM refuses it). */
    current(): string {
      return deps.store.read().scimToken
    },
    /** The organization token to hand out, or why there is none (it was revoked). */
    organizationToken(): Result<string, SpErrorOf<'SCIM_TOKEN_REVOKED'>> {
      const state = deps.store.read()
      return state.scimTokenRevoked ? fail('SCIM_TOKEN_REVOKED') : ok(state.scimToken)
    },
    /** Every token that works, as Control Hub lists them: the organization's first, then the named ones. */
    list(): ScimConnectorToken[] {
      const organization = organizationTokenOf(deps.store.read())
      return [...(organization ? [organization] : []), ...connectors.list()]
    },
    /** Revokes the organization token or a named one: SCIM refuses it from the next request on. */
    async revoke(id: string): Promise<Result<ScimConnectorToken, SpErrorOf<'SCIM_TOKEN_NOT_FOUND'>>> {
      if (id !== ORGANIZATION_TOKEN_ID) return connectors.revoke(id)
      return deps.store.update((draft) => {
        const listed = organizationTokenOf(draft)
        if (!listed) return fail('SCIM_TOKEN_NOT_FOUND', { id })
        draft.scimTokenRevoked = true
        return ok(listed)
      })
    },
    /**
     * Issues a new organization token (32 random bytes) and revokes every named connector token:
     * a start over, after which only the new token works.
     */
    async regenerate(): Promise<string> {
      const token = deps.runtime.ids.token(32)
      await deps.store.update((draft) => {
        draft.scimToken = token
        draft.scimTokenCreatedAt = new Date(deps.runtime.clock.now()).toISOString()
        draft.scimTokenLastUsedAt = null
        draft.scimTokenRevoked = false
        draft.scimConnectorTokens = []
        return { ok: true, value: undefined }
      })
      return token
    },
    /** Checks a SCIM request's `Authorization` header against every token that works. */
    async check(header: string | undefined): Promise<ScimBearerCheck> {
      const bearer = bearerOf(header)
      if ('refusal' in bearer) return { ok: false, refusal: bearer.refusal }
      const state = deps.store.read()
      if (!state.scimTokenRevoked && secretMatches(bearer.token, state.scimToken)) {
        await noteOrganizationTokenUse()
        return { ok: true, connector: null }
      }
      const connector = await connectors.authenticate(bearer.token)
      return connector ? { ok: true, connector } : { ok: false, refusal: 'wrong' }
    },
  }
}
