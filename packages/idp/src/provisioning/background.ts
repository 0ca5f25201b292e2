import type { DeepReadonly, DocumentStore, Scheduler } from '@sandbox/shared'
import type { IdpState, ProvisioningJob } from '../state/idp-state'
import type { CycleTrigger } from './cycle-runner'

/** When a job's next cycle is due, and why (null: it is not scheduled). */
export function nextCycle(
  job: DeepReadonly<ProvisioningJob>,
  now: number,
): { readonly inMs: number; readonly trigger: CycleTrigger } | null {
  const { settings, status } = job
  if (settings.mode !== 'Automatic' || status.scheduleState !== 'Active') return null
  if (!settings.tenantUrl || !settings.secretToken) return null
  if (status.currentCycle) return { inMs: 0, trigger: 'resume' }
  if (status.quarantine)
    return { inMs: Math.max(0, Date.parse(status.quarantine.nextAttempt) - now), trigger: 'schedule' }
  const last = status.cycles.at(-1)
  if (!last) return { inMs: 0, trigger: 'start' }
  return {
    inMs: Math.max(0, Date.parse(last.ended) + settings.intervalSeconds * 1000 - now),
    trigger: 'schedule',
  }
}

/**
 * Runs each active job's cycles on its interval, through the scheduler (real timers in a
 * running server; a manual scheduler in tests, where nothing runs unless time is advanced).
 */
export function createBackground(deps: {
  readonly store: DocumentStore<IdpState>
  readonly scheduler: Scheduler
  readonly now: () => number
  /** Runs a cycle; false when it could not run at all (then it is tried again an interval later). */
  readonly run: (jobId: string, trigger: CycleTrigger) => Promise<boolean>
  /** Where a cycle that threw (a defect, a full disk) is reported. */
  readonly onError: (jobId: string, error: unknown) => void
}) {
  const timers = new Map<string, () => void>()
  /** When a job's last attempt could not run (no app, mappings that no longer compile, …). */
  const refusedAt = new Map<string, number>()
  let stopped = true

  const schedule = (jobId: string): void => {
    timers.get(jobId)?.()
    timers.delete(jobId)
    if (stopped) return
    const job = deps.store.read().provisioning.jobs.find((j) => j.id === jobId)
    const next = job ? nextCycle(job, deps.now()) : null
    if (!job || !next) return
    // A job that could not run waits an interval, rather than being retried at once forever.
    const refused = refusedAt.get(jobId)
    const inMs =
      refused === undefined
        ? next.inMs
        : Math.max(next.inMs, refused + job.settings.intervalSeconds * 1000 - deps.now())
    timers.set(
      jobId,
      deps.scheduler.after(inMs, () => {
        timers.delete(jobId)
        void deps
          .run(jobId, next.trigger)
          .then(
            (ran) => (ran ? refusedAt.delete(jobId) : refusedAt.set(jobId, deps.now())),
            (error: unknown) => {
              refusedAt.set(jobId, deps.now())
              deps.onError(jobId, error)
            },
          )
          .finally(() => schedule(jobId))
      }),
    )
  }

  return {
    /** (Re)computes when `jobId` runs next; call after anything that changes it. */
    schedule,
    /** Schedules every job (a cycle a killed process left unfinished resumes at once). */
    start(): void {
      stopped = false
      for (const job of deps.store.read().provisioning.jobs) schedule(job.id)
    },
    /** Cancels every pending cycle. */
    stop(): void {
      stopped = true
      for (const cancel of timers.values()) cancel()
      timers.clear()
    },
  }
}
