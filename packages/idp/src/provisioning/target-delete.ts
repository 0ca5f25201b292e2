import type { CacheEntry } from '../state/idp-state'
import { callFailure } from './object-errors'
import { exported, failed } from './outcomes'
import { type EventLog, exchangesOf, type SyncContext, type SyncOutcome } from './sync-context'

const RESOURCE = {
  user: { path: 'Users', label: 'User' },
  group: { path: 'Groups', label: 'Group' },
} as const

/** Deletes a user or group in the target by its remembered id, logged as Entra logs an export delete. */
export async function deleteInTarget(
  ctx: SyncContext,
  log: EventLog,
  kind: 'user' | 'group',
  cached: CacheEntry,
): Promise<SyncOutcome> {
  const { path, label } = RESOURCE[kind]
  const call = await ctx.client.request('DELETE', `/${path}/${encodeURIComponent(cached.targetId)}`)
  // Gone already is what a DELETE wants.
  const failure = callFailure(call, ctx.template.targetSystem, [204, 200, 404])
  log.step(
    'EntryExportDelete',
    'export',
    failure ? 'failure' : 'success',
    failure
      ? `Failed to delete ${label} '${cached.displayName}' in ${ctx.template.targetSystem}`
      : `${label} '${cached.displayName}' was deleted in ${ctx.template.targetSystem}`,
    { ReportableIdentifier: cached.displayName },
    exchangesOf(call),
  )
  if (failure) return failed(ctx, log, kind, 'Delete', failure, call.exchanges.length)
  return exported(log, kind, 'deleted', 'Delete', null, [], call.exchanges.length)
}
