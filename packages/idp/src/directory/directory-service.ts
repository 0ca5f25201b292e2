// directory/: the tenant and its users and groups, and the rules their properties follow.
import {
  type DocumentStore,
  generatePassword,
  hashPassword,
  ok,
  type Result,
  type Runtime,
} from '@sandbox/shared'
import {
  API_CLIENT,
  type AuditActor,
  type AuditLog,
  categoryRecorder,
  changedProperties,
  entraPropertyName,
} from '../audit/audit-log'
import { type AdminError, conflict, invalid } from '../errors/admin-error'
import type { ListQuery } from '../lists/list-page'
import type { DeepState } from '../state/deep-state'
import { readFound, updateFound } from '../state/found'
import type { DirectoryUser, IdpState } from '../state/idp-state'
import { groupsOfUser, searchUsers } from './directory-lists'
import {
  checkEmailShaped,
  checkPasswordComplexity,
  checkUserPrincipalName,
  setDirectoryNames,
  verifiedDomains,
} from './user-rules'
import {
  findUser,
  hasOtherEnabledGlobalAdministrator,
  isGlobalAdministrator,
  isLastEnabledGlobalAdministrator,
} from './users'

/** Properties an admin can set on a user; absent ones are left as they are (or defaulted on create). */
export interface UserInput {
  readonly userPrincipalName?: string
  readonly displayName?: string
  readonly mailNickname?: string
  readonly givenName?: string | null
  readonly surname?: string | null
  readonly mail?: string | null
  readonly onPremisesUserPrincipalName?: string | null
  readonly accountEnabled?: boolean
  /** Omitted on create: a password is generated and returned once ("Show password"). */
  readonly password?: string
  readonly directoryRoles?: readonly string[]
}

/** A created user and, when the admin gave no password, the generated one (shown once). */
export interface CreatedUser {
  readonly user: DirectoryUser
  readonly generatedPassword: string | null
}

function applyUserInput(state: DeepState, user: DirectoryUser, input: UserInput): Result<void, AdminError> {
  if (input.userPrincipalName !== undefined) {
    const upn = checkUserPrincipalName(state, input.userPrincipalName)
    if (!upn.ok) return upn
    const clash = findUser(state, upn.value)
    if (clash && clash.id !== user.id) return conflict('userPrincipalName')
    user.userPrincipalName = upn.value
  }
  const names = setDirectoryNames(user, input, 'User')
  if (!names.ok) return names
  for (const property of ['mail', 'onPremisesUserPrincipalName'] as const) {
    const value = input[property]
    if (value === undefined) continue
    const checked = checkEmailShaped(value, property)
    if (!checked.ok) return checked
    user[property] = checked.value
  }
  for (const property of ['givenName', 'surname'] as const) {
    const value = input[property]
    if (value === undefined) continue
    if (value !== null && value.length > 64) {
      return invalid(`Invalid value specified for property '${property}' of resource 'User'.`, property)
    }
    user[property] = value === '' ? null : value
  }
  if (input.accountEnabled !== undefined) user.accountEnabled = input.accountEnabled
  if (input.directoryRoles !== undefined) user.directoryRoles = [...new Set(input.directoryRoles)]
  return ok(undefined)
}

/**
 * Refuses an update that takes away the tenant's last enabled Global Administrator (Entra
 * keeps one, else nobody could sign in to undo it): `wasLast` is whether the user was that
 * administrator before the change, `user` the user after it.
 */
function keepEnabledAdministrator(
  draft: DeepState,
  user: DirectoryUser,
  wasLast: boolean,
): Result<void, AdminError> {
  if (!wasLast) return ok(undefined)
  if (!user.accountEnabled) {
    return invalid(
      `${user.displayName} is the last enabled Global Administrator of the tenant, so the account cannot be disabled: nobody could sign in to manage the tenant. Give another enabled user the Global Administrator role first, then disable this account.`,
      'accountEnabled',
    )
  }
  if (!isLastEnabledGlobalAdministrator(draft, user)) {
    return invalid(
      `${user.displayName} is the last enabled Global Administrator of the tenant, so the role cannot be removed: nobody could sign in to manage the tenant. Give another enabled user the Global Administrator role first.`,
      'directoryRoles',
    )
  }
  return ok(undefined)
}

/**
 * Users of the tenant: create (password generated and shown once when not given), update,
 * delete (memberships and assignments go with the user). Passwords are checked only by the
 * credential check (`sessions/credential-check.ts`), which throttles every path alike.
 */
/** The user properties an audit entry compares (never the password hash). */
const AUDITED_USER_PROPERTIES = [
  'userPrincipalName',
  'displayName',
  'mailNickname',
  'givenName',
  'surname',
  'mail',
  'onPremisesUserPrincipalName',
  'accountEnabled',
  'directoryRoles',
] as const

