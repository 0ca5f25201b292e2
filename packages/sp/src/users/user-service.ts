// users/: the org's Webex users as Control Hub manages them; one record for Control Hub, SCIM and sign-in.
import { type DeepReadonly, type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { fail } from '../errors/catalogue'
import type { SpState } from '../state/sp-state'
import { pageOfUsers, type UserListQuery, type UserPage } from './user-list'
import { newUserRecord, primaryWorkEmail, touch } from './user-records'
import {
  checkEmail,
  checkName,
  type DirectoryError,
  deriveDisplayName,
  emailOwner,
  holdsEmail,
  sameEmail,
} from './user-rules'
import type { WebexUser } from './user-schema'

/** A stored user as reads return it (frozen). */
export type StoredUser = DeepReadonly<WebexUser>

/** What Control Hub's "Manually add or modify users" asks for; only the email is required. */
export interface NewUser {
  readonly email: string
  readonly firstName?: string
  readonly lastName?: string
  /** Derived from the names (or the email) when absent or empty. */
  readonly displayName?: string
  /** Control Hub's "Add Services for Users". */
  readonly licenses?: readonly WebexLicense[]
}

export type WebexLicense = NonNullable<WebexUser['licenses']>[number]

/** Changes to a user; absent fields stay as they are. An empty displayName derives it again. */
export interface UserChanges {
  readonly email?: string
  readonly firstName?: string
  readonly lastName?: string
  readonly displayName?: string
  readonly active?: boolean
}

interface CheckedUser {
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly displayName: string
}

function checkNewUser(input: NewUser): Result<CheckedUser, DirectoryError> {
  const email = checkEmail(input.email)
  if (!email.ok) return email
  const firstName = checkName(input.firstName, 'firstName')
  if (!firstName.ok) return firstName
  const lastName = checkName(input.lastName, 'lastName')
  if (!lastName.ok) return lastName
  const displayName = checkName(input.displayName, 'displayName')
  if (!displayName.ok) return displayName
  return ok({
    email: email.value,
    firstName: firstName.value,
    lastName: lastName.value,
    displayName: displayName.value || deriveDisplayName(firstName.value, lastName.value, email.value),
  })
}

/**
 * Webex users as Control Hub manages them (Users > Manage users > Manually add or modify
 * users). The records are the ones SCIM provisions and the SSO path signs in: a user added
 * here, provisioned by Entra or created just in time is one and the same kind of record.
 */
export function createUserService(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  const now = (): string => new Date(runtime.clock.now()).toISOString()

  function create(input: NewUser, source: WebexUser['source']): Promise<Result<WebexUser, DirectoryError>> {
    const checked = checkNewUser(input)
    if (!checked.ok) return Promise.resolve(checked)
    const { email, firstName, lastName, displayName } = checked.value
    return store.update((draft) => {
      if (emailOwner(draft.directory.users, email)) return fail('USER_EXISTS', { field: 'email', email })
      const user = newUserRecord(
        runtime.ids.guid(),
        {
          userName: email,
          givenName: firstName,
          familyName: lastName,
          displayName,
          emails: primaryWorkEmail(email),
          active: true,
          userType: 'user',
          externalId: null,
          extra: {},
        },
        source,
        now(),
      )
      if (input.licenses) user.licenses = [...new Set(input.licenses)]
      draft.directory.users.push(user)
      return ok(user)
    })
  }

  function setActive(id: string, active: boolean): Promise<Result<WebexUser, DirectoryError>> {
    return store.update((draft) => {
      const user = draft.directory.users.find((u) => u.id === id)
      if (!user) return fail('USER_NOT_FOUND', { id })
      if (user.active !== active) {
        user.active = active
        touch(user, now())
      }
      return ok(user)
    })
  }

  return {
    /** Users in creation order, optionally searched, one page at a time. */
    list(query: UserListQuery = {}): UserPage {
      return pageOfUsers(store.read().directory.users, query)
    },

    get(id: string): Result<StoredUser, DirectoryError> {
      const user = store.read().directory.users.find((u) => u.id === id)
      return user ? ok(user) : fail('USER_NOT_FOUND', { id })
    },

    /**
     * The user an assertion value names: its userName or any of its emails, compared
     * case-insensitively. Returned whatever `active` is; the sign-in path refuses inactive users.
     */
    findSignInUser(value: string): StoredUser | null {
      const wanted = value.trim()
      if (wanted.length === 0) return null
      return store.read().directory.users.find((u) => holdsEmail(u, wanted)) ?? null
    },

    /**
     * "Manually add users" for several people at once (one store update each, in order): every
     * address is checked first, so a duplicate or invalid one adds nobody.
     */
    async addMany(inputs: readonly NewUser[]): Promise<Result<WebexUser[], DirectoryError>> {
      const seen = new Set<string>()
      const existing = store.read().directory.users
      for (const input of inputs) {
        const checked = checkNewUser(input)
        if (!checked.ok) return checked
        const email = checked.value.email
        if (seen.has(email) || emailOwner(existing, email))
          return fail('USER_EXISTS', { field: 'email', email })
        seen.add(email)
      }
      const added: WebexUser[] = []
      for (const input of inputs) {
        const created = await create(input, 'manual')
        if (!created.ok) return created
        added.push(created.value)
      }
      return ok(added)
    },

    /** "Manually add users": email required, names optional, display name derived when absent. */
    add(input: NewUser): Promise<Result<WebexUser, DirectoryError>> {
      return create(input, 'manual')
    },

    /** Just-in-time creation at sign-in (when the org turned it on); same rules as `add`. */
    createJustInTime(attrs: {
      email: string
      givenName?: string
      familyName?: string
      displayName?: string
    }): Promise<Result<WebexUser, DirectoryError>> {
      return create(
        {
          email: attrs.email,
          ...(attrs.givenName === undefined ? {} : { firstName: attrs.givenName }),
          ...(attrs.familyName === undefined ? {} : { lastName: attrs.familyName }),
          ...(attrs.displayName === undefined ? {} : { displayName: attrs.displayName }),
        },
        'jit',
      )
    },

    /**
     * "Modify user". A new email becomes the userName and the primary work email (other emails
     * stay). The display name follows name changes when it was the derived one.
     */
    modify(id: string, changes: UserChanges): Promise<Result<WebexUser, DirectoryError>> {
      return store.update((draft) => {
        const user = draft.directory.users.find((u) => u.id === id)
        if (!user) return fail('USER_NOT_FOUND', { id })
        const checked = checkNewUser({
          email: changes.email ?? user.userName,
          firstName: changes.firstName ?? user.givenName,
          lastName: changes.lastName ?? user.familyName,
          displayName:
            changes.displayName ??
            (user.displayName === deriveDisplayName(user.givenName, user.familyName, user.userName)
              ? ''
              : user.displayName),
        })
        if (!checked.ok) return checked
        const { email, firstName, lastName, displayName } = checked.value
        if (emailOwner(draft.directory.users, email, id))
          return fail('USER_EXISTS', { field: 'email', email })
        if (email !== user.userName) {
          const previous = user.userName
          user.emails = [
            ...primaryWorkEmail(email),
            ...user.emails.filter(
              (e) => !(e.primary || sameEmail(e.value, previous) || sameEmail(e.value, email)),
            ),
          ]
          user.userName = email
        }
        user.givenName = firstName
        user.familyName = lastName
        user.displayName = displayName
        if (changes.active !== undefined) user.active = changes.active
        touch(user, now())
        return ok(user)
      })
    },

    /** "Deactivate user": the user stays but can no longer sign in. */
    deactivate(id: string): Promise<Result<WebexUser, DirectoryError>> {
      return setActive(id, false)
    },

    activate(id: string): Promise<Result<WebexUser, DirectoryError>> {
      return setActive(id, true)
    },

    /** "Delete user": the user and its group memberships go. */
    remove(id: string): Promise<Result<void, DirectoryError>> {
      return store.update((draft) => {
        const index = draft.directory.users.findIndex((u) => u.id === id)
        if (index < 0) return fail('USER_NOT_FOUND', { id })
        draft.directory.users.splice(index, 1)
        const at = now()
        for (const group of draft.directory.groups) {
          const before = group.members.length
          group.members = group.members.filter((m) => m.value !== id)
          if (group.members.length !== before) touch(group, at)
        }
        return ok(undefined)
      })
    },
  }
}

/** The Control Hub user operations (and the SSO path's lookups). */
export type UserService = ReturnType<typeof createUserService>
