import { type DeepReadonly, ok, type Result } from '@sandbox/shared'
import { describeError } from '../errors/catalogue'
import type { UserFields } from '../users/user-records'
import { checkEmail, deriveDisplayName } from '../users/user-rules'
import type { WebexGroup, WebexUser } from '../users/user-schema'
import { USER_TYPES } from './attribute-defs'
import { isObject } from './attribute-path'
import { badRequest, type ScimError } from './scim-error'
import { CISCO_URN, ENTERPRISE_URN, USER_URN } from './scim-urns'

/** Where a representation is served: the org and the base URL of `meta.location`. */
export interface ScimContext {
  readonly orgId: string
  /** e.g. `http://localhost:7080/identity/scim/{orgId}/v2` (no trailing slash). */
  readonly baseUrl: string
}

/** Core attributes kept in `extra` verbatim, in the order they are returned. */
const EXTRA_CORE = [
  'nickName',
  'profileUrl',
  'title',
  'preferredLanguage',
  'locale',
  'timezone',
  'phoneNumbers',
  'photos',
  'addresses',
  'roles',
  'entitlements',
] as const

/** The ETag of a record (RFC 7644 §3.14): weak, from its version counter. */
export function etagOf(record: { version: number }): string {
  return `W/"${record.version}"`
}

/** A stored user as SCIM returns it (RFC 7643 §4.1 plus Webex's extension). */
export function userToScim(
  user: DeepReadonly<WebexUser>,
  groups: readonly DeepReadonly<WebexGroup>[],
  context: ScimContext,
): Record<string, unknown> {
  const extra = structuredClone(user.extra) as Record<string, unknown>
  const enterprise = extra[ENTERPRISE_URN]
  const cisco = isObject(extra[CISCO_URN]) ? extra[CISCO_URN] : {}
  const name: Record<string, unknown> = { ...(isObject(extra.name) ? extra.name : {}) }
  if (user.givenName) name.givenName = user.givenName
  if (user.familyName) name.familyName = user.familyName
  const memberOf = groups.filter((g) => g.members.some((m) => m.value === user.id))
  return {
    schemas: [USER_URN, ...(isObject(enterprise) ? [ENTERPRISE_URN] : []), CISCO_URN],
    id: user.id,
    ...(user.externalId === null ? {} : { externalId: user.externalId }),
    userName: user.userName,
    ...(Object.keys(name).length > 0 ? { name } : {}),
    // An empty displayName or userType and a null active are unassigned (a PATCH removed them).
    ...(user.displayName ? { displayName: user.displayName } : {}),
    ...Object.fromEntries(EXTRA_CORE.filter((k) => extra[k] !== undefined).map((k) => [k, extra[k]])),
    ...(user.userType ? { userType: user.userType } : {}),
    ...(user.active === null ? {} : { active: user.active }),
    emails: user.emails.map((e) => ({ ...e })),
    ...(memberOf.length > 0
      ? {
          groups: memberOf.map((g) => ({
            value: g.id,
            display: g.displayName,
            $ref: `${context.baseUrl}/Groups/${g.id}`,
            type: 'direct',
          })),
        }
      : {}),
    ...(isObject(enterprise) ? { [ENTERPRISE_URN]: enterprise } : {}),
    [CISCO_URN]: { ...cisco, meta: { organizationId: context.orgId } },
    meta: {
      resourceType: 'User',
      created: user.created,
      lastModified: user.lastModified,
      location: `${context.baseUrl}/Users/${user.id}`,
      version: etagOf(user),
    },
  }
}

/**
 * What a write does with what its body leaves out. A create assigns defaults (userType `user`,
 * active, a display name derived from the names), as RFC 7644 §3.3 allows. A PUT keeps the
 * stored userType and active (an omitted `active` must never reactivate a deactivated user) and
 * derives the display name. A PATCH leaves them unassigned: the body is the patched
 * representation, so whatever is missing was removed (RFC 7644 §3.5.2.2).
 */
export type UserWriteRules =
  | { readonly kind: 'create' }
  | { readonly kind: 'replace' | 'patch'; readonly previous: DeepReadonly<WebexUser> }

