import { createHash } from 'node:crypto'
import {
  type DocumentStore,
  fingerprintOfDigest,
  ok,
  type Result,
  type Runtime,
  secretMatches,
} from '@sandbox/shared'
import { fail, type SpErrorOf } from '../errors/catalogue'
import type { SpState } from '../state/sp-state'

/** A connector token as Control Hub lists it: never the token itself, which is shown once. */
export interface ScimConnectorToken {
  readonly id: string
  readonly name: string
  readonly createdAt: string
  /** When a SCIM call last authenticated with it (to the minute), or null if never. */
  readonly lastUsedAt: string | null
  /** `sha256:` and 16 hex digits of the token's SHA-256: tells which token a connector holds, never the token. */
  readonly fingerprint: string
}

/** What the state keeps of a named token: its listing and the SHA-256 of its value. */
type StoredToken = Omit<ScimConnectorToken, 'fingerprint'> & { readonly sha256: string }

/** How many named tokens an organization keeps, and how long a name may be. */
export const MAX_SCIM_CONNECTOR_TOKENS = 20
export const MAX_SCIM_TOKEN_NAME = 100

/** "Last used" is written at most once a minute per token, so a provisioning cycle is not one write per call. */
const LAST_USED_RESOLUTION_MS = 60_000

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

const listed = (t: StoredToken): ScimConnectorToken => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  fingerprint: fingerprintOfDigest(t.sha256),
})

/**
 * Named SCIM bearer tokens for provisioning connectors ("Entra provisioning connector"): several
 * at once, each revocable on its own, each shown once when generated. Only a SHA-256 of a token
 * is stored, so the state file and its backups cannot leak a working token.
 */
export function createScimConnectorTokens(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const stored = () => deps.store.read().scimConnectorTokens ?? []
  return {
    /** The tokens, oldest first. */
    list(): ScimConnectorToken[] {
      return stored().map(listed)
    },

    /** Generates a named token; the answer is the only place its value appears. */
    async issue(
      name: string,
    ): Promise<
      Result<
        { token: string; issued: ScimConnectorToken },
        SpErrorOf<'SCIM_TOKEN_NAME_INVALID' | 'SCIM_TOKEN_LIMIT'>
      >
    > {
      const trimmed = name.trim()
      if (
        trimmed.length === 0 ||
        trimmed.length > MAX_SCIM_TOKEN_NAME ||
        [...trimmed].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)
      )
        return fail('SCIM_TOKEN_NAME_INVALID', { max: MAX_SCIM_TOKEN_NAME })
      const token = deps.runtime.ids.token(32)
      const entry: StoredToken = {
        id: deps.runtime.ids.guid(),
        name: trimmed,
        createdAt: new Date(deps.runtime.clock.now()).toISOString(),
        lastUsedAt: null,
        sha256: sha256(token),
      }
      const saved = await deps.store.update((draft) => {
        const tokens = draft.scimConnectorTokens ?? []
        if (tokens.length >= MAX_SCIM_CONNECTOR_TOKENS)
          return fail('SCIM_TOKEN_LIMIT', { max: MAX_SCIM_CONNECTOR_TOKENS })
        draft.scimConnectorTokens = [...tokens, entry]
        return ok(undefined)
      })
      return saved.ok ? ok({ token, issued: listed(entry) }) : saved
    },

    /** Revokes one token: SCIM refuses it from the next request on. */
    async revoke(id: string): Promise<Result<ScimConnectorToken, SpErrorOf<'SCIM_TOKEN_NOT_FOUND'>>> {
      return deps.store.update((draft) => {
        const tokens = draft.scimConnectorTokens ?? []
        const found = tokens.find((t) => t.id === id)
        if (!found) return fail('SCIM_TOKEN_NOT_FOUND', { id })
        draft.scimConnectorTokens = tokens.filter((t) => t.id !== id)
        return ok(listed(found))
      })
    },

    /** Revokes every named token (regenerating the organization's token does this). */
    async revokeAll(): Promise<void> {
      await deps.store.update((draft) => {
        draft.scimConnectorTokens = []
        return ok(undefined)
      })
    },

    /** The named token a presented bearer value is, or null; notes its use. Every token is compared, in constant time. */
    async authenticate(presented: string): Promise<ScimConnectorToken | null> {
      const digest = sha256(presented)
      const matches = stored().filter((t) => secretMatches(digest, t.sha256))
      const found = matches[0]
      if (!found) return null
      const now = deps.runtime.clock.now()
      const last = found.lastUsedAt ? Date.parse(found.lastUsedAt) : Number.NEGATIVE_INFINITY
      if (now - last >= LAST_USED_RESOLUTION_MS) {
        const at = new Date(now).toISOString()
        await deps.store.update((draft) => {
          const token = draft.scimConnectorTokens?.find((t) => t.id === found.id)
          if (token) token.lastUsedAt = at
          return ok(undefined)
        })
        return { ...listed(found), lastUsedAt: at }
      }
      return listed(found)
    },
  }
}
