import { isoInstant } from '@sandbox/shared'
import type { CacheEntry, ProvisioningAction } from '../state/idp-state'
import type { ObjectErrorCode } from './object-errors'
import { type EventLog, escrowFor, type SyncContext, type SyncOutcome } from './sync-context'

type Kind = 'user' | 'group'

/**
 * A skip: logged in initial cycles and on demand always, in incremental cycles only when the
 * reason differs from the last skip of this object (so a Default Access user is reported once).
 */
export function skipped(
  ctx: SyncContext,
  log: EventLog,
  kind: Kind,
  code: ObjectErrorCode,
  reason: string,
  extra: { readonly cache?: CacheEntry | null; readonly requests?: number } = {},
): SyncOutcome {
  const fingerprint = `${code}:${reason}`
  log.step('EntrySynchronizationSkip', 'export', 'skipped', reason, { SkipReason: code })
  const report = ctx.logEverything || ctx.skippedAs(log.sourceId) !== fingerprint
  return {
    objectId: log.sourceId,
    kind,
    result: 'skipped',
    log: report ? log.finish('Other', 'skipped', { error: { code, reason } }) : null,
    skip: fingerprint,
    escrow: null,
    requests: extra.requests ?? 0,
    errorCode: null,
    ...(extra.cache !== undefined ? { cache: extra.cache } : {}),
  }
}

/** Nothing to change: logged as RedundantExport in initial cycles and on demand only. */
export function unchanged(
  ctx: SyncContext,
  log: EventLog,
  kind: Kind,
  cache: CacheEntry,
  requests: number,
): SyncOutcome {
  const noun = kind === 'user' ? 'User' : 'Group'
  const reason = `The state of the ${kind} in both the source and target systems already match. No change to the ${noun} '${log.sourceName}' currently needs to be made.`
  log.step('EntrySynchronizationSkip', 'export', 'skipped', reason, { SkipReason: 'RedundantExport' })
  return {
    objectId: log.sourceId,
    kind,
    result: 'unchanged',
    log: ctx.logEverything
      ? log.finish('Other', 'skipped', { error: { code: 'RedundantExport', reason } })
      : null,
    cache,
    escrow: null,
    skip: null,
    requests,
    errorCode: null,
  }
}

/** A failure: logged always, and remembered (escrow) so the next cycle retries it. */
export function failed(
  ctx: SyncContext,
  log: EventLog,
  kind: Kind,
  action: ProvisioningAction,
  failure: { readonly code: ObjectErrorCode; readonly reason: string },
  requests: number,
): SyncOutcome {
  return {
    objectId: log.sourceId,
    kind,
    result: 'failed',
    log: log.finish(action, 'failure', { error: failure }),
    escrow: escrowFor(ctx.escrowOf(log.sourceId), kind, failure.code, failure.reason, isoInstant(ctx.now())),
    requests,
    errorCode: failure.code,
  }
}

/** A change the target accepted. */
export function exported(
  log: EventLog,
  kind: Kind,
  result: 'created' | 'updated' | 'disabled' | 'deleted',
  action: ProvisioningAction,
  cache: CacheEntry | null,
  modified: NonNullable<Parameters<EventLog['finish']>[2]>['modified'],
  requests: number,
): SyncOutcome {
  return {
    objectId: log.sourceId,
    kind,
    result,
    log: log.finish(action, 'success', { modified: modified ?? [] }),
    cache,
    escrow: null,
    skip: null,
    requests,
    errorCode: null,
  }
}
