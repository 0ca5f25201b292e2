import type { DeepState } from '../state/deep-state'
import type { CacheEntry } from '../state/idp-state'
import { type DesiredObject, desiredObject, sameValue, type TargetValue } from './attribute-flow'
import { callFailure } from './object-errors'
import { exported, failed, skipped, unchanged } from './outcomes'
import {
  createUserBody,
  isTypedPath,
  type PatchOperation,
  patchBody,
  readPath,
  resourceId,
} from './scim-payloads'
import { userAttributes } from './scope'
import { EventLog, exchangesOf, type SyncContext, type SyncOutcome, shown } from './sync-context'
import { matchInTarget } from './target-match'
import { deactivate, deprovisionDeleted, entryOf } from './user-deprovision'

type User = DeepState['users'][number]

const PATCH_OK = [200, 204]

/** The changes from `before` to the desired values, as PatchOp operations (Replace; Add for a new typed entry). */
export function changesOf(
  desired: ReadonlyMap<string, TargetValue>,
  before: (path: string) => TargetValue | undefined,
  ctx: SyncContext,
): {
  operations: PatchOperation[]
  modified: { displayName: string; oldValue: string | null; newValue: string | null }[]
} {
  const operations: PatchOperation[] = []
  const modified: { displayName: string; oldValue: string | null; newValue: string | null }[] = []
  for (const [path, value] of desired) {
    const previous = before(path)
    const definition = ctx.template.userAttributes.find((a) => a.name === path)
    if (sameValue(value, previous, definition)) continue
    operations.push({ op: previous === undefined && isTypedPath(path) ? 'Add' : 'Replace', path, value })
    modified.push({ displayName: path, oldValue: shown(previous), newValue: shown(value) })
  }
  return { operations, modified }
}

/** A user the service provisioned before: PATCH what changed since, nothing else. */
async function updateKnown(
  ctx: SyncContext,
  log: EventLog,
  cached: CacheEntry,
  desired: DesiredObject,
): Promise<SyncOutcome> {
  log.targetId = cached.targetId
  log.targetName = String(desired.values.get('userName') ?? cached.displayName)
  log.step(
    'EntryImport',
    'matching',
    'success',
    `Matched User '${log.sourceName}' to ${ctx.template.targetSystem} user ${cached.targetId}, remembered from an earlier cycle`,
    { id: cached.targetId },
  )
  const { operations, modified } = changesOf(desired.values, (p) => cached.exported[p], ctx)
  const active = desired.values.get('active') === false ? 'disabled' : 'active'
  if (operations.length === 0)
    return unchanged(ctx, log, 'user', entryOf(cached.targetId, log.sourceName, cached.exported, active), 0)
  const call = await ctx.client.request(
    'PATCH',
    `/Users/${encodeURIComponent(cached.targetId)}`,
    patchBody(operations),
  )
  const failure = callFailure(call, ctx.template.targetSystem, PATCH_OK)
  log.step(
    'EntryExportUpdate',
    'export',
    failure ? 'failure' : 'success',
    failure
      ? `Failed to update User '${log.sourceName}' in ${ctx.template.targetSystem}`
      : `User '${log.sourceName}' was updated in ${ctx.template.targetSystem}`,
    { ReportableIdentifier: log.sourceName, 'Attributes sent': operations.map((o) => o.path).join(', ') },
    exchangesOf(call),
  )
  if (failure) return failed(ctx, log, 'user', 'Update', failure, call.exchanges.length)
  const entry = entryOf(
    cached.targetId,
    log.sourceName,
    { ...cached.exported, ...Object.fromEntries(desired.values) },
    active,
  )
  return exported(log, 'user', 'updated', 'Update', entry, modified, call.exchanges.length)
}

