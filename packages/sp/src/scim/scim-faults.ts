// The SCIM server's break-it presets: the organization's next SCIM calls answered with a throttle, a server error or late.
import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { fail, type SpError } from '../errors/catalogue'
import type { SpState } from '../state/sp-state'

/** Every SCIM fault preset. */
export const SCIM_FAULT_PRESETS = ['rate-limited', 'server-error', 'slow'] as const
export type ScimFaultPreset = (typeof SCIM_FAULT_PRESETS)[number]

/** What each preset does, in a line (the API lists it, the activity log shows it). */
export const SCIM_FAULT_DESCRIPTIONS: { readonly [P in ScimFaultPreset]: string } = {
  'rate-limited':
    'The call is refused with 429 Too Many Requests and a Retry-After header, as Webex throttles.',
  'server-error': 'The call fails with 500 Internal Server Error and a SCIM error body.',
  slow: 'The call is answered normally, but only after delayMs.',
}

/** The bounds of each value a SCIM fault takes. */
export const SCIM_FAULT_LIMITS = {
  maxCount: 100,
  maxFaults: 20,
  minDelayMs: 1,
  maxDelayMs: 30_000,
  defaultDelayMs: 2_000,
  minRetryAfterSeconds: 1,
  maxRetryAfterSeconds: 3_600,
  defaultRetryAfterSeconds: 30,
} as const

/** What a caller asks for (`POST /api/v1/sandbox/faults`), before it is checked. */
export interface ScimFaultRequest {
  readonly preset: string
  /** The organization; the one this server hosts when left out. */
  readonly orgId?: string | undefined
  /** How many SCIM calls it answers, then it is gone; every call until cleared when left out. */
  readonly count?: number | undefined
  readonly retryAfterSeconds?: number | undefined
  readonly delayMs?: number | undefined
}

/** A waiting SCIM fault. */
export interface ScimFault {
  readonly id: string
  readonly preset: ScimFaultPreset
  readonly description: string
  readonly orgId: string
  /** SCIM calls left before it is gone; null: until cleared. */
  readonly remaining: number | null
  readonly retryAfterSeconds: number | null
  readonly delayMs: number | null
  readonly createdDateTime: string
}

const isPreset = (value: string): value is ScimFaultPreset =>
  (SCIM_FAULT_PRESETS as readonly string[]).includes(value)

const wholeIn = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max

/** Checks a value of a request: the error that names the field and its bounds, or null. */
function rangeProblem(field: string, value: number | undefined, min: number, max: number, unit: string) {
  if (value === undefined || wholeIn(value, min, max)) return null
  return fail('SCIM_FAULT_INVALID', {
    field,
    problem: `${field} must be a whole number of ${unit} from ${min} to ${max}, not ${value}.`,
  })
}

/**
 * The SCIM faults waiting for the organization's next SCIM calls, in memory. The SCIM edge
 * takes the oldest one for each authenticated call; a counted fault is gone once spent.
 */
export function createScimFaults(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  let faults: ScimFault[] = []
  const L = SCIM_FAULT_LIMITS

  function check(request: ScimFaultRequest): Result<ScimFault, SpError> {
    const { preset } = request
    if (!isPreset(preset))
      return fail('SCIM_FAULT_INVALID', {
        field: 'preset',
        problem: `Unknown SCIM fault preset "${String(preset).slice(0, 64)}"; use one of: ${SCIM_FAULT_PRESETS.join(', ')}.`,
      })
    const orgId = deps.store.read().organization.id
    if (request.orgId !== undefined && request.orgId.toLowerCase() !== orgId.toLowerCase())
      return fail('SCIM_FAULT_INVALID', {
        field: 'orgId',
        problem: `No organization "${request.orgId.slice(0, 64)}" here; this server hosts ${orgId} (leave orgId out to mean it).`,
      })
    if (request.retryAfterSeconds !== undefined && preset !== 'rate-limited')
      return fail('SCIM_FAULT_INVALID', {
        field: 'retryAfterSeconds',
        problem: 'retryAfterSeconds applies only to the rate-limited preset; leave it out.',
      })
    if (request.delayMs !== undefined && preset !== 'slow')
      return fail('SCIM_FAULT_INVALID', {
        field: 'delayMs',
        problem: 'delayMs applies only to the slow preset; leave it out.',
      })
    const problem =
      rangeProblem('count', request.count, 1, L.maxCount, 'calls') ??
      rangeProblem('delayMs', request.delayMs, L.minDelayMs, L.maxDelayMs, 'milliseconds') ??
      rangeProblem(
        'retryAfterSeconds',
        request.retryAfterSeconds,
        L.minRetryAfterSeconds,
        L.maxRetryAfterSeconds,
        'seconds',
      )
    if (problem) return problem
    return ok({
      id: deps.runtime.ids.guid(),
      preset,
      description: SCIM_FAULT_DESCRIPTIONS[preset],
      orgId,
      remaining: request.count ?? null,
      retryAfterSeconds:
        preset === 'rate-limited' ? (request.retryAfterSeconds ?? L.defaultRetryAfterSeconds) : null,
      delayMs: preset === 'slow' ? (request.delayMs ?? L.defaultDelayMs) : null,
      createdDateTime: new Date(deps.runtime.clock.now()).toISOString(),
    })
  }

  return {
    /** Adds a fault after checking every field; nothing is stored when one is wrong. */
    add(request: ScimFaultRequest): Result<ScimFault, SpError> {
      if (faults.length >= L.maxFaults)
        return fail('SCIM_FAULT_INVALID', {
          field: 'preset',
          problem: `${L.maxFaults} SCIM faults are already waiting; clear them with DELETE /api/v1/sandbox/faults first.`,
        })
      const checked = check(request)
      if (checked.ok) faults.push(checked.value)
      return checked
    },

    /** The waiting faults, oldest first. */
    list: (): readonly ScimFault[] => faults,

    /** Removes one fault by id. */
    remove(id: string): Result<true, SpError> {
      const before = faults.length
      faults = faults.filter((f) => f.id !== id)
      return faults.length < before ? ok(true) : fail('SCIM_FAULT_NOT_FOUND', { id: id.slice(0, 64) })
    },

    clear(): void {
      faults = []
    },

    /** The fault that answers this SCIM call (the oldest waiting), spent by one; null when none waits. */
    take(): ScimFault | null {
      const fault = faults[0]
      if (!fault) return null
      if (fault.remaining !== null)
        faults =
          fault.remaining > 1
            ? [{ ...fault, remaining: fault.remaining - 1 }, ...faults.slice(1)]
            : faults.slice(1)
      return fault
    },
  }
}

/** The SCIM faults' interface. */
export type ScimFaults = ReturnType<typeof createScimFaults>