function checkEmails(
  raw: unknown,
  userName: string,
  previousUserName: string | undefined,
): Result<WebexUser['emails'], ScimError> {
  const given = Array.isArray(raw) ? (raw as Record<string, unknown>[]) : []
  // Entra's Webex connector changes userName alone (its mappings have no emails): the primary
  // email that was the old userName moves with it.
  const list = given.map((item) =>
    previousUserName !== undefined &&
    item.primary === true &&
    typeof item.value === 'string' &&
    item.value.toLowerCase() === previousUserName.toLowerCase()
      ? { ...item, value: userName }
      : item,
  )
  const emails: WebexUser['emails'][number][] = []
  for (const [i, item] of list.entries()) {
    const value = checkEmail(item.value, `emails[${i}].value`)
    if (!value.ok) {
      const problem = describeError(value.error)
      return badRequest('invalidValue', `${problem.message} ${problem.fix}`)
    }
    if (emails.some((e) => e.value === value.value)) continue
    emails.push({
      value: value.value,
      type: typeof item.type === 'string' ? item.type : 'work',
      primary: item.primary === true,
      ...(typeof item.display === 'string' ? { display: item.display } : {}),
    })
  }
  // More than one primary never gets here: the schema check refuses it, and PATCH demotes the others.
  const primary = emails.find((e) => e.primary)
  if (primary && primary.value !== userName) {
    return badRequest(
      'invalidValue',
      `The primary email (${primary.value}) must equal userName (${userName}) in Webex: to make it the primary email, set userName to it in the same request.`,
    )
  }
  const own = emails.find((e) => e.value === userName)
  if (own) own.primary = true
  else emails.unshift({ value: userName, type: 'work', primary: true })
  return ok(emails)
}

/**
 * Turns a canonical SCIM User (from `normalizeResource`) into the stored fields, with Webex's
 * rules: userName is an email (stored lower-case), the primary email equals it, userType is
 * one of Webex's, the display name is derived when absent. Uniqueness is the service's check.
 */
export function userFromScim(
  resource: Record<string, unknown>,
  rules: UserWriteRules,
): Result<UserFields, ScimError> {
  if (typeof resource.userName !== 'string' || resource.userName.trim() === '') {
    return badRequest(
      'invalidValue',
      'userName is required: set it to the user\'s primary email, e.g. "b.simon@contoso.com".',
    )
  }
  const userName = checkEmail(resource.userName, 'userName')
  if (!userName.ok) {
    const problem = describeError(userName.error)
    return badRequest(
      'invalidValue',
      `userName must be the user's email in Webex: ${problem.message} ${problem.fix}`,
    )
  }
  const previous = rules.kind === 'create' ? undefined : rules.previous
  const kept = rules.kind === 'replace' ? previous : undefined
  let userType = rules.kind === 'create' ? 'user' : (kept?.userType ?? '')
  if (typeof resource.userType === 'string') {
    if (!(USER_TYPES as readonly string[]).includes(resource.userType)) {
      return badRequest(
        'invalidValue',
        `userType "${resource.userType.slice(0, 50)}" is not one of ${USER_TYPES.join(', ')}.`,
      )
    }
    userType = resource.userType
  }
  let active: boolean | null = rules.kind === 'create' ? true : (kept?.active ?? null)
  if (typeof resource.active === 'boolean') active = resource.active
  const emails = checkEmails(resource.emails, userName.value, previous?.userName)
  if (!emails.ok) return emails
  const name = isObject(resource.name) ? { ...resource.name } : {}
  const givenName = typeof name.givenName === 'string' ? name.givenName.trim() : ''
  const familyName = typeof name.familyName === 'string' ? name.familyName.trim() : ''
  delete name.givenName
  delete name.familyName
  const extra: Record<string, unknown> = {}
  if (Object.keys(name).length > 0) extra.name = name
  for (const key of EXTRA_CORE) if (resource[key] !== undefined) extra[key] = resource[key]
  if (isObject(resource[ENTERPRISE_URN])) extra[ENTERPRISE_URN] = resource[ENTERPRISE_URN]
  if (isObject(resource[CISCO_URN]) && Object.keys(resource[CISCO_URN]).length > 0)
    extra[CISCO_URN] = resource[CISCO_URN]
  const displayName = typeof resource.displayName === 'string' ? resource.displayName.trim() : ''
  return ok({
    userName: userName.value,
    givenName,
    familyName,
    displayName:
      displayName !== '' || rules.kind === 'patch'
        ? displayName
        : deriveDisplayName(givenName, familyName, userName.value),
    emails: emails.value,
    active,
    userType,
    externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
    extra,
  })
}
