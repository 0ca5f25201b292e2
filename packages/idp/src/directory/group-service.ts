import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import type { DeepState } from '../state/deep-state'
import { patchFound, readFound, updateFound } from '../state/found'
import type { DirectoryGroup, IdpState } from '../state/idp-state'
import { setDirectoryNames } from './user-rules'
import { findUser } from './users'

/** Properties an admin can set on a group. */
export interface GroupInput {
  readonly displayName?: string
  readonly description?: string | null
  readonly mailNickname?: string
  readonly securityEnabled?: boolean
  readonly mailEnabled?: boolean
}

function applyGroupInput(group: DirectoryGroup, input: GroupInput): Result<void, AdminError> {
  const names = setDirectoryNames(group, input, 'Group')
  if (!names.ok) return names
  if (input.description !== undefined) group.description = input.description
  if (input.mailEnabled === true) {
    return invalid(
      'The sandbox directory holds security groups only: set mailEnabled to false and securityEnabled to true.',
      'mailEnabled',
    )
  }
  if (input.securityEnabled === false) {
    return invalid('Only security groups can be assigned to applications: set securityEnabled to true.')
  }
  return ok(undefined)
}

function findGroup<S extends Pick<DeepState, 'groups'>>(
  state: S,
  id: string,
): S['groups'][number] | undefined {
  return state.groups.find((g) => g.id.toLowerCase() === id.toLowerCase())
}

/** Security groups with direct members: what app assignment through groups needs. */
export function createGroupService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  return {
    listGroups(): DeepState['groups'] {
      return store.read().groups
    },

    getGroup(id: string): Result<DeepState['groups'][number], AdminError> {
      return readFound(store, findGroup, id)
    },

    createGroup(input: GroupInput): Promise<Result<DirectoryGroup, AdminError>> {
      return store.update((draft) => {
        if (input.displayName === undefined) return invalid('displayName is required.', 'displayName')
        const group: DirectoryGroup = {
          id: runtime.ids.guid(),
          displayName: '',
          description: null,
          mailNickname: input.displayName.replace(/[^A-Za-z0-9]/g, '').slice(0, 64) || 'group',
          securityEnabled: true,
          mailEnabled: false,
          memberIds: [],
          createdDateTime: new Date(runtime.clock.now()).toISOString(),
        }
        const applied = applyGroupInput(group, input)
        if (!applied.ok) return applied
        draft.groups.push(group)
        return ok(group)
      })
    },

    updateGroup(id: string, input: GroupInput): Promise<Result<DirectoryGroup, AdminError>> {
      return patchFound(store, findGroup, id, (group) => applyGroupInput(group, input))
    },

    deleteGroup(id: string): Promise<Result<void, AdminError>> {
      return updateFound(store, findGroup, id, (group, draft) => {
        draft.groups = draft.groups.filter((g) => g.id !== group.id)
        draft.appRoleAssignments = draft.appRoleAssignments.filter((a) => a.principalId !== group.id)
        return ok(undefined)
      })
    },

    /** The group's direct members (users), in the order they were added. */
    listMembers(id: string): Result<DeepState['users'][number][], AdminError> {
      const state = store.read()
      const group = findGroup(state, id)
      if (!group) return notFound(id)
      return ok(group.memberIds.flatMap((m) => state.users.filter((u) => u.id === m)))
    },

    addMember(id: string, memberId: string): Promise<Result<void, AdminError>> {
      return updateFound(store, findGroup, id, (group, draft) => {
        const user = findUser(draft, memberId)
        if (!user) {
          return findGroup(draft, memberId)
            ? invalid('Nested groups do not grant application access in this sandbox; add users as members.')
            : notFound(memberId)
        }
        if (group.memberIds.includes(user.id)) {
          return invalid(
            "One or more added object references already exist for the following modified properties: 'members'.",
            'members',
          )
        }
        group.memberIds.push(user.id)
        return ok(undefined)
      })
    },

    removeMember(id: string, memberId: string): Promise<Result<void, AdminError>> {
      return updateFound(store, findGroup, id, (group) => {
        if (!group.memberIds.includes(memberId)) return notFound(memberId)
        group.memberIds = group.memberIds.filter((m) => m !== memberId)
        return ok(undefined)
      })
    },
  }
}
