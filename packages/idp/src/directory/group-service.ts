import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import {
  API_CLIENT,
  type AuditActor,
  type AuditLog,
  type AuditTarget,
  categoryRecorder,
  changedProperties,
  entraPropertyName,
  linkProperties,
} from '../audit/audit-log'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import type { ListQuery } from '../lists/list-page'
import type { DeepState } from '../state/deep-state'
import { patchFound, readFound, updateFound } from '../state/found'
import type { DirectoryGroup, IdpState } from '../state/idp-state'
import { memberCandidates, searchGroups } from './directory-lists'
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
const AUDITED_GROUP_PROPERTIES = ['displayName', 'description', 'mailNickname', 'securityEnabled'] as const

export function createGroupService(deps: {
  store: DocumentStore<IdpState>
  runtime: Runtime
  audit: AuditLog
}) {
  const { store, runtime } = deps
  const record = categoryRecorder(deps.audit, 'GroupManagement')
  const audited = (
    activity: string,
    by: AuditActor,
    group: { readonly id: string; readonly displayName: string },
    modifiedProperties: ReturnType<typeof changedProperties> = [],
    member?: AuditTarget,
  ) => {
    const groupTarget: AuditTarget = { id: group.id, displayName: group.displayName, type: 'Group' }
    // A membership names the user first (with the group among its properties), then the group.
    record(activity, by, member ? [member, groupTarget] : [groupTarget], modifiedProperties)
  }
  const membership = (verb: 'add' | 'remove', group: { readonly id: string; readonly displayName: string }) =>
    linkProperties(verb, [
      ['Group.ObjectID', group.id],
      ['Group.DisplayName', group.displayName],
    ])
  return {
    listGroups(): DeepState['groups'] {
      return store.read().groups
    },

    /** A page of All groups, searched by name or description. */
    findGroups(query: ListQuery) {
      return searchGroups(store.read(), query)
    },

    /** The users a member picker offers: those not in the group yet (all, for a new group). */
    memberCandidates(groupId: string | null) {
      const state = store.read()
      const group = groupId ? findGroup(state, groupId) : undefined
      return memberCandidates(state, group?.memberIds ?? [])
    },

    getGroup(id: string): Result<DeepState['groups'][number], AdminError> {
      return readFound(store, findGroup, id)
    },

    async createGroup(
      input: GroupInput,
      by: AuditActor = API_CLIENT,
    ): Promise<Result<DirectoryGroup, AdminError>> {
      const created = await store.update((draft) => {
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
      if (created.ok)
        audited(
          'Add group',
          by,
          created.value,
          changedProperties({}, created.value, AUDITED_GROUP_PROPERTIES, entraPropertyName),
        )
      return created
    },

    async updateGroup(
      id: string,
      input: GroupInput,
      by: AuditActor = API_CLIENT,
    ): Promise<Result<DirectoryGroup, AdminError>> {
      let before: Readonly<Record<string, unknown>> = {}
      const updated = await patchFound(store, findGroup, id, (group) => {
        before = { ...group }
        return applyGroupInput(group, input)
      })
      if (updated.ok) {
        const changes = changedProperties(before, updated.value, AUDITED_GROUP_PROPERTIES, entraPropertyName)
        if (changes.length > 0) audited('Update group', by, updated.value, changes)
      }
      return updated
    },

    async deleteGroup(id: string, by: AuditActor = API_CLIENT): Promise<Result<void, AdminError>> {
      let target = { id: '', displayName: '' }
      const deleted = await updateFound(store, findGroup, id, (group, draft) => {
        target = { id: group.id, displayName: group.displayName }
        draft.groups = draft.groups.filter((g) => g.id !== group.id)
        draft.appRoleAssignments = draft.appRoleAssignments.filter((a) => a.principalId !== group.id)
        return ok(undefined)
      })
      if (deleted.ok) audited('Delete group', by, target)
      return deleted
    },

    /** The group's direct members (users), in the order they were added. */
    listMembers(id: string): Result<DeepState['users'][number][], AdminError> {
      const state = store.read()
      const group = findGroup(state, id)
      if (!group) return notFound(id)
      return ok(group.memberIds.flatMap((m) => state.users.filter((u) => u.id === m)))
    },

    async addMember(
      id: string,
      memberId: string,
      by: AuditActor = API_CLIENT,
    ): Promise<Result<void, AdminError>> {
      let target = { id: '', displayName: '' }
      let member: AuditTarget | undefined
      const added = await updateFound(store, findGroup, id, (group, draft) => {
        target = { id: group.id, displayName: group.displayName }
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
        member = {
          id: user.id,
          displayName: user.displayName,
          type: 'User',
          userPrincipalName: user.userPrincipalName,
        }
        return ok(undefined)
      })
      if (added.ok) audited('Add member to group', by, target, membership('add', target), member)
      return added
    },

    async removeMember(
      id: string,
      memberId: string,
      by: AuditActor = API_CLIENT,
    ): Promise<Result<void, AdminError>> {
      let target = { id: '', displayName: '' }
      let member: AuditTarget = { id: memberId, displayName: memberId, type: 'User' }
      const removed = await updateFound(store, findGroup, id, (group, draft) => {
        if (!group.memberIds.includes(memberId)) return notFound(memberId)
        target = { id: group.id, displayName: group.displayName }
        const user = findUser(draft, memberId)
        if (user)
          member = {
            id: user.id,
            displayName: user.displayName,
            type: 'User',
            userPrincipalName: user.userPrincipalName,
          }
        group.memberIds = group.memberIds.filter((m) => m !== memberId)
        return ok(undefined)
      })
      if (removed.ok) audited('Remove member from group', by, target, membership('remove', target), member)
      return removed
    },
  }
}
