import { ok, type Result } from '@sandbox/shared'
import { fail, type SpErrorOf } from '../errors/catalogue'
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '../errors/directory-errors'
import { usersHolding } from './user-index'

/** An expected failure of a directory action (Control Hub users, just-in-time creation, SCIM's user rules). */
export type DirectoryError = SpErrorOf<'USER_NOT_FOUND' | 'USER_INVALID' | 'USER_EXISTS'>

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/

interface UserLike {
  readonly userName: string
  readonly emails: readonly { readonly value: string }[]
}

/** Compares emails as Webex does: case-insensitively. */
export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** True when `email` is the user's userName or one of its emails. */
export function holdsEmail(user: UserLike, email: string): boolean {
  return sameEmail(user.userName, email) || user.emails.some((e) => sameEmail(e.value, email))
}

/** The first user other than `exceptId` that already holds `email` (looked up in an index when `users` is committed state). */
export function emailOwner<U extends UserLike & { id: string }>(
  users: readonly U[],
  email: string,
  exceptId?: string,
): U | undefined {
  const holders = usersHolding(users, email) ?? users.filter((u) => holdsEmail(u, email))
  return holders.find((u) => u.id !== exceptId)
}

/** Checks an email address and returns it trimmed and lower-cased (Webex stores them so). */
export function checkEmail(value: unknown, field = 'email'): Result<string, DirectoryError> {
  const email = typeof value === 'string' ? value.trim() : ''
  if (email.length === 0) return fail('USER_INVALID', { field, problem: 'required' })
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email))
    return fail('USER_INVALID', { field, problem: 'not-an-email', value: email })
  return ok(email.toLowerCase())
}

/** Checks an optional name (first, last, display): text, trimmed, at most 256 characters, no control characters. */
export function checkName(value: unknown, field: string): Result<string, DirectoryError> {
  if (value === undefined || value === null) return ok('')
  if (typeof value !== 'string') return fail('USER_INVALID', { field, problem: 'not-text' })
  const trimmed = value.trim()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects.
  if (trimmed.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed))
    return fail('USER_INVALID', { field, problem: 'not-a-name' })
  return ok(trimmed)
}

/** Control Hub's display name when none is given: "First Last", else the email. */
export function deriveDisplayName(givenName: string, familyName: string, email: string): string {
  return `${givenName} ${familyName}`.trim() || email
}
