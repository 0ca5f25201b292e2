import type { DeepReadonly } from '@sandbox/shared'
import type { DeepState } from '../state/deep-state'
import type { ProvisioningAction, ProvisioningLog } from '../state/idp-state'

/** What the Provisioning logs page (tenant-wide or per app) filters by. */
export interface LogFilter {
  readonly servicePrincipalId?: string
  readonly jobId?: string
  readonly cycleId?: string
  /** A source or target object id, or part of its name (UPN, group name), case-insensitive. */
  readonly identity?: string
  readonly status?: ProvisioningLog['status']
  readonly action?: ProvisioningAction
  readonly initiatedBy?: ProvisioningLog['initiatedBy']
  /** ISO instants: entries at or after `since`, before `until`. */
  readonly since?: string
  readonly until?: string
  /** At most this many, newest first (default 50, at most 1000). */
  readonly top?: number
}

/** The log entries matching `filter`, newest first. */
export function queryLogs(
  state: Pick<DeepState, 'provisioning'>,
  filter: LogFilter,
): DeepReadonly<ProvisioningLog>[] {
  const top = Math.max(1, Math.min(filter.top ?? 50, 1000))
  const needle = filter.identity?.trim().toLowerCase()
  const since = filter.since ? Date.parse(filter.since) : Number.NEGATIVE_INFINITY
  const until = filter.until ? Date.parse(filter.until) : Number.POSITIVE_INFINITY
  const matches = (log: DeepReadonly<ProvisioningLog>): boolean => {
    if (
      filter.servicePrincipalId &&
      log.servicePrincipalId.toLowerCase() !== filter.servicePrincipalId.toLowerCase()
    )
      return false
    if (filter.jobId && log.jobId !== filter.jobId) return false
    if (filter.cycleId && log.cycleId !== filter.cycleId) return false
    if (filter.status && log.status !== filter.status) return false
    if (filter.action && log.action !== filter.action) return false
    if (filter.initiatedBy && log.initiatedBy !== filter.initiatedBy) return false
    const at = Date.parse(log.activityDateTime)
    if (at < since || at >= until) return false
    if (needle) {
      const { sourceIdentity: s, targetIdentity: t } = log
      const exact = [s.id, t.id].some((id) => id.toLowerCase() === needle)
      const named = [s.displayName, t.displayName].some((n) => n.toLowerCase().includes(needle))
      if (!exact && !named) return false
    }
    return true
  }
  const out: DeepReadonly<ProvisioningLog>[] = []
  const logs = state.provisioning.logs
  for (let i = logs.length - 1; i >= 0 && out.length < top; i -= 1) {
    const log = logs[i]
    if (log && matches(log)) out.push(log)
  }
  return out
}
