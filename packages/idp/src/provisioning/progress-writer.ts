import { type DeepReadonly, type DocumentStore, ok, type SharedDraft } from '@sandbox/shared'
import type {
  CacheEntry,
  CycleCounts,
  Escrow,
  IdpState,
  ProvisioningJob,
  ProvisioningLog,
} from '../state/idp-state'
import { MAX_PROVISIONING_LOGS } from '../state/idp-state'
import type { SyncOutcome } from './sync-context'

/** Outcomes written per store update at least: the state file is rewritten per batch, never per object. */
const BATCH_SIZE = 250
/**
 * A cycle writes in about this many chunks whatever its size: each write rewrites the whole
 * state file, whose size grows with the directory, so a fixed batch size would make a large
 * cycle's writes quadratic in its users.
 */
const CHUNKS_PER_CYCLE = 10
/** …or when this long has passed since the last write, so progress shows on a slow target… */
const BATCH_MS = 1000
/** …but never sooner than this many times the last write took: writing stays a small share of a cycle. */
const WRITE_SHARE = 10

type Overlay<T> = Map<string, T | null>

/** Counts of a cycle so far. */
export function emptyCounts(): CycleCounts {
  return {
    usersInScope: 0,
    groupsInScope: 0,
    created: 0,
    updated: 0,
    disabled: 0,
    deleted: 0,
    skipped: 0,
    failed: 0,
    unchanged: 0,
    requests: 0,
  }
}

/** Applies a change set to the job in a draft state; returns false when the job is gone. */
export function applyToJob(
  draft: IdpState,
  jobId: string,
  change: {
    readonly cache?: ReadonlyMap<string, CacheEntry | null>
    readonly escrows?: ReadonlyMap<string, Escrow | null>
    readonly skipped?: ReadonlyMap<string, string | null>
    readonly logs?: readonly ProvisioningLog[]
  },
  edit?: (job: ProvisioningJob) => void,
): boolean {
  const job = draft.provisioning.jobs.find((j) => j.id === jobId)
  if (!job) return false
  const put = <T>(record: Record<string, T>, changes: ReadonlyMap<string, T | null> | undefined) => {
    for (const [id, value] of changes ?? []) {
      if (value === null) delete record[id]
      else record[id] = value
    }
  }
  put(job.cache, change.cache)
  put(job.escrows, change.escrows)
  put(job.skipped, change.skipped)
  if (change.logs && change.logs.length > 0) {
    const logs = draft.provisioning.logs
    logs.push(...change.logs)
    if (logs.length > MAX_PROVISIONING_LOGS) logs.splice(0, logs.length - MAX_PROVISIONING_LOGS)
  }
  edit?.(job)
  return true
}

type ChangeSet = Parameters<typeof applyToJob>[2]

function merged<T>(
  record: DeepReadonly<Record<string, T>>,
  changes: ReadonlyMap<string, T | null> | undefined,
) {
  if (!changes || changes.size === 0) return record
  const next = { ...record } as Record<string, T | DeepReadonly<T>>
  for (const [id, value] of changes) {
    if (value === null) delete next[id]
    else next[id] = value
  }
  return next as DeepReadonly<Record<string, T>>
}

/**
 * {@link applyToJob} for a shared store update (`updateShared`): replaces the job, its records
 * and the log list with new ones that reuse everything else, so a batch costs what it adds
 * rather than a copy of the whole tenant.
 */
function applyToJobShared(
  draft: SharedDraft<IdpState>,
  jobId: string,
  change: ChangeSet,
  progress: { readonly completed: number; readonly users: number; readonly groups: number },
): boolean {
  const { provisioning } = draft
  const at = provisioning.jobs.findIndex((j) => j.id === jobId)
  const job = provisioning.jobs[at]
  if (!job) return false
  const cycle = job.status.currentCycle
  const next = {
    ...job,
    cache: merged(job.cache, change.cache),
    escrows: merged(job.escrows, change.escrows),
    skipped: merged(job.skipped, change.skipped),
    status: cycle
      ? {
          ...job.status,
          currentCycle: {
            ...cycle,
            completedUnits: progress.completed,
            usersProcessed: progress.users,
            groupsProcessed: progress.groups,
          },
        }
      : job.status,
  }
  const added = change.logs ?? []
  const logs =
    added.length === 0 ? provisioning.logs : [...provisioning.logs, ...added].slice(-MAX_PROVISIONING_LOGS)
  draft.provisioning = { ...provisioning, jobs: provisioning.jobs.with(at, next), logs }
  return true
}

