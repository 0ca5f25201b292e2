import { ok, type Result } from '@sandbox/shared'
import { type DirectoryError, invalidUser } from './directory-error'

/** RFC 5321 caps a forward path at 256 octets, so an address is at most 254 characters. */
export const MAX_EMAIL_LENGTH = 254
/** Longest first, last or display name Control Hub keeps. */
export const MAX_NAME_LENGTH = 256

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

/** The first user other than `exceptId` that already holds `email`. */
export function emailOwner<U extends UserLike & { id: string }>(
  users: readonly U[],
  email: string,
  exceptId?: string,
): U | undefined {
  return users.find((u) => u.id !== exceptId && holdsEmail(u, email))
}

/** Checks an email address and returns it trimmed and lower-cased (Webex stores them so). */
export function checkEmail(value: unknown, field = 'email'): Result<string, DirectoryError> {
  const email = typeof value === 'string' ? value.trim() : ''
  if (email.length === 0) {
    return invalidUser(
      field,
      `${field} is required.`,
      'Enter the email the user signs in with, e.g. b.simon@contoso.com.',
    )
  }
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) {
    return invalidUser(
      field,
      `"${email.slice(0, 80)}" is not a valid email address.`,
      `Enter an address like b.simon@contoso.com (no spaces, one @, a dotted domain, at most ${MAX_EMAIL_LENGTH} characters).`,
    )
  }
  return ok(email.toLowerCase())
}

/** Checks an optional name (first, last, display): text, trimmed, at most 256 characters, no control characters. */
export function checkName(value: unknown, field: string): Result<string, DirectoryError> {
  if (value === undefined || value === null) return ok('')
  if (typeof value !== 'string') {
    return invalidUser(field, `${field} must be text.`, `Send ${field} as a JSON string.`)
  }
  const trimmed = value.trim()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects.
  if (trimmed.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    return invalidUser(
      field,
      `${field} must be at most ${MAX_NAME_LENGTH} characters, without control characters.`,
      `Shorten ${field}.`,
    )
  }
  return ok(trimmed)
}

/** Control Hub's display name when none is given: "First Last", else the email. */
export function deriveDisplayName(givenName: string, familyName: string, email: string): string {
  return `${givenName} ${familyName}`.trim() || email
}
