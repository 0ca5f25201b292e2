import { type ApiTarget, requestJson } from './clients/api-request'

/** The sign-in fault presets of the Entra emulator. */
export const ENTRA_FAULT_PRESETS = [
  'unsigned-assertion',
  'bad-signature',
  'wrong-audience',
  'wrong-recipient',
  'expired',
  'not-yet-valid',
  'sha1-signature',
  'responder-status',
  'authn-failed-status',
  'missing-uid',
  'slow',
  'error-page',
] as const
export type EntraFaultPreset = (typeof ENTRA_FAULT_PRESETS)[number]

/** What `entra.faults.add()` takes. */
export interface EntraFaultRequest {
  readonly preset: EntraFaultPreset
  /** Bind it to one app (its application id): every sign-in to it until cleared, or its next `count`. */
  readonly appId?: string
  /** How many sign-ins it answers (1 to 100); default 1 without `appId`, every one with it. */
  readonly count?: number
  /** `slow` only: how long Entra waits before answering (1 to 30000 ms, default 2000). */
  readonly delayMs?: number
  /** `error-page` only: the AADSTS code the page shows, e.g. `AADSTS50105`. */
  readonly errorCode?: string
}

/** A waiting sign-in fault. */
export interface EntraFault {
  readonly id: string
  readonly preset: EntraFaultPreset
  readonly description: string
  readonly appId: string | null
  readonly appDisplayName: string | null
  /** Sign-ins left before it is gone; null: until cleared. */
  readonly remaining: number | null
  readonly delayMs: number | null
  readonly errorCode: string | null
  readonly createdDateTime: string
}

/** The SCIM fault presets of the Webex emulator. */
export const WEBEX_FAULT_PRESETS = ['rate-limited', 'server-error', 'slow'] as const
export type WebexFaultPreset = (typeof WEBEX_FAULT_PRESETS)[number]

/** What `webex.faults.add()` takes. */
export interface WebexFaultRequest {
  readonly preset: WebexFaultPreset
  /** The organization (default: the sandbox's). */
  readonly orgId?: string
  /** How many SCIM calls it answers (1 to 100); every call until cleared when left out. */
  readonly count?: number
  /** `rate-limited` only: the Retry-After header's seconds (1 to 3600, default 30). */
  readonly retryAfterSeconds?: number
  /** `slow` only: how long the SCIM server waits before answering (1 to 30000 ms, default 2000). */
  readonly delayMs?: number
}

/** A waiting SCIM fault. */
export interface WebexFault {
  readonly id: string
  readonly preset: WebexFaultPreset
  readonly description: string
  readonly orgId: string
  readonly remaining: number | null
  readonly retryAfterSeconds: number | null
  readonly delayMs: number | null
  readonly createdDateTime: string
}

/** Add, list, remove and clear faults; a refused request rejects with an `ApiError` that says why. */
export interface FaultControls<Request, Fault> {
  add(request: Request): Promise<Fault>
  /** The waiting faults, oldest first. */
  list(): Promise<Fault[]>
  remove(id: string): Promise<void>
  clear(): Promise<void>
}

/** `entra.faults`: the sign-in faults over `/sandbox/api/faults`. */
export type EntraFaults = FaultControls<EntraFaultRequest, EntraFault>
/** `webex.faults`: the SCIM faults over `/api/v1/sandbox/faults`. */
export type WebexFaults = FaultControls<WebexFaultRequest, WebexFault>

function faultControls<Request, Fault>(
  target: ApiTarget,
  path: string,
  listKey: 'value' | 'items',
): FaultControls<Request, Fault> {
  return {
    add: (request) => requestJson<Fault>(target, { method: 'POST', path, body: request }),
    list: async () =>
      (await requestJson<Record<typeof listKey, Fault[]>>(target, { method: 'GET', path }))[listKey],
    remove: (id) =>
      requestJson<void>(target, { method: 'DELETE', path: `${path}/${encodeURIComponent(id)}` }),
    clear: () => requestJson<void>(target, { method: 'DELETE', path }),
  }
}

/** The Entra emulator's fault controls. */
export function entraFaults(target: ApiTarget): EntraFaults {
  return faultControls(target, '/sandbox/api/faults', 'value')
}

/** The Webex emulator's fault controls. */
export function webexFaults(target: ApiTarget): WebexFaults {
  return faultControls(target, '/api/v1/sandbox/faults', 'items')
}
