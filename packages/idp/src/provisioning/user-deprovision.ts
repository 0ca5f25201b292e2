import { isoInstant } from '@sandbox/shared'
import type { CacheEntry } from '../state/idp-state'
import type { TargetValue } from './attribute-flow'
import { callFailure } from './object-errors'
import { exported, failed } from './outcomes'
import { patchBody } from './scim-payloads'
import { EventLog, exchangesOf, type SyncContext, type SyncOutcome } from './sync-context'
import { deleteInTarget } from './target-delete'

const PATCH_OK = [200, 204]

/** A user's cache entry. */
export const entryOf = (
  targetId: string,
  name: string,
  exported: ReadonlyMap<string, TargetValue> | Record<string, TargetValue>,
  state: CacheEntry['state'],
  softDeletedAt: string | null = null,
): CacheEntry => ({
  kind: 'user',
  targetId,
  displayName: name,
  exported:
    exported instanceof Map ? Object.fromEntries(exported) : { ...(exported as Record<string, TargetValue>) },
  memberIds: [],
  state,
  softDeletedAt,
})

/** PATCH active=false: unassigned, disabled, out of scope (Disable) or deleted (StagedDelete). */
export async function deactivate(
  ctx: SyncContext,
  log: EventLog,
  cached: CacheEntry,
  action: 'Disable' | 'StagedDelete',
  why: string,
): Promise<SyncOutcome> {
  const call = await ctx.client.request(
    'PATCH',
    `/Users/${encodeURIComponent(cached.targetId)}`,
    patchBody([{ op: 'Replace', path: 'active', value: false }]),
  )
  const failure = callFailure(call, ctx.template.targetSystem, PATCH_OK)
  const system = ctx.template.targetSystem
  log.step(
    action === 'Disable' ? 'EntryExportUpdate' : 'EntryExportUpdateSoftDelete',
    'export',
    failure ? 'failure' : 'success',
    failure
      ? `Failed to disable User '${cached.displayName}' in ${system}`
      : `User '${cached.displayName}' was disabled in ${system} (active=false): ${why}`,
    { ReportableIdentifier: cached.displayName },
    exchangesOf(call),
  )
  if (failure) return failed(ctx, log, 'user', action, failure, call.exchanges.length)
  const softDeletedAt = action === 'StagedDelete' ? isoInstant(ctx.now()) : null
  const entry = entryOf(
    cached.targetId,
    cached.displayName,
    { ...cached.exported, active: false },
    action === 'StagedDelete' ? 'softDeleted' : 'disabled',
    softDeletedAt,
  )
  return exported(
    log,
    'user',
    'disabled',
    action,
    entry,
    [{ displayName: 'active', oldValue: 'True', newValue: 'False' }],
    call.exchanges.length,
  )
}

/** A user deleted in Entra: soft delete (active=false) now, DELETE once the delay has passed. */
export async function deprovisionDeleted(
  ctx: SyncContext,
  objectId: string,
  cached: CacheEntry,
): Promise<SyncOutcome> {
  const log = new EventLog(ctx, 'User', objectId, cached.displayName)
  log.targetId = cached.targetId
  log.targetName = cached.displayName
  log.step(
    'EntryImportDelete',
    'import',
    'success',
    `Received User '${cached.displayName}' change of type (Delete) from Microsoft Entra ID`,
    {
      IsSoftDeleted: 'True',
    },
  )
  if (cached.state !== 'softDeleted')
    return deactivate(ctx, log, cached, 'StagedDelete', 'the user was deleted in Microsoft Entra ID')
  const since = Date.parse(cached.softDeletedAt ?? '') || 0
  if (ctx.now() - since < ctx.hardDeleteDelayMs)
    return { objectId, kind: 'user', result: 'ignored', log: null, requests: 0, errorCode: null }
  return deleteInTarget(ctx, log, 'user', cached)
}
