import {
  type DocumentStore,
  isoInstant,
  ok,
  type Result,
  type Runtime,
  type Scheduler,
} from '@sandbox/shared'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { CycleSummary, IdpState } from '../state/idp-state'
import { type CycleFailures, completeCycle } from './cycle-completion'
import { syncGroup } from './group-sync'
import { isCredentialFailure } from './object-errors'
import { applyToJob, createProgressWriter } from './progress-writer'
import type { SyncOutcome } from './sync-context'
import { prepareSync } from './sync-setup'
import { syncUser } from './user-sync'

/** Requests in flight at once: enough to hide loopback latency, few enough not to swamp the target. */
export const CYCLE_CONCURRENCY = 8

/** What a cycle runs with. */
export interface CycleDeps {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
  readonly scheduler: Scheduler
}

/** Why a cycle ran. */
export type CycleTrigger = CycleSummary['trigger']

/** Lets the service stop a running cycle (pause, delete, shutdown) between objects. */
export interface CycleSignal {
  stopped: boolean
}

/** Runs `work` over `items` with at most `limit` at a time, until done or `stop()` says so. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  stop: () => boolean,
  work: (item: T) => Promise<void>,
) {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const item = items[next] as T
      next += 1
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * One provisioning cycle of a job, as Entra runs it: every user in scope or remembered (so
 * unassigned and deleted ones are deprovisioned), then every group (whose members need the
 * users' target ids). Initial until the first one completes, incremental afterwards, where
 * unchanged objects send nothing. A cycle an earlier process left unfinished is resumed.
 */
export async function runCycle(
  deps: CycleDeps,
  jobId: string,
  trigger: CycleTrigger,
  signal: CycleSignal,
): Promise<Result<CycleSummary, ProvisioningError>> {
  const { clock, ids } = deps.runtime
  const state = deps.store.read()
  const job = state.provisioning.jobs.find((j) => j.id === jobId)
  if (!job) return provisioningFailure('JobNotFound', `No job ${jobId}.`)
  const prepared = prepareSync(state, job, deps.scheduler, clock)
  if (!prepared.ok) return prepared
  const { scope, usersById, groupsById } = prepared.value
  const interrupted = job.status.currentCycle
  const cycle = {
    id: interrupted?.id ?? ids.guid(),
    kind: interrupted?.kind ?? (job.status.initialCycleCompleted ? 'Incremental' : 'Initial'),
    trigger: interrupted ? ('resume' as const) : trigger,
    began: interrupted?.began ?? isoInstant(clock.now()),
  } as const
  const remembered = (kind: 'user' | 'group') =>
    Object.entries(job.cache)
      .filter(([, e]) => e.kind === kind)
      .map(([id]) => id)
  const userIds = [...new Set([...scope.candidateUserIds(), ...remembered('user')])]
  const groupIds = [...new Set([...scope.candidateGroupIds(), ...remembered('group')])]
  const marked = await deps.store.update((draft) =>
    ok(
      applyToJob(draft, jobId, {}, (j) => {
        j.status.currentCycle = {
          ...cycle,
          totalUnits: userIds.length + groupIds.length,
          completedUnits: 0,
          usersProcessed: 0,
          groupsProcessed: 0,
        }
      }),
    ),
  )
  if (marked.ok && !marked.value) return provisioningFailure('JobNotFound', `No job ${jobId}.`)

  const writer = createProgressWriter(deps.store, job, () => clock.now(), userIds.length + groupIds.length)
  const ctx = prepared.value.context({
    jobId,
    cycleId: cycle.id,
    initiatedBy: 'system',
    logEverything: cycle.kind === 'Initial',
    newId: () => ids.guid(),
    cacheOf: writer.cacheOf,
    skippedAs: writer.skippedAs,
    escrowOf: writer.escrowOf,
  })
  const byCode = new Map<string, number>()
  let lastReason: string | null = null
  let credentialsRefused = false
  const record = (outcome: SyncOutcome): void => {
    writer.add(outcome)
    if (outcome.errorCode) {
      byCode.set(outcome.errorCode, (byCode.get(outcome.errorCode) ?? 0) + 1)
      lastReason = outcome.log?.error?.reason ?? lastReason
      if (isCredentialFailure(outcome.errorCode)) credentialsRefused = true
    }
  }
  const stop = () => signal.stopped || credentialsRefused
  await pool(userIds, CYCLE_CONCURRENCY, stop, async (id) =>
    record(await syncUser(ctx, id, usersById.get(id))),
  )
  await pool(groupIds, CYCLE_CONCURRENCY, stop, async (id) =>
    record(await syncGroup(ctx, id, groupsById.get(id))),
  )
  await writer.done()
  if (signal.stopped) return provisioningFailure('CycleInterrupted')

  const counts = {
    ...writer.counts,
    usersInScope: userIds.filter((id) => {
      const user = usersById.get(id)
      return user !== undefined && scope.user(user).entitled
    }).length,
    groupsInScope: groupIds.filter((id) => {
      const group = groupsById.get(id)
      return group !== undefined && scope.group(group).entitled
    }).length,
  }
  const failures: CycleFailures = { byCode, lastReason, credentialsRefused }
  let summary: CycleSummary | null = null
  await deps.store.update((draft) =>
    ok(
      applyToJob(draft, jobId, {}, (j) => {
        summary = completeCycle(j, { ...cycle, resumed: interrupted !== null, counts }, failures, clock.now())
      }),
    ),
  )
  return summary
    ? ok(summary)
    : provisioningFailure('CycleInterrupted', 'The job was deleted during the cycle.')
}
