import type { DeepReadonly } from '@sandbox/shared'
import type {
  ClaimSource,
  DirectoryUser,
  Transformation,
  UserAttribute,
  ValueSource,
} from '../state/idp-state'

/** What a claim can read: the user and the values of their app role assignments. */
export interface ClaimSubject {
  readonly user: DeepReadonly<DirectoryUser>
  /** Values of the app roles assigned to the user (directly or through a group). */
  readonly assignedRoles: readonly string[]
}

/** The values of a user attribute (empty strings dropped: empty claims are omitted). */
function attributeValues(subject: ClaimSubject, attribute: UserAttribute): string[] {
  const { user } = subject
  const single: Record<Exclude<UserAttribute, 'user.assignedroles'>, string | null> = {
    'user.userprincipalname': user.userPrincipalName,
    'user.mail': user.mail,
    'user.givenname': user.givenName,
    'user.surname': user.surname,
    'user.displayname': user.displayName,
    'user.objectid': user.id,
    'user.onpremisesuserprincipalname': user.onPremisesUserPrincipalName,
    'user.mailnickname': user.mailNickname,
  }
  const values = attribute === 'user.assignedroles' ? [...subject.assignedRoles] : [single[attribute]]
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0)
}

function plainValue(subject: ClaimSubject, source: DeepReadonly<ValueSource>): string | null {
  if (source.kind === 'constant') return source.value.length > 0 ? source.value : null
  return attributeValues(subject, source.attribute)[0] ?? null
}

/** ExtractMailPrefix: the part before the @ of an e-mail address or UPN. */
function extractMailPrefix(value: string): string {
  const at = value.indexOf('@')
  return at < 0 ? value : value.slice(0, at)
}

function applyTransformation(
  subject: ClaimSubject,
  value: string,
  transformation: DeepReadonly<Transformation>,
  forNameId: boolean,
): string | null {
  switch (transformation.method) {
    case 'ToLowercase':
      return value.toLowerCase()
    case 'ToUppercase':
      return value.toUpperCase()
    case 'ExtractMailPrefix':
      return extractMailPrefix(value)
    case 'Join': {
      const parameter = plainValue(subject, transformation.parameter)
      if (parameter === null) return null
      // For the NameID, Join drops the input's domain first (joe@contoso.com + @ + fabrikam.com
      // gives joe@fabrikam.com), as Entra's claims editor does.
      const input = forNameId ? extractMailPrefix(value) : value
      return `${input}${transformation.separator}${parameter}`
    }
  }
}

/**
 * The values of a claim source: an attribute's values, a constant, or the result of up to two
 * chained transformations (applied to the first value, as Entra does). Empty means "omit".
 */
export function claimValues(
  subject: ClaimSubject,
  source: DeepReadonly<ClaimSource>,
  options: { forNameId?: boolean } = {},
): string[] {
  if (source.kind === 'attribute') return attributeValues(subject, source.attribute)
  if (source.kind === 'constant') return source.value.length > 0 ? [source.value] : []
  let value = plainValue(subject, source.input)
  for (const transformation of source.transformations) {
    if (value === null) break
    value = applyTransformation(subject, value, transformation, options.forNameId === true)
  }
  return value === null || value.length === 0 ? [] : [value]
}
