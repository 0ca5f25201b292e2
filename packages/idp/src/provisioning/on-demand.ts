import { ok, type Result } from '@sandbox/shared'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { ProvisioningLog, ProvisioningStep } from '../state/idp-state'
import type { CycleDeps } from './cycle-runner'
import { syncGroup } from './group-sync'
import { createProgressWriter } from './progress-writer'
import type { SyncOutcome } from './sync-context'
import { prepareSync } from './sync-setup'
import { syncUser } from './user-sync'

/** An object to provision on demand (Graph `synchronizationJobSubject`). */
export interface OnDemandSubject {
  readonly objectId: string
  readonly objectTypeName: string
}

/** One step as the Provision on demand page shows it: its card title and result. */
export interface OnDemandCard {
  readonly title: string
  readonly status: ProvisioningStep['status']
  readonly step: ProvisioningStep
}

/** What Provision on demand did for one object. */
export interface OnDemandObjectResult {
  readonly objectId: string
  readonly kind: 'User' | 'Group'
  readonly result: 'Success' | 'Failure' | 'Skipped'
  readonly log: ProvisioningLog
  readonly cards: readonly OnDemandCard[]
}

/** The whole run: the chosen user or group first, then the group's chosen members. */
export interface OnDemandResult {
  readonly result: 'Success' | 'Failure' | 'Skipped'
  readonly objects: readonly OnDemandObjectResult[]
}

const MAX_MEMBERS = 5

/** The title of a step's card in Entra's Provision on demand ("Import user", "Perform action"…). */
export function onDemandCardTitle(identityType: string, stepType: ProvisioningStep['type']): string {
  const noun = identityType === 'Group' ? 'group' : 'user'
  const title: Record<ProvisioningStep['type'], string> = {
    import: `Import ${noun}`,
    scoping: `Determine if ${noun} is in scope`,
    matching: `Match ${noun} between source and target system`,
    processing: 'Perform action',
    export: 'Perform action',
  }
  return title[stepType]
}

/** The four cards of Entra's Provision on demand, from a log's steps. */
export function onDemandCards(log: ProvisioningLog): OnDemandCard[] {
  return log.steps.map((step) => ({
    title: onDemandCardTitle(log.sourceIdentity.identityType, step.type),
    status: step.status,
    step,
  }))
}

const resultOf = (log: ProvisioningLog): OnDemandObjectResult['result'] =>
  log.status === 'failure' ? 'Failure' : log.status === 'skipped' ? 'Skipped' : 'Success'

/**
 * Provision on demand: one user, or one group with up to 5 of its members, through the same
 * steps a cycle takes (nothing is provisioned that a cycle would not provision), logged with
 * every step and committed at once. It works whether Provisioning Status is On or Off.
 */
export async function provisionOnDemand(
  deps: CycleDeps,
  jobId: string,
  subjects: readonly OnDemandSubject[],
): Promise<Result<OnDemandResult, ProvisioningError>> {
  const state = deps.store.read()
  const job = state.provisioning.jobs.find((j) => j.id === jobId)
  if (!job) return provisioningFailure('JobNotFound', `No job ${jobId}.`)
  const prepared = prepareSync(state, job, deps.scheduler, deps.runtime.clock)
  if (!prepared.ok) return prepared
  const { usersById, groupsById } = prepared.value
  const kinds = subjects.map((s) => s.objectTypeName.toLowerCase())
  const groups = subjects.filter((_, i) => kinds[i] === 'group')
  const users = subjects.filter((_, i) => kinds[i] === 'user')
  if (kinds.some((k) => k !== 'user' && k !== 'group') || subjects.length === 0)
    return provisioningFailure(
      'InvalidOnDemandRequest',
      'objectTypeName must be "User" or "Group".',
      'objectTypeName',
    )
  const shapeOk =
    groups.length === 0 ? users.length === 1 : groups.length === 1 && users.length <= MAX_MEMBERS
  if (!shapeOk)
    return provisioningFailure(
      'InvalidOnDemandRequest',
      `Got ${groups.length} group(s) and ${users.length} user(s).`,
    )
  const group = groups[0] ? groupsById.get(groups[0].objectId) : undefined
  if (groups[0] && !group)
    return provisioningFailure('SubjectNotFound', `No group ${groups[0].objectId}.`, 'objectId')
  for (const u of users) {
    if (!usersById.has(u.objectId))
      return provisioningFailure('SubjectNotFound', `No user ${u.objectId}.`, 'objectId')
    if (group && !group.memberIds.includes(u.objectId))
      return provisioningFailure(
        'InvalidOnDemandRequest',
        `User ${u.objectId} is not a member of the group ${group.displayName}.`,
        'objectId',
      )
  }
  const writer = createProgressWriter(deps.store, job, () => deps.runtime.clock.now())
  const ctx = prepared.value.context({
    jobId,
    cycleId: deps.runtime.ids.guid(),
    initiatedBy: 'onDemand',
    logEverything: true,
    newId: () => deps.runtime.ids.guid(),
    cacheOf: writer.cacheOf,
    skippedAs: writer.skippedAs,
    escrowOf: writer.escrowOf,
  })
  const outcomes: SyncOutcome[] = []
  for (const u of users) {
    const outcome = await syncUser(ctx, u.objectId, usersById.get(u.objectId))
    writer.add(outcome)
    outcomes.push(outcome)
  }
  if (group) {
    const outcome = await syncGroup(ctx, group.id, group)
    writer.add(outcome)
    outcomes.unshift(outcome)
  }
  await writer.done()
  const objects = outcomes.flatMap((o) =>
    o.log
      ? [
          {
            objectId: o.objectId,
            kind: o.kind === 'user' ? 'User' : 'Group',
            result: resultOf(o.log),
            log: o.log,
            cards: onDemandCards(o.log),
          } as const,
        ]
      : [],
  )
  const overall = objects.some((o) => o.result === 'Failure')
    ? 'Failure'
    : objects.every((o) => o.result === 'Skipped')
      ? 'Skipped'
      : 'Success'
  return ok({ result: overall, objects })
}
