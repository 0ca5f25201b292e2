import { type DocumentStore, ok, type Result, type Runtime, type Scheduler } from '@sandbox/shared'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { CycleSummary, IdpState, ProvisioningJob } from '../state/idp-state'
import type { CycleDeps, CycleSignal, CycleTrigger } from './cycle-runner'

type RunCycle = (
  deps: CycleDeps,
  jobId: string,
  trigger: CycleTrigger,
  signal: CycleSignal,
) => Promise<Result<CycleSummary, ProvisioningError>>

/** What Restart clears (Graph `synchronizationJobRestartCriteria.resetScope`); all when absent. */
export interface RestartScope {
  readonly watermark: boolean
  readonly escrows: boolean
  readonly quarantine: boolean
}

/**
 * Start, Pause, Restart and the runs themselves: at most one cycle per job at a time, and a
 * way to stop it between objects (its progress stays, so the next cycle continues from it).
 */
export function createJobControl(deps: {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
  readonly scheduler: Scheduler
  readonly run: RunCycle
}) {
  const running = new Map<
    string,
    { promise: Promise<Result<CycleSummary, ProvisioningError>>; signal: CycleSignal }
  >()
  const listeners: ((jobId: string) => void)[] = []
  const changed = (jobId: string): void => {
    for (const listener of listeners) listener(jobId)
  }
  const cycleDeps: CycleDeps = { store: deps.store, runtime: deps.runtime, scheduler: deps.scheduler }

  // A Provision on demand in progress: a cycle waits for it, as it waits for a running cycle,
  // so the two never query and create the same object side by side (a duplicate in the target).
  const onDemand = new Map<string, Promise<unknown>>()
  const onDemandDone = async (jobId: string): Promise<void> => {
    for (let pending = onDemand.get(jobId); pending; pending = onDemand.get(jobId))
      await pending.catch(() => undefined)
  }

  const runExclusive = (
    jobId: string,
    trigger: CycleTrigger,
  ): Promise<Result<CycleSummary, ProvisioningError>> => {
    const current = running.get(jobId)
    if (current) return current.promise
    const signal: CycleSignal = { stopped: false }
    const run = async () => {
      await onDemandDone(jobId)
      return deps.run(cycleDeps, jobId, trigger, signal)
    }
    const promise = run().finally(() => {
      running.delete(jobId)
      changed(jobId)
    })
    running.set(jobId, { promise, signal })
    return promise
  }

  const stopRunning = async (jobId: string): Promise<void> => {
    const current = running.get(jobId)
    if (!current) return
    current.signal.stopped = true
    await current.promise
  }

  const edit = (
    spId: string,
    jobId: string,
    change: (job: ProvisioningJob) => Result<void, ProvisioningError>,
  ): Promise<Result<void, ProvisioningError>> =>
    deps.store.update((draft) => {
      const app = appByServicePrincipalId(draft, spId)
      if (!app) return provisioningFailure('ServicePrincipalNotFound', `No service principal ${spId}.`, 'id')
      const job = draft.provisioning.jobs.find(
        (j) => j.id === jobId && j.servicePrincipalId === app.servicePrincipal.id,
      )
      if (!job) return provisioningFailure('JobNotFound', `No job ${jobId} on this application.`, 'jobId')
      return change(job)
    })

  return {
    runExclusive,
    /** Waits for a running cycle, then runs one more. */
    async runAfterCurrent(
      jobId: string,
      trigger: CycleTrigger,
    ): Promise<Result<CycleSummary, ProvisioningError>> {
      await running.get(jobId)?.promise
      return runExclusive(jobId, trigger)
    },
    stopRunning,
    /**
     * Runs a Provision on demand alone: after the running cycle (or on demand) ends, and
     * before any cycle asked for meanwhile.
     */
    async exclusiveOnDemand<T>(jobId: string, work: () => Promise<T>): Promise<T> {
      for (;;) {
        const cycle = running.get(jobId)
        if (cycle) await cycle.promise
        else if (onDemand.has(jobId)) await onDemandDone(jobId)
        else break
      }
      const promise = work()
      onDemand.set(jobId, promise)
      try {
        return await promise
      } finally {
        onDemand.delete(jobId)
      }
    },
    async stopAll(): Promise<void> {
      await Promise.all([...running.keys()].map(stopRunning))
    },
    /** Called with a job id whenever its next run may have changed. */
    onChange(listener: (jobId: string) => void): void {
      listeners.push(listener)
    },

    /** Start (Provisioning Status On): clears a quarantine; the next cycle runs soon. */
    async start(spId: string, jobId: string): Promise<Result<void, ProvisioningError>> {
      const started = await edit(spId, jobId, (job) => {
        if (!job.settings.tenantUrl || !job.settings.secretToken)
          return provisioningFailure('CredentialsMissing')
        job.settings.mode = 'Automatic'
        job.status.scheduleState = 'Active'
        job.status.quarantine = null
        return ok(undefined)
      })
      if (started.ok) changed(jobId)
      return started
    },

    /** Pause (Provisioning Status Off): a running cycle stops at the next object and keeps its progress. */
    async pause(spId: string, jobId: string): Promise<Result<void, ProvisioningError>> {
      const paused = await edit(spId, jobId, (job) => {
        job.status.scheduleState = 'Paused'
        return ok(undefined)
      })
      if (!paused.ok) return paused
      await stopRunning(jobId)
      changed(jobId)
      return paused
    },

    /**
     * Restart: forgets the watermark and the target-id cache (the next cycle is an initial one
     * that matches every object again by query), the escrows and the quarantine, then starts.
     */
    async restart(
      spId: string,
      jobId: string,
      scope: RestartScope = { watermark: true, escrows: true, quarantine: true },
    ): Promise<Result<void, ProvisioningError>> {
      await stopRunning(jobId)
      const restarted = await edit(spId, jobId, (job) => {
        if (scope.watermark) {
          job.status.initialCycleCompleted = false
          job.status.currentCycle = null
          job.cache = {}
          job.skipped = {}
        }
        if (scope.escrows) job.escrows = {}
        if (scope.quarantine) job.status.quarantine = null
        if (job.settings.tenantUrl && job.settings.secretToken) job.status.scheduleState = 'Active'
        return ok(undefined)
      })
      if (restarted.ok) changed(jobId)
      return restarted
    },
  }
}
