// directory/: the tenant and its users and groups, and the rules their properties follow.
import {
  type DocumentStore,
  generatePassword,
  hashPassword,
  ok,
  type Result,
  type Runtime,
} from '@sandbox/shared'
import { type AdminError, conflict, invalid } from '../errors/admin-error'
import type { DeepState } from '../state/deep-state'
import { readFound, updateFound } from '../state/found'
import type { DirectoryUser, IdpState } from '../state/idp-state'
import {
  checkEmailShaped,
  checkPasswordComplexity,
  checkUserPrincipalName,
  setDirectoryNames,
} from './user-rules'
import { findUser, isGlobalAdministrator } from './users'

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
 * Users of the tenant: create (password generated and shown once when not given), update,
 * delete (memberships and assignments go with the user). Passwords are checked only by the
 * credential check (`sessions/credential-check.ts`), which throttles every path alike.
 */
export function createDirectoryService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps

  async function hashed(password: string | undefined): Promise<Result<string | undefined, AdminError>> {
    if (password === undefined) return ok(undefined)
    const complex = checkPasswordComplexity(password)
    return complex.ok ? ok(await hashPassword(password)) : complex
  }

  return {
    listUsers(): DeepState['users'] {
      return store.read().users
    },

    getUser(idOrUpn: string): Result<DeepState['users'][number], AdminError> {
      return readFound(store, findUser, idOrUpn)
    },

    async createUser(input: UserInput): Promise<Result<CreatedUser, AdminError>> {
      if (!input.userPrincipalName) return invalid('userPrincipalName is required.', 'userPrincipalName')
      if (!input.displayName) return invalid('displayName is required.', 'displayName')
      const generatedPassword = input.password === undefined ? generatePassword() : null
      const passwordHash = await hashed(input.password ?? (generatedPassword as string))
      if (!passwordHash.ok) return passwordHash
      return store.update((draft) => {
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
    },

    async updateUser(idOrUpn: string, input: UserInput): Promise<Result<DirectoryUser, AdminError>> {
      const passwordHash = await hashed(input.password)
      if (!passwordHash.ok) return passwordHash
      return updateFound(store, findUser, idOrUpn, (user, draft) => {
        const applied = applyUserInput(draft, user, input)
        if (!applied.ok) return applied
        if (passwordHash.value) user.passwordHash = passwordHash.value
        return ok(user)
      })
    },

    /** Sets a new generated password and returns it once (the portal's "Reset password"). */
    async resetPassword(idOrUpn: string): Promise<Result<string, AdminError>> {
      const password = generatePassword()
      const passwordHash = await hashPassword(password)
      return updateFound(store, findUser, idOrUpn, (user) => {
        user.passwordHash = passwordHash
        return ok(password)
      })
    },

    deleteUser(idOrUpn: string): Promise<Result<void, AdminError>> {
      return updateFound(store, findUser, idOrUpn, (user, draft) => {
        if (isGlobalAdministrator(user) && draft.users.filter(isGlobalAdministrator).length === 1) {
          return invalid(
            'This is the last Global Administrator of the tenant; give another user the role before deleting it.',
          )
        }
        draft.users = draft.users.filter((u) => u.id !== user.id)
        for (const group of draft.groups) group.memberIds = group.memberIds.filter((m) => m !== user.id)
        draft.appRoleAssignments = draft.appRoleAssignments.filter((a) => a.principalId !== user.id)
        return ok(undefined)
      })
    },
  }
}

/** The directory service's interface. */
export type DirectoryService = ReturnType<typeof createDirectoryService>
