import { type DocumentStore, type Runtime, secretMatches } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
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

/**
 * The SCIM bearer tokens: the organization's own token (what `/api/v1/scim/token` shows and the
 * rehearsal uses) and the named connector tokens Control Hub generates and revokes.
 */
export function createScimTokenService(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const connectors = createScimConnectorTokens(deps)
  return {
    connectors,
    current(): string {
      return deps.store.read().scimToken
    },
    /**
     * Issues a new organization token (32 random bytes) and revokes every named connector token:
     * a start over, after which only the new token works.
     */
    async regenerate(): Promise<string> {
      const token = deps.runtime.ids.token(32)
      await deps.store.update((draft) => {
        draft.scimToken = token
        draft.scimConnectorTokens = []
        return { ok: true, value: undefined }
      })
      return token
    },
    /** Checks a SCIM request's `Authorization` header against every token that works. */
    async check(header: string | undefined): Promise<ScimBearerCheck> {
      const bearer = bearerOf(header)
      if ('refusal' in bearer) return { ok: false, refusal: bearer.refusal }
      if (secretMatches(bearer.token, deps.store.read().scimToken)) return { ok: true, connector: null }
      const connector = await connectors.authenticate(bearer.token)
      return connector ? { ok: true, connector } : { ok: false, refusal: 'wrong' }
    },
  }
}
