import { ok, type Result } from '@sandbox/shared'
import { type AdminError, invalid } from '../errors/admin-error'
import type { DeepState } from '../state/deep-state'

/** The tenant's verified domains: the default one and its `onmicrosoft.com` twin. */
export function verifiedDomains(state: DeepState): string[] {
  const prefix = state.tenant.displayName.toLowerCase().replace(/[^a-z0-9]/g, '')
  return [state.tenant.defaultDomain.toLowerCase(), `${prefix}.onmicrosoft.com`]
}

const ALIAS = /^[A-Za-z0-9'._!#^~-]{1,64}$/

/** Checks a userPrincipalName as Entra does: `alias@verified-domain`, at most 113 characters. */
export function checkUserPrincipalName(state: DeepState, upn: string): Result<string, AdminError> {
  const value = upn.trim()
  const at = value.lastIndexOf('@')
  const alias = value.slice(0, at)
  if (at <= 0 || value.length > 113 || !ALIAS.test(alias) || alias.startsWith('.') || alias.endsWith('.')) {
    return invalid(
      `Property userPrincipalName is invalid: '${value}' must look like alias@${state.tenant.defaultDomain} (letters, digits and ' . - _ ! # ^ ~ before the @, at most 64 characters).`,
      'userPrincipalName',
    )
  }
  const domain = value.slice(at + 1).toLowerCase()
  if (!verifiedDomains(state).includes(domain)) {
    return invalid(
      `The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization (${verifiedDomains(state).join(', ')}).`,
      'userPrincipalName',
    )
  }
  return ok(`${alias}@${domain}`)
}

/**
 * Entra's cloud password policy: 8 to 256 characters and three of lowercase, uppercase,
 * digits and symbols.
 */
export function checkPasswordComplexity(password: string): Result<string, AdminError> {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(password)).length
  if (password.length < 8 || password.length > 256 || classes < 3) {
    return invalid(
      'The specified password does not comply with password complexity requirements. Please provide a different password (8 to 256 characters, with three of: lowercase, uppercase, digits, symbols).',
      'passwordProfile',
    )
  }
  return ok(password)
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/

/** Checks an optional e-mail-shaped property (mail, onPremisesUserPrincipalName). */
export function checkEmailShaped(value: string | null, property: string): Result<string | null, AdminError> {
  if (value === null || value === '') return ok(null)
  if (value.length > 256 || !EMAIL.test(value)) {
    return invalid(`Invalid value specified for property '${property}' of resource 'User'.`, property)
  }
  return ok(value)
}

const NICKNAME = /^[\x21-\x7e]{1,64}$/

/** mailNickname: printable ASCII without @ ( ) \ [ ] " ; : < > , or spaces, at most 64. */
function checkMailNickname(value: string, resource: 'User' | 'Group'): Result<string, AdminError> {
  if (!NICKNAME.test(value) || /[@()\\[\]";:<>,]/.test(value)) {
    return invalid(
      `Invalid value specified for property 'mailNickname' of resource '${resource}'.`,
      'mailNickname',
    )
  }
  return ok(value)
}

/**
 * Sets a directory object's displayName when the input has one (Graph's PATCH leaves absent
 * properties as they are); refuses as {@link checkDisplayName} does.
 */
export function setDisplayName(
  target: { displayName: string },
  value: string | undefined,
  resource: string,
): Result<void, AdminError> {
  if (value === undefined) return ok(undefined)
  const name = checkDisplayName(value, resource)
  if (!name.ok) return name
  target.displayName = name.value
  return ok(undefined)
}

/** Sets the names users and groups both have (displayName, mailNickname) from those the input has. */
export function setDirectoryNames(
  target: { displayName: string; mailNickname: string },
  input: { readonly displayName?: string; readonly mailNickname?: string },
  resource: 'User' | 'Group',
): Result<void, AdminError> {
  const name = setDisplayName(target, input.displayName, resource)
  if (!name.ok || input.mailNickname === undefined) return name
  const nickname = checkMailNickname(input.mailNickname, resource)
  if (!nickname.ok) return nickname
  target.mailNickname = nickname.value
  return ok(undefined)
}

/** displayName: required, at most 256 characters. */
export function checkDisplayName(value: string, resource: string): Result<string, AdminError> {
  const trimmed = value.trim()
  if (trimmed.length === 0 || trimmed.length > 256) {
    return invalid(
      `Invalid value specified for property 'displayName' of resource '${resource}': it is required and at most 256 characters.`,
      'displayName',
    )
  }
  return ok(trimmed)
}