/**
 * Collects what a cycle does and commits it in batches, each one atomic store update (cache,
 * escrows, logs and progress together), so a killed IdP loses at most the last batch; the next
 * cycle matches those objects again by query instead of creating them twice.
 */
export function createProgressWriter(
  store: DocumentStore<IdpState>,
  job: DeepReadonly<ProvisioningJob>,
  now: () => number,
  /** Objects the run goes through (sets the chunk size); 0 when unknown or few. */
  totalUnits = 0,
) {
  const chunk = Math.max(BATCH_SIZE, Math.ceil(totalUnits / CHUNKS_PER_CYCLE))
  let lastWriteMs = 0
  const cache: Overlay<CacheEntry> = new Map()
  const escrows: Overlay<Escrow> = new Map()
  const skips: Overlay<string> = new Map()
  let pending = {
    cache: new Map<string, CacheEntry | null>(),
    escrows: new Map<string, Escrow | null>(),
    skipped: new Map<string, string | null>(),
    logs: [] as ProvisioningLog[],
    count: 0,
  }
  const counts = emptyCounts()
  let completed = 0
  let users = 0
  let groups = 0
  let lastWrite = now()
  let writing: Promise<unknown> = Promise.resolve()
  let writeError: unknown = null
  const logs: ProvisioningLog[] = []

  const write = (): void => {
    const batch = pending
    pending = { cache: new Map(), escrows: new Map(), skipped: new Map(), logs: [], count: 0 }
    const started = now()
    lastWrite = started
    const progress = { completed, users, groups }
    writing = store
      .updateShared((draft) => ok(applyToJobShared(draft, job.id, batch, progress)))
      .then(() => {
        lastWriteMs = now() - started
      })
      .catch((error: unknown) => {
        writeError ??= error
      })
  }

  return {
    counts,
    /** Every log entry of this cycle so far (for on-demand answers and summaries). */
    logs,
    cacheOf: (id: string): CacheEntry | undefined =>
      cache.has(id) ? (cache.get(id) ?? undefined) : (job.cache[id] as CacheEntry | undefined),
    escrowOf: (id: string): Escrow | undefined =>
      escrows.has(id) ? (escrows.get(id) ?? undefined) : (job.escrows[id] as Escrow | undefined),
    skippedAs: (id: string): string | undefined =>
      skips.has(id) ? (skips.get(id) ?? undefined) : job.skipped[id],
    /** Records one object's outcome (visible at once to later objects of the cycle). */
    add(outcome: SyncOutcome): void {
      completed += 1
      if (outcome.kind === 'user') users += 1
      else groups += 1
      counts.requests += outcome.requests
      if (outcome.result !== 'ignored') counts[outcome.result] += 1
      for (const [overlay, batch, value] of [
        [cache, pending.cache, outcome.cache],
        [escrows, pending.escrows, outcome.escrow],
        [skips, pending.skipped, outcome.skip],
      ] as const) {
        if (value === undefined) continue
        ;(overlay as Overlay<unknown>).set(outcome.objectId, value)
        ;(batch as Map<string, unknown>).set(outcome.objectId, value)
      }
      if (outcome.log) {
        pending.logs.push(outcome.log)
        logs.push(outcome.log)
      }
      pending.count += 1
      const since = now() - lastWrite
      if (since < WRITE_SHARE * lastWriteMs) return
      if (pending.count >= chunk || since >= BATCH_MS) write()
    },
    /** Writes what is pending and waits for every write. */
    async done(): Promise<void> {
      if (pending.count > 0) write()
      await writing
      if (writeError) throw writeError
    },
  }
}

/** A cycle's progress writer. */
export type ProgressWriter = ReturnType<typeof createProgressWriter>
