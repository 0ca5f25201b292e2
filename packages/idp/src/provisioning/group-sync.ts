import type { DeepState } from '../state/deep-state'
import type { CacheEntry } from '../state/idp-state'
import { type DesiredObject, desiredObject, sameValue, type TargetValue } from './attribute-flow'
import { callFailure } from './object-errors'
import { exported, failed, skipped, unchanged } from './outcomes'
import type { ScimCall } from './scim-client'
import {
  createGroupBody,
  membersOperation,
  type PatchOperation,
  patchBody,
  readPath,
  resourceId,
} from './scim-payloads'
import { groupAttributes } from './scope'
import { EventLog, exchangesOf, type SyncContext, type SyncOutcome, shown } from './sync-context'
import { deleteInTarget } from './target-delete'
import { matchInTarget } from './target-match'

type Group = DeepState['groups'][number]
const PATCH_OK = [200, 204]

function groupEntry(
  targetId: string,
  name: string,
  values: ReadonlyMap<string, TargetValue> | Record<string, TargetValue>,
  memberIds: readonly string[],
): CacheEntry {
  return {
    kind: 'group',
    targetId,
    displayName: name,
    exported:
      values instanceof Map ? Object.fromEntries(values) : { ...(values as Record<string, TargetValue>) },
    memberIds: [...memberIds],
    state: 'active',
    softDeletedAt: null,
  }
}

/** A group out of scope or deleted: Entra deletes it in the target. */
async function deleteGroup(ctx: SyncContext, log: EventLog, cached: CacheEntry): Promise<SyncOutcome> {
  log.targetId = cached.targetId
  log.targetName = cached.displayName
  return deleteInTarget(ctx, log, 'group', cached)
}

/** The group's members that are provisioned users (source ids), in the group's order. */
function provisionedMembers(ctx: SyncContext, group: Group): string[] {
  if (ctx.groups.membersSource === null) return []
  return group.memberIds.filter((id) => {
    const entry = ctx.cacheOf(id)
    return entry?.kind === 'user' && entry.state === 'active'
  })
}

/** Attribute PATCH, then member Add and Remove PATCHes; stops at the first refusal. */
async function patchGroup(
  ctx: SyncContext,
  targetId: string,
  attributes: readonly PatchOperation[],
  add: readonly string[],
  remove: readonly string[],
): Promise<{ calls: ScimCall[]; failure: ReturnType<typeof callFailure> }> {
  const calls: ScimCall[] = []
  const path = `/Groups/${encodeURIComponent(targetId)}`
  const targetIds = (ids: readonly string[]) =>
    ids.map((id) => ctx.cacheOf(id)?.targetId ?? '').filter(Boolean)
  const batches: PatchOperation[][] = []
  if (attributes.length > 0) batches.push([...attributes])
  if (add.length > 0) batches.push([membersOperation('Add', targetIds(add))])
  if (remove.length > 0) batches.push([membersOperation('Remove', targetIds(remove))])
  for (const operations of batches) {
    const call = await ctx.client.request('PATCH', path, patchBody(operations))
    calls.push(call)
    const failure = callFailure(call, ctx.template.targetSystem, PATCH_OK)
    if (failure) return { calls, failure }
  }
  return { calls, failure: null }
}

function attributeChanges(
  desired: DesiredObject,
  before: (path: string) => TargetValue | undefined,
  ctx: SyncContext,
) {
  const operations: PatchOperation[] = []
  const modified: { displayName: string; oldValue: string | null; newValue: string | null }[] = []
  for (const [path, value] of desired.values) {
    const previous = before(path)
    const definition = ctx.template.groupAttributes.find((a) => a.name === path)
    if (sameValue(value, previous, definition)) continue
    operations.push({ op: 'Replace', path, value })
    modified.push({ displayName: path, oldValue: shown(previous), newValue: shown(value) })
  }
  return { operations, modified }
}

/**
 * Syncs one group as Entra does: created without members, then members added (and removed)
 * by PATCH; attributes updated only where they differ; deleted when it leaves the scope.
 */
