import { isoInstant } from '@sandbox/shared'
import type { CycleCounts, CycleSummary, ProvisioningJob, Quarantine } from '../state/idp-state'
import { isCredentialFailure } from './object-errors'

/** Entra quarantines a job when more than 40 % of its provisioning events fail. */
const ESCROW_PROPORTION = 0.4
/** Quarantined jobs retry less and less often, at most once a day. */
const MAX_QUARANTINE_RETRY_MS = 24 * 3600 * 1000
/** Summaries a job keeps. */
const KEPT_CYCLES = 20

/** The failures of a cycle, as the runner saw them. */
export interface CycleFailures {
  /** Error code → how many objects failed with it. */
  readonly byCode: ReadonlyMap<string, number>
  /** The reason of the last failure. */
  readonly lastReason: string | null
  /** The cycle stopped at a refused credential. */
  readonly credentialsRefused: boolean
}

function quarantineFor(
  job: ProvisioningJob,
  counts: CycleCounts,
  failures: CycleFailures,
): Omit<
  Quarantine,
  'currentBegan' | 'seriesBegan' | 'seriesCount' | 'nextAttempt' | 'notificationSentTo'
> | null {
  const appName = job.templateId === 'ciscoWebex' ? 'Cisco Webex' : 'the application'
  if (failures.credentialsRefused) {
    const code = [...failures.byCode.keys()].find(isCredentialFailure) ?? 'Unauthorized'
    return {
      reason: 'EncounteredQuarantineException',
      error: {
        code,
        message:
          `Invalid credentials: when attempting to authorize access to ${appName}, the provisioning service received a response indicating that the credentials provided are invalid. ${failures.lastReason ?? ''} Enter valid Admin Credentials, test the connection, and restart provisioning.`.replace(
            /\s+/g,
            ' ',
          ),
        tenantActionable: true,
      },
    }
  }
  const attempted = counts.created + counts.updated + counts.disabled + counts.deleted + counts.failed
  if (counts.failed === 0 || counts.failed / attempted <= ESCROW_PROPORTION) return null
  const [topCode] = [...failures.byCode.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['InternalServerError']
  return {
    reason: 'EncounteredEscrowProportionThreshold',
    error: {
      code: topCode,
      message: `${counts.failed} of ${attempted} provisioning events failed (more than 40 %), even after retries; the last one: ${failures.lastReason ?? 'unknown'} Fix what the provisioning logs show, then restart provisioning; until then the job retries less and less often.`,
      tenantActionable: true,
    },
  }
}

/**
 * Records a finished cycle on the job: its summary, the watermark, quarantine (imposed, kept
 * or lifted) and the steady-state times. Mutates the draft job.
 */
export function completeCycle(
  job: ProvisioningJob,
  summary: Omit<CycleSummary, 'state' | 'error' | 'ended'>,
  failures: CycleFailures,
  now: number,
): CycleSummary {
  const { counts } = summary
  const exports = counts.created + counts.updated + counts.disabled + counts.deleted
  const imposed = quarantineFor(job, counts, failures)
  const state: CycleSummary['state'] = failures.credentialsRefused
    ? 'Failed'
    : counts.failed === 0
      ? 'Succeeded'
      : exports === 0
        ? 'Failed'
        : 'EntryLevelErrors'
  const finished: CycleSummary = {
    ...summary,
    ended: isoInstant(now),
    state,
    error: imposed?.error ?? null,
  }
  const status = job.status
  status.currentCycle = null
  if (!failures.credentialsRefused) status.initialCycleCompleted = true
  status.countSuccessiveCompleteFailures = state === 'Failed' ? status.countSuccessiveCompleteFailures + 1 : 0
  status.cycles.push(finished)
  if (status.cycles.length > KEPT_CYCLES) status.cycles.splice(0, status.cycles.length - KEPT_CYCLES)
  if (state === 'Succeeded') status.lastSuccessfulCycleId = finished.id
  if (exports > 0) status.lastCycleWithExportsId = finished.id
  if (state === 'Succeeded' && exports === 0) {
    status.steadyStateFirstAchievedTime ??= finished.ended
    status.steadyStateLastAchievedTime = finished.ended
  }
  if (!imposed) {
    status.quarantine = null
    return finished
  }
  const previous = status.quarantine
  const seriesCount = previous ? previous.seriesCount + 1 : 1
  const retryMs = Math.min(
    job.settings.intervalSeconds * 1000 * 2 ** (seriesCount - 1),
    MAX_QUARANTINE_RETRY_MS,
  )
  const email = job.settings.sendEmailOnFailure ? job.settings.notificationEmail : null
  status.quarantine = {
    ...imposed,
    currentBegan: isoInstant(now),
    seriesBegan: previous?.seriesBegan ?? isoInstant(now),
    seriesCount,
    nextAttempt: isoInstant(now + retryMs),
    // One email per quarantine, and again when its reason changes (no mail leaves the sandbox).
    notificationSentTo: previous && previous.reason === imposed.reason ? previous.notificationSentTo : email,
  }
  return finished
}