export function createDirectoryService(deps: {
  store: DocumentStore<IdpState>
  runtime: Runtime
  audit: AuditLog
}) {
  const { store, runtime } = deps
  const record = categoryRecorder(deps.audit, 'UserManagement')
  const audited = (
    activity: string,
    by: AuditActor,
    user: { readonly id: string; readonly displayName: string; readonly userPrincipalName: string },
    modifiedProperties: ReturnType<typeof changedProperties> = [],
  ) =>
    record(
      activity,
      by,
      [
        {
          id: user.id,
          displayName: user.displayName,
          type: 'User',
          userPrincipalName: user.userPrincipalName,
        },
      ],
      modifiedProperties,
    )

  async function hashed(password: string | undefined): Promise<Result<string | undefined, AdminError>> {
    if (password === undefined) return ok(undefined)
    const complex = checkPasswordComplexity(password)
    return complex.ok ? ok(await hashPassword(password)) : complex
  }

  return {
    listUsers(): DeepState['users'] {
      return store.read().users
    },

    /** A page of All users, searched by name, UPN or mail. */
    findUsers(query: ListQuery) {
      return searchUsers(store.read(), query)
    },

    /** The groups a user is a direct member of (the profile's Groups). */
    groupsOf(userId: string) {
      return groupsOfUser(store.read(), userId)
    },

    /** The tenant's verified domains, for the user principal name's domain picker. */
    domains(): readonly string[] {
      return verifiedDomains(store.read())
    },

    /** A password that meets the policy, for "Auto-generate password" (never stored as typed). */
    suggestPassword(): string {
      return generatePassword()
    },

    getUser(idOrUpn: string): Result<DeepState['users'][number], AdminError> {
      return readFound(store, findUser, idOrUpn)
    },

    async createUser(
      input: UserInput,
      by: AuditActor = API_CLIENT,
    ): Promise<Result<CreatedUser, AdminError>> {
      if (!input.userPrincipalName) return invalid('userPrincipalName is required.', 'userPrincipalName')
      if (!input.displayName) return invalid('displayName is required.', 'displayName')
      const generatedPassword = input.password === undefined ? generatePassword() : null
      const passwordHash = await hashed(input.password ?? (generatedPassword as string))
      if (!passwordHash.ok) return passwordHash
      const created = await store.update((draft) => {
        const user: DirectoryUser = {
          id: runtime.ids.guid(),
          userPrincipalName: '',
          displayName: '',
          mailNickname: input.userPrincipalName?.split('@')[0] ?? 'user',
          givenName: null,
          surname: null,
          mail: null,
          onPremisesUserPrincipalName: null,
          accountEnabled: true,
          passwordHash: passwordHash.value as string,
          directoryRoles: [],
          createdDateTime: new Date(runtime.clock.now()).toISOString(),
        }
        const applied = applyUserInput(draft, user, input)
        if (!applied.ok) return applied
        draft.users.push(user)
        return ok({ user, generatedPassword })
      })
      if (created.ok) {
        const user = created.value.user
        audited('Add user', by, user, changedProperties({}, user, AUDITED_USER_PROPERTIES, entraPropertyName))
      }
      return created
    },

    async updateUser(
      idOrUpn: string,
      input: UserInput,
      by: AuditActor = API_CLIENT,
    ): Promise<Result<DirectoryUser, AdminError>> {
      const passwordHash = await hashed(input.password)
      if (!passwordHash.ok) return passwordHash
      let before: Readonly<Record<string, unknown>> = {}
      const updated = await updateFound(store, findUser, idOrUpn, (user, draft) => {
        before = { ...user, directoryRoles: [...user.directoryRoles] }
        const wasLastAdministrator = isLastEnabledGlobalAdministrator(draft, user)
        const applied = applyUserInput(draft, user, input)
        if (!applied.ok) return applied
        const kept = keepEnabledAdministrator(draft, user, wasLastAdministrator)
        if (!kept.ok) return kept
        if (passwordHash.value) user.passwordHash = passwordHash.value
        return ok(user)
      })
      if (updated.ok) {
        const changes = changedProperties(before, updated.value, AUDITED_USER_PROPERTIES, entraPropertyName)
        if (changes.length > 0) audited('Update user', by, updated.value, changes)
        if (passwordHash.value) audited('Change user password', by, updated.value)
      }
      return updated
    },

    /** Sets a new generated password and returns it once (the portal's "Reset password"). */
    async resetPassword(idOrUpn: string, by: AuditActor = API_CLIENT): Promise<Result<string, AdminError>> {
      const password = generatePassword()
      const passwordHash = await hashPassword(password)
      let target = { id: '', displayName: '', userPrincipalName: '' }
      const reset = await updateFound(store, findUser, idOrUpn, (user) => {
        user.passwordHash = passwordHash
        target = { id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName }
        return ok(password)
      })
      if (reset.ok) audited('Reset user password', by, target)
      return reset
    },

    async deleteUser(idOrUpn: string, by: AuditActor = API_CLIENT): Promise<Result<void, AdminError>> {
      let target = { id: '', displayName: '', userPrincipalName: '' }
      const deleted = await updateFound(store, findUser, idOrUpn, (user, draft) => {
        target = { id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName }
        // Even a disabled administrator stays while no enabled one exists: it can be re-enabled.
        if (isGlobalAdministrator(user) && !hasOtherEnabledGlobalAdministrator(draft, user)) {
          return invalid(
            `${user.displayName} is a Global Administrator and no other enabled Global Administrator is left, so it cannot be deleted: nobody could sign in to manage the tenant. Give another enabled user the Global Administrator role first, then delete this user.`,
          )
        }
        draft.users = draft.users.filter((u) => u.id !== user.id)
        for (const group of draft.groups) group.memberIds = group.memberIds.filter((m) => m !== user.id)
        draft.appRoleAssignments = draft.appRoleAssignments.filter((a) => a.principalId !== user.id)
        return ok(undefined)
      })
      if (deleted.ok) audited('Delete user', by, target)
      return deleted
    },
  }
}

/** The directory service's interface. */
export type DirectoryService = ReturnType<typeof createDirectoryService>