export async function syncGroup(
  ctx: SyncContext,
  objectId: string,
  group: Group | undefined,
): Promise<SyncOutcome> {
  const cached = ctx.cacheOf(objectId)
  const ignored: SyncOutcome = {
    objectId,
    kind: 'group',
    result: 'ignored',
    log: null,
    requests: 0,
    errorCode: null,
  }
  if (!ctx.groups.enabled) return ignored
  if (!group) {
    if (!cached) return ignored
    const log = new EventLog(ctx, 'Group', objectId, cached.displayName)
    log.step(
      'EntryImportDelete',
      'import',
      'success',
      `Received Group '${cached.displayName}' change of type (Delete) from Microsoft Entra ID`,
    )
    return deleteGroup(ctx, log, cached)
  }
  const log = new EventLog(ctx, 'Group', group.id, group.displayName)
  const entitlement = ctx.scope.group(group)
  log.step(
    'EntryImport',
    'import',
    'success',
    `Retrieved Group '${group.displayName}' from Microsoft Entra ID`,
    {
      objectId: group.id,
      displayName: group.displayName,
      members: String(group.memberIds.length),
    },
  )
  log.step(
    'EntrySynchronizationScoping',
    'scoping',
    entitlement.entitled ? 'success' : 'skipped',
    entitlement.entitled
      ? 'Determine if Group in scope by evaluating against each scoping filter: the group is in scope'
      : `Determine if Group in scope by evaluating against each scoping filter: ${entitlement.reason}`,
    entitlement.details,
  )
  if (!entitlement.entitled) {
    if (cached) return deleteGroup(ctx, log, cached)
    return skipped(ctx, log, 'group', 'NotEffectivelyEntitled', entitlement.reason ?? '')
  }
  const desired = desiredObject(ctx.groups, groupAttributes(group), cached ? 'update' : 'create')
  if (desired.missingMatching.length > 0 || desired.missingRequired.length > 0)
    return skipped(
      ctx,
      log,
      'group',
      'MandatoryFieldsMissing',
      `Group '${group.displayName}' has no value for ${[...desired.missingRequired].join(', ')}.`,
    )
  const members = provisionedMembers(ctx, group)
  const system = ctx.template.targetSystem
  let targetId: string
  let knownMembers: readonly string[]
  let changes: ReturnType<typeof attributeChanges>
  let created = false
  const calls: ScimCall[] = []
  if (cached) {
    targetId = cached.targetId
    knownMembers = cached.memberIds
    changes = attributeChanges(desired, (p) => cached.exported[p], ctx)
    log.step(
      'EntryImport',
      'matching',
      'success',
      `Matched Group '${group.displayName}' to ${system} group ${targetId}, remembered from an earlier cycle`,
      { id: targetId },
    )
  } else {
    const match = await matchInTarget(ctx, log, 'Groups', desired.matching)
    if (!match.ok) return failed(ctx, log, 'group', 'Create', match.error, match.requests)
    if (match.value.found) {
      targetId = resourceId(match.value.found) ?? ''
      const found = match.value.found
      changes = attributeChanges(
        desiredObject(ctx.groups, groupAttributes(group), 'update'),
        (p) => readPath(found, p),
        ctx,
      )
    } else {
      const call = await ctx.client.request('POST', '/Groups', createGroupBody(desired.values))
      calls.push(call)
      const failure = callFailure(call, system, [201, 200])
      targetId = resourceId(call.body) ?? ''
      if (failure || !targetId) {
        log.step(
          'EntryExportAdd',
          'export',
          'failure',
          `Failed to create Group '${group.displayName}' in ${system}`,
          {},
          exchangesOf(call),
        )
        return failed(
          ctx,
          log,
          'group',
          'Create',
          failure ?? {
            code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
            reason: `${system} answered POST /Groups with ${call.status} but no group id.`,
          },
          match.requests + call.exchanges.length,
        )
      }
      created = true
      changes = {
        operations: [],
        modified: [...desired.values].map(([p, v]) => ({
          displayName: p,
          oldValue: null,
          newValue: shown(v),
        })),
      }
    }
    // A group found by name may have members already; adding one twice is harmless in SCIM.
    knownMembers = []
    log.targetId = targetId
    return finish(ctx, log, group, {
      targetId,
      knownMembers,
      changes,
      created,
      members,
      calls,
      matchRequests: match.requests,
      desired,
    })
  }
  log.targetId = targetId
  return finish(ctx, log, group, {
    targetId,
    knownMembers,
    changes,
    created,
    members,
    calls,
    matchRequests: 0,
    desired,
  })
}

async function finish(
  ctx: SyncContext,
  log: EventLog,
  group: Group,
  plan: {
    targetId: string
    knownMembers: readonly string[]
    changes: ReturnType<typeof attributeChanges>
    created: boolean
    members: readonly string[]
    calls: ScimCall[]
    matchRequests: number
    desired: DesiredObject
  },
): Promise<SyncOutcome> {
  const system = ctx.template.targetSystem
  log.targetName = group.displayName
  const add = plan.members.filter((m) => !plan.knownMembers.includes(m))
  const remove = plan.knownMembers.filter((m) => !plan.members.includes(m))
  const entry = groupEntry(
    plan.targetId,
    group.displayName,
    { ...(ctx.cacheOf(group.id)?.exported ?? {}), ...Object.fromEntries(plan.desired.values) },
    plan.members,
  )
  if (!plan.created && plan.changes.operations.length === 0 && add.length === 0 && remove.length === 0)
    return unchanged(ctx, log, 'group', entry, plan.matchRequests)
  const patched = await patchGroup(ctx, plan.targetId, plan.changes.operations, add, remove)
  const calls = [...plan.calls, ...patched.calls]
  const requests = plan.matchRequests + calls.reduce((n, c) => n + c.exchanges.length, 0)
  const action = plan.created ? 'Create' : 'Update'
  log.step(
    plan.created ? 'EntryExportAdd' : 'EntryExportUpdate',
    'export',
    patched.failure ? 'failure' : 'success',
    patched.failure
      ? `Failed to ${plan.created ? 'create' : 'update'} Group '${group.displayName}' in ${system}`
      : `Group '${group.displayName}' was ${plan.created ? 'created' : 'updated'} in ${system}`,
    {
      ReportableIdentifier: group.displayName,
      'Members added': String(add.length),
      'Members removed': String(remove.length),
    },
    exchangesOf(...calls),
  )
  if (patched.failure) {
    const outcome = failed(ctx, log, 'group', action, patched.failure, requests)
    // A created group is remembered even when its members failed, so it is never created twice.
    return plan.created ? { ...outcome, cache: { ...entry, memberIds: [] } } : outcome
  }
  const modified = [
    ...plan.changes.modified,
    ...(add.length > 0 ? [{ displayName: 'members (added)', oldValue: null, newValue: add.join(', ') }] : []),
    ...(remove.length > 0
      ? [{ displayName: 'members (removed)', oldValue: remove.join(', '), newValue: null }]
      : []),
  ]
  return exported(log, 'group', plan.created ? 'created' : 'updated', action, entry, modified, requests)
}
