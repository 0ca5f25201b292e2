import { ok, type Result } from '@sandbox/shared'
import { type AdminError, conflict, invalid } from '../errors/admin-error'
import type { DeepState } from '../state/deep-state'
import type { EnterpriseApp, ReplyUrl } from '../state/idp-state'
import type { GalleryRules } from './gallery'

/** Entra's limit on reply URL length. */
const MAX_URL_LENGTH = 256
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Checks a web URL field (Reply URL, Sign-on URL, Logout URL) as Entra does: absolute, https
 * (plain http only for loopback), no wildcard, no fragment, at most 256 characters.
 */
export function checkWebUrl(value: string, field: string): Result<string, AdminError> {
  const trimmed = value.trim()
  const control = /\p{Cc}/u.exec(trimmed)
  if (control) {
    const code = control[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')
    return invalid(
      `${field} contains a control character (U+${code}) at position ${control.index + 1}; remove it (or percent-encode it).`,
      field,
    )
  }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return invalid(`${field} '${trimmed}' is not an absolute URL; enter it as https://host/path.`, field)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return invalid(
      `${field} '${trimmed}' must start with https:// (plain http:// is accepted only for localhost, 127.0.0.1 and [::1]).`,
      field,
    )
  }
  if (trimmed.includes('*')) return invalid(`${field} '${trimmed}' must not contain a wildcard (*).`, field)
  if (url.hash) return invalid(`${field} '${trimmed}' must not contain a fragment (#…).`, field)
  if (trimmed.length > MAX_URL_LENGTH) {
    return invalid(
      `${field} is ${trimmed.length} characters long; at most ${MAX_URL_LENGTH} are allowed.`,
      field,
    )
  }
  return ok(trimmed)
}

/**
 * The Logout URL as Entra takes it: empty or null clears it (the app then has no single
 * logout), anything else must be a web URL ({@link checkWebUrl}).
 */
export function checkLogoutUrl(value: string | null): Result<string | null, AdminError> {
  return value === null || value === '' ? ok(null) : checkWebUrl(value, 'Logout URL')
}

/** An Identifier (Entity ID): any string without whitespace, at most 256 characters. */
export function checkIdentifier(value: string): Result<string, AdminError> {
  const trimmed = value.trim()
  if (trimmed.length === 0 || /\s/.test(trimmed) || trimmed.length > 256) {
    return invalid(
      `Identifier '${trimmed}' is invalid: it must be non-empty, without spaces, and at most 256 characters.`,
      'identifierUris',
    )
  }
  return ok(trimmed)
}

export function matchPattern(
  pattern: GalleryRules['identifierPattern'],
  value: string,
  field: string,
): Result<void, AdminError> {
  if (!pattern || pattern.regex.test(value)) return ok(undefined)
  return invalid(
    `${field} '${value}' does not match the pattern this application expects: ${pattern.shown}.`,
    field,
  )
}

/** Identifiers: valid, not repeated, not used by another app of the tenant, matching the gallery pattern. */
export function checkIdentifiers(
  state: DeepState,
  app: Pick<EnterpriseApp, 'servicePrincipal'>,
  rules: GalleryRules,
  values: readonly string[],
): Result<string[], AdminError> {
  const checked: string[] = []
  for (const value of values) {
    const identifier = checkIdentifier(value)
    if (!identifier.ok) return identifier
    if (checked.includes(identifier.value)) {
      return invalid(`Identifier '${identifier.value}' is listed twice.`, 'identifierUris')
    }
    const pattern = matchPattern(rules.identifierPattern, identifier.value, 'Identifier')
    if (!pattern.ok) return pattern
    const owner = state.apps.find(
      (a) =>
        a.servicePrincipal.id !== app.servicePrincipal.id &&
        a.application.identifierUris.includes(identifier.value),
    )
    if (owner) return conflict('identifierUris')
    checked.push(identifier.value)
  }
  return ok(checked)
}

/** Reply URLs: valid, unique, unique non-negative indexes, at most one default, matching the gallery pattern. */
export function checkReplyUrls(
  rules: GalleryRules,
  values: readonly ReplyUrl[],
): Result<ReplyUrl[], AdminError> {
  const checked: ReplyUrl[] = []
  for (const entry of values) {
    const url = checkWebUrl(entry.url, 'Reply URL')
    if (!url.ok) return url
    const pattern = matchPattern(rules.replyUrlPattern, url.value, 'Reply URL')
    if (!pattern.ok) return pattern
    if (checked.some((c) => c.url === url.value))
      return invalid(`Reply URL '${url.value}' is listed twice.`, 'replyUrls')
    if (entry.index !== null && (!Number.isInteger(entry.index) || entry.index < 0 || entry.index > 65_535)) {
      return invalid(
        `The index of Reply URL '${url.value}' must be a whole number from 0 to 65535.`,
        'replyUrls',
      )
    }
    if (entry.index !== null && checked.some((c) => c.index === entry.index)) {
      return invalid(
        `Index ${entry.index} is used by two Reply URLs; each index must be unique.`,
        'replyUrls',
      )
    }
    checked.push({ url: url.value, index: entry.index, isDefault: entry.isDefault })
  }
  if (checked.filter((c) => c.isDefault).length > 1) {
    return invalid('Only one Reply URL can be marked as default.', 'replyUrls')
  }
  return ok(checked)
}

/** The Sign-on URL, checked against the gallery pattern when there is one. */
export function checkSignOnUrl(rules: GalleryRules, value: string): Result<string, AdminError> {
  const url = checkWebUrl(value, 'Sign on URL')
  if (!url.ok) return url
  const pattern = matchPattern(rules.signOnUrlPattern, url.value, 'Sign on URL')
  return pattern.ok ? url : pattern
}

/** Relay State: opaque, echoed to the app; bounded so it fits a Redirect-binding URL. */
export function checkRelayState(value: string): Result<string, AdminError> {
  if (value.length > 1024 || /[\r\n]/.test(value)) {
    return invalid('Relay State must be one line of at most 1024 characters.', 'relayState')
  }
  return ok(value)
}
