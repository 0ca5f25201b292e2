import { type DocumentStore, type Runtime, secretMatches } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'

/** Why a bearer token was refused. */
export type BearerRefusal = 'missing' | 'not-bearer' | 'wrong'

/** Checks an `Authorization` header value against the expected bearer token. */
export function checkBearer(header: string | undefined, expected: string): BearerRefusal | null {
  if (header === undefined || header.trim() === '') return 'missing'
  const match = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i.exec(header)
  if (!match) return 'not-bearer'
  return secretMatches(match[1] as string, expected) ? null : 'wrong'
}

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

/** The SCIM bearer token Control Hub shows, and its regeneration. */
export function createScimTokenService(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  return {
    current(): string {
      return deps.store.read().scimToken
    },
    /** Issues a new token (32 random bytes); the old one stops working at once. */
    async regenerate(): Promise<string> {
      const token = deps.runtime.ids.token(32)
      await deps.store.update((draft) => {
        draft.scimToken = token
        return { ok: true, value: undefined }
      })
      return token
    },
  }
}
