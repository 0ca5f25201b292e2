import { createHash, timingSafeEqual } from 'node:crypto'
import type { DocumentStore, Runtime } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'

/** Why a bearer token was refused. */
export type BearerRefusal = 'missing' | 'not-bearer' | 'wrong'

/**
 * Compares two secrets in constant time: both are hashed first, so neither the content nor
 * the length of the expected token leaks through timing.
 */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest()
  const b = createHash('sha256').update(expected, 'utf8').digest()
  return timingSafeEqual(a, b) && expected.length > 0
}

/** Checks an `Authorization` header value against the expected bearer token. */
export function checkBearer(header: string | undefined, expected: string): BearerRefusal | null {
  if (header === undefined || header.trim() === '') return 'missing'
  const match = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i.exec(header)
  if (!match) return 'not-bearer'
  return tokensMatch(match[1] as string, expected) ? null : 'wrong'
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
