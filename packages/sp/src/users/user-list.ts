import type { StoredUser } from './user-service'

/** Control Hub's user list query: a case-insensitive substring search and offset paging. */
export interface UserListQuery {
  /** Matched against userName, emails, display, first and last name. */
  readonly search?: string
  /** 0-based offset of the first user returned. */
  readonly offset?: number
  /** At most this many users (default {@link DEFAULT_PAGE_SIZE}, capped at {@link MAX_PAGE_SIZE}). */
  readonly limit?: number
}

/** One page of users. */
export interface UserPage {
  readonly total: number
  readonly offset: number
  readonly limit: number
  readonly items: readonly StoredUser[]
}

const DEFAULT_PAGE_SIZE = 100
const MAX_PAGE_SIZE = 1000

function matchesSearch(user: StoredUser, needle: string): boolean {
  const haystack = [
    user.userName,
    user.displayName,
    user.givenName,
    user.familyName,
    ...user.emails.map((e) => e.value),
  ]
  return haystack.some((value) => value.toLowerCase().includes(needle))
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback
  return Math.min(Math.max(Math.trunc(value), min), max)
}

/** The page of `users` (in creation order) a query asks for. */
export function pageOfUsers(users: readonly StoredUser[], query: UserListQuery): UserPage {
  const needle = query.search?.trim().toLowerCase() ?? ''
  const matching = needle ? users.filter((u) => matchesSearch(u, needle)) : users
  const offset = clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER)
  const limit = clampInt(query.limit, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
  return { total: matching.length, offset, limit, items: matching.slice(offset, offset + limit) }
}
