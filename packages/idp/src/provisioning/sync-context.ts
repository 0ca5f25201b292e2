import { isoInstant } from '@sandbox/shared'
import type {
  CacheEntry,
  Escrow,
  ProvisioningAction,
  ProvisioningLog,
  ProvisioningStep,
  ScimExchange,
} from '../state/idp-state'
import type { CompiledMappings, TargetValue } from './attribute-flow'
import { logError, type ObjectErrorCode } from './object-errors'
import type { ScimClient } from './scim-client'
import type { ScopeIndex } from './scope'
import type { ConnectorTemplate } from './templates'

/** What syncing one object needs: the connector, the client, the scope and this cycle's memory. */
export interface SyncContext {
  readonly template: ConnectorTemplate
  readonly client: ScimClient
  readonly users: CompiledMappings
  readonly groups: CompiledMappings
  readonly scope: ScopeIndex
  readonly now: () => number
  readonly newId: () => string
  readonly jobId: string
  readonly cycleId: string
  readonly servicePrincipalId: string
  readonly initiatedBy: 'system' | 'onDemand'
  /** Initial cycles and on-demand runs log every object; incremental cycles only changes. */
  readonly logEverything: boolean
  readonly hardDeleteDelayMs: number
  /** The cache as this cycle has left it so far. */
  cacheOf(objectId: string): CacheEntry | undefined
  /** Why the object was last skipped (its fingerprint), if it was. */
  skippedAs(objectId: string): string | undefined
  /** The object's last failure, if it failed before. */
  escrowOf(objectId: string): Escrow | undefined
}

/** What syncing one object did, for the cycle to count and persist. */
export interface SyncOutcome {
  readonly objectId: string
  readonly kind: 'user' | 'group'
  readonly result:
    | 'created'
    | 'updated'
    | 'disabled'
    | 'deleted'
    | 'skipped'
    | 'failed'
    | 'unchanged'
    | 'ignored'
  readonly log: ProvisioningLog | null
  /** The new cache entry; null removes it; undefined leaves it. */
  readonly cache?: CacheEntry | null
  /** The failure to remember; null clears it; undefined leaves it. */
  readonly escrow?: Escrow | null
  /** The skip to remember; null clears it; undefined leaves it. */
  readonly skip?: string | null
  readonly requests: number
  /** The error code when the result is `failed`. */
  readonly errorCode: ObjectErrorCode | null
}

/** The target value as a log shows it. */
export const shown = (value: TargetValue | undefined): string | null =>
  value === undefined ? null : typeof value === 'boolean' ? (value ? 'True' : 'False') : value

/** Builds one provisioning log entry, step by step, as the object is synced. */
export class EventLog {
  readonly steps: ProvisioningStep[] = []
  readonly began: number
  targetId = ''
  targetName = ''

  constructor(
    private readonly ctx: SyncContext,
    readonly kind: 'User' | 'Group',
    readonly sourceId: string,
    readonly sourceName: string,
  ) {
    this.began = ctx.now()
  }

  step(
    name: string,
    type: ProvisioningStep['type'],
    status: ProvisioningStep['status'],
    description: string,
    details: Readonly<Record<string, string>> = {},
    exchanges: readonly ScimExchange[] = [],
  ): void {
    this.steps.push({
      name,
      type,
      status,
      description,
      timestamp: isoInstant(this.ctx.now()),
      details: { ...details },
      exchanges: [...exchanges],
    })
  }

  /** The finished entry. */
  finish(
    action: ProvisioningAction,
    status: ProvisioningLog['status'],
    options: {
      readonly modified?: ProvisioningLog['modifiedProperties']
      readonly error?: { code: ObjectErrorCode; reason: string } | null
    } = {},
  ): ProvisioningLog {
    const now = this.ctx.now()
    const { template } = this.ctx
    return {
      id: this.ctx.newId(),
      jobId: this.ctx.jobId,
      servicePrincipalId: this.ctx.servicePrincipalId,
      cycleId: this.ctx.cycleId,
      changeId: this.ctx.newId(),
      activityDateTime: isoInstant(now),
      durationInMilliseconds: Math.max(0, now - this.began),
      action,
      status,
      initiatedBy: this.ctx.initiatedBy,
      sourceIdentity: { id: this.sourceId, displayName: this.sourceName, identityType: this.kind },
      targetIdentity: {
        id: this.targetId,
        displayName: this.targetName,
        identityType: this.kind === 'User' ? template.targetUserObject : template.targetGroupObject,
      },
      modifiedProperties: [...(options.modified ?? [])],
      steps: this.steps,
      error: options.error ? logError(options.error.code, options.error.reason) : null,
    }
  }
}

/** Every exchange of a set of calls, in order. */
export function exchangesOf(
  ...calls: readonly { readonly exchanges: readonly ScimExchange[] }[]
): ScimExchange[] {
  return calls.flatMap((c) => c.exchanges)
}

/** A new escrow entry, or the next attempt of an existing one. */
export function escrowFor(
  previous: Escrow | undefined,
  kind: 'user' | 'group',
  code: string,
  reason: string,
  now: string,
): Escrow {
  return {
    kind,
    errorCode: code,
    reason,
    attempts: (previous?.attempts ?? 0) + 1,
    firstFailedAt: previous?.firstFailedAt ?? now,
    lastFailedAt: now,
  }
}