/** A user without a remembered target id: query by the matching attributes, then create or update. */
async function matchAndExport(
  ctx: SyncContext,
  log: EventLog,
  user: User,
  desired: DesiredObject,
): Promise<SyncOutcome> {
  const match = await matchInTarget(ctx, log, 'Users', desired.matching)
  if (!match.ok) return failed(ctx, log, 'user', 'Create', match.error, match.requests)
  const system = ctx.template.targetSystem
  if (match.value.found) {
    const found = match.value.found
    const id = resourceId(found) ?? ''
    log.targetId = id
    log.targetName = String(readPath(found, 'userName') ?? '')
    // Matched, not created: creation-only mappings do not apply.
    const forUpdate = desiredObject(ctx.users, userAttributes(user, ctx.scope.user(user)), 'update')
    const { operations, modified } = changesOf(forUpdate.values, (p) => readPath(found, p), ctx)
    const active = forUpdate.values.get('active') === false ? 'disabled' : 'active'
    const entry = entryOf(id, log.sourceName, forUpdate.values, active)
    if (operations.length === 0) return unchanged(ctx, log, 'user', entry, match.requests)
    const call = await ctx.client.request('PATCH', `/Users/${encodeURIComponent(id)}`, patchBody(operations))
    const failure = callFailure(call, system, PATCH_OK)
    log.step(
      'EntryExportUpdate',
      'export',
      failure ? 'failure' : 'success',
      failure
        ? `Failed to update User '${log.sourceName}' in ${system}`
        : `User '${log.sourceName}' was updated in ${system}`,
      { ReportableIdentifier: log.sourceName, 'Attributes sent': operations.map((o) => o.path).join(', ') },
      exchangesOf(call),
    )
    const requests = match.requests + call.exchanges.length
    if (failure) return failed(ctx, log, 'user', 'Update', failure, requests)
    return exported(log, 'user', 'updated', 'Update', entry, modified, requests)
  }
  const call = await ctx.client.request('POST', '/Users', createUserBody(desired.values))
  const failure = callFailure(call, system, [201, 200])
  const id = resourceId(call.body)
  log.targetId = id ?? ''
  log.targetName = String(desired.values.get('userName') ?? '')
  log.step(
    'EntryExportAdd',
    'export',
    failure || !id ? 'failure' : 'success',
    failure || !id
      ? `Failed to create User '${log.sourceName}' in ${system}`
      : `User '${log.sourceName}' was created in ${system}`,
    { ReportableIdentifier: log.sourceName },
    exchangesOf(call),
  )
  const requests = match.requests + call.exchanges.length
  if (failure) return failed(ctx, log, 'user', 'Create', failure, requests)
  if (!id)
    return failed(
      ctx,
      log,
      'user',
      'Create',
      {
        code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
        reason: `${system} answered POST /Users with ${call.status} but no user id.`,
      },
      requests,
    )
  const modified = [...desired.values].map(([path, value]) => ({
    displayName: path,
    oldValue: null,
    newValue: shown(value),
  }))
  const active = desired.values.get('active') === false ? 'disabled' : 'active'
  return exported(
    log,
    'user',
    'created',
    'Create',
    entryOf(id, log.sourceName, desired.values, active),
    modified,
    requests,
  )
}

/**
 * Syncs one user as Entra does: import, scope, match (cached target id, else a query by the
 * matching attributes), then create, update only what differs, disable, or delete.
 */
export async function syncUser(
  ctx: SyncContext,
  objectId: string,
  user: User | undefined,
): Promise<SyncOutcome> {
  const cached = ctx.cacheOf(objectId)
  if (!ctx.users.enabled)
    return { objectId, kind: 'user', result: 'ignored', log: null, requests: 0, errorCode: null }
  if (!user) {
    if (!cached) return { objectId, kind: 'user', result: 'ignored', log: null, requests: 0, errorCode: null }
    return deprovisionDeleted(ctx, objectId, cached)
  }
  const log = new EventLog(ctx, 'User', user.id, user.userPrincipalName)
  const entitlement = ctx.scope.user(user)
  const attributes = userAttributes(user, entitlement)
  log.step(
    'EntryImport',
    'import',
    'success',
    `Retrieved User '${user.userPrincipalName}' from Microsoft Entra ID`,
    Object.fromEntries(
      Object.entries(attributes).map(([k, v]) => [
        k,
        v === null ? '' : typeof v === 'string' ? v : v.join(', '),
      ]),
    ),
  )
  log.step(
    'EntrySynchronizationScoping',
    'scoping',
    entitlement.entitled ? 'success' : 'skipped',
    entitlement.entitled
      ? 'Determine if User in scope by evaluating against each scoping filter: the user is in scope'
      : `Determine if User in scope by evaluating against each scoping filter: ${entitlement.reason}`,
    entitlement.details,
  )
  if (!entitlement.entitled) {
    if (cached && cached.state === 'active')
      return deactivate(ctx, log, cached, 'Disable', entitlement.reason ?? '')
    return skipped(ctx, log, 'user', 'NotEffectivelyEntitled', entitlement.reason ?? '')
  }
  const desired = desiredObject(ctx.users, attributes, cached ? 'update' : 'create')
  if (desired.problems.length > 0)
    return failed(
      ctx,
      log,
      'user',
      cached ? 'Update' : 'Create',
      {
        code: 'SchemaPropertyCanOnlyAcceptValue',
        reason: desired.problems.join(' '),
      },
      0,
    )
  if (desired.missingMatching.length > 0)
    return skipped(
      ctx,
      log,
      'user',
      'ImportSkipped',
      missingSentence(ctx, 'matching', desired.missingMatching, user),
    )
  if (desired.missingRequired.length > 0)
    return skipped(
      ctx,
      log,
      'user',
      'MandatoryFieldsMissing',
      missingSentence(ctx, 'required', desired.missingRequired, user),
    )
  return cached ? updateKnown(ctx, log, cached, desired) : matchAndExport(ctx, log, user, desired)
}

function missingSentence(
  ctx: SyncContext,
  what: 'matching' | 'required',
  targets: readonly string[],
  user: User,
): string {
  const sources = targets.map((t) => {
    const m = ctx.users.mappings.find((c) => c.target.name === t)
    return m ? `${t} (mapped from ${ctx.users.describe(t)})` : t
  })
  return what === 'matching'
    ? `User '${user.userPrincipalName}' has no value for the matching attribute ${sources.join(', ')}, so it cannot be matched with a ${ctx.template.targetSystem} user; fill it in on the user, or change the matching attribute in Mappings.`
    : `The user couldn't be created because required values are missing: ${sources.join(', ')}. Fill them in on the user in Microsoft Entra ID, or map them from an attribute the user has.`
}
