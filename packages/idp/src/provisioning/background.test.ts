import { createMemoryStore, isoInstant, manualScheduler, ok } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import type { IdpState, ProvisioningJob } from '../state/idp-state'
import { createTestServices } from '../test-support/harness'
import { createBackground, nextCycle } from './background'
import { newJob } from './job-config'
import { CONNECTOR_TEMPLATES } from './templates'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const template = CONNECTOR_TEMPLATES[0] as (typeof CONNECTOR_TEMPLATES)[number]

function configured(edit: (job: ProvisioningJob) => void = () => undefined): ProvisioningJob {
  const job = newJob(template, 'sp-1', '00000000-0000-0000-0000-000000000000', 'guid', isoInstant(NOW))
  job.settings.tenantUrl = 'http://localhost:7080/v1/scim/org'
  job.settings.secretToken = 'token'
  job.settings.intervalSeconds = 60
  job.status.scheduleState = 'Active'
  edit(job)
  return job
}

const summary = (ended: number) => ({
  id: 'c',
  kind: 'Initial' as const,
  trigger: 'start' as const,
  resumed: false,
  began: isoInstant(ended - 1000),
  ended: isoInstant(ended),
  state: 'Succeeded' as const,
  counts: {
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
  },
  error: null,
})

describe('when the next cycle runs', () => {
  it('never while Off, in Manual mode or without credentials', () => {
    expect(
      nextCycle(
        configured((j) => (j.status.scheduleState = 'Paused')),
        NOW,
      ),
    ).toBeNull()
    expect(
      nextCycle(
        configured((j) => (j.settings.mode = 'Manual')),
        NOW,
      ),
    ).toBeNull()
    expect(
      nextCycle(
        configured((j) => (j.settings.secretToken = null)),
        NOW,
      ),
    ).toBeNull()
  })

  it('at once for a first cycle or an interrupted one; an interval after the last; at nextAttempt in quarantine', () => {
    expect(nextCycle(configured(), NOW)).toEqual({ inMs: 0, trigger: 'start' })
    const interrupted = configured((j) => {
      j.status.currentCycle = {
        id: 'x',
        kind: 'Initial',
        trigger: 'start',
        began: isoInstant(NOW),
        totalUnits: 3,
        completedUnits: 1,
        usersProcessed: 1,
        groupsProcessed: 0,
      }
    })
    expect(nextCycle(interrupted, NOW)).toEqual({ inMs: 0, trigger: 'resume' })
    const ran = configured((j) => j.status.cycles.push(summary(NOW - 20_000)))
    expect(nextCycle(ran, NOW)).toEqual({ inMs: 40_000, trigger: 'schedule' })
    const quarantined = configured((j) => {
      j.status.cycles.push(summary(NOW))
      j.status.quarantine = {
        reason: 'EncounteredEscrowProportionThreshold',
        error: { code: 'InternalServerError', message: '', tenantActionable: true },
        currentBegan: isoInstant(NOW),
        seriesBegan: isoInstant(NOW),
        seriesCount: 2,
        nextAttempt: isoInstant(NOW + 240_000),
        notificationSentTo: null,
      }
    })
    expect(nextCycle(quarantined, NOW)).toEqual({ inMs: 240_000, trigger: 'schedule' })
  })
})

/** Lets every pending promise chain finish (setImmediate runs once the microtask queue is empty). */
const settled = async () => {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve))
}

describe('the background runner', () => {
  it('runs each active job on its interval through the scheduler, rescheduling after every run', async () => {
    const { store: seed } = await createTestServices()
    const state = structuredClone(seed.read()) as IdpState
    state.provisioning.jobs.push(configured())
    const store = createMemoryStore(state)
    const scheduler = manualScheduler()
    let now = NOW
    const runs: string[] = []
    const background = createBackground({
      store,
      scheduler,
      now: () => now,
      onError: () => undefined,
      run: async (jobId, trigger) => {
        runs.push(trigger)
        await store.update((draft) => {
          draft.provisioning.jobs.find((j) => j.id === jobId)?.status.cycles.push(summary(now))
          return ok(undefined)
        })
        return true
      },
    })
    background.start()
    expect(scheduler.pending()).toEqual([0])
    scheduler.advance(0)
    await settled()
    expect(runs).toEqual(['start'])
    expect(scheduler.pending()).toEqual([60_000])
    now += 60_000
    scheduler.advance(60_000)
    await settled()
    expect(runs).toEqual(['start', 'schedule'])
    background.stop()
    expect(scheduler.pending()).toEqual([])
  })

  it('waits an interval before trying again a job that could not run (no tight loop)', async () => {
    const { store: seed } = await createTestServices()
    const state = structuredClone(seed.read()) as IdpState
    state.provisioning.jobs.push(configured())
    const store = createMemoryStore(state)
    const scheduler = manualScheduler()
    let attempts = 0
    const background = createBackground({
      store,
      scheduler,
      now: () => NOW,
      onError: () => undefined,
      run: async () => {
        attempts += 1
        return false
      },
    })
    background.start()
    scheduler.advance(0)
    await settled()
    expect(attempts).toBe(1)
    expect(scheduler.pending()).toEqual([60_000])
    background.stop()
  })
})
