import {
  type Clock,
  type DocumentStore,
  type IdGenerator,
  isoInstant,
  ok,
  type Result,
} from '@sandbox/shared'
import { appByAppId, appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type AdminError, invalid } from '../errors/admin-error'
import type { AadstsCode } from '../errors/catalogue'
import type { IdpState } from '../state/idp-state'
import { CATALOGUE_CODES, catalogueCode } from './error-page-facts'
import {
  FAULT_LIMITS,
  SIGN_IN_FAULT_DESCRIPTIONS,
  SIGN_IN_FAULT_PRESETS,
  type SignInFaultPreset,
} from './fault-presets'

/** What a caller asks for (`POST /sandbox/api/faults`), before it is checked. */
export interface SignInFaultRequest {
  readonly preset: string
  /** The app (its application id, `appId`): every sign-in to it, or its next `count`. */
  readonly appId?: string | undefined
  /** How many sign-ins it applies to, then it is gone (default: 1 without `appId`, every one with it). */
  readonly count?: number | undefined
  /** `slow` only: how long Entra waits before answering. */
  readonly delayMs?: number | undefined
  /** `error-page` only: the AADSTS code the page shows. */
  readonly errorCode?: string | undefined
}

/** A waiting fault. */
export interface SignInFault {
  readonly id: string
  readonly preset: SignInFaultPreset
  readonly description: string
  /** The app it is bound to (application id), or null for any app. */
  readonly appId: string | null
  readonly appDisplayName: string | null
  /** Sign-ins left before it is gone; null: until cleared. */
  readonly remaining: number | null
  readonly delayMs: number | null
  readonly errorCode: AadstsCode | null
  readonly createdDateTime: string
}

const isPreset = (value: string): value is SignInFaultPreset =>
  (SIGN_IN_FAULT_PRESETS as readonly string[]).includes(value)

/**
 * The sign-in faults waiting to be applied, in memory: the SAML flow asks for the one that
 * applies to a sign-in it is about to answer, and spends it only once that answer goes out.
 * A fault bound to the app wins over one for any app; among equals the oldest goes first.
 */
export function createSignInFaults(deps: {
  readonly store: DocumentStore<IdpState>
  readonly clock: Clock
  readonly ids: IdGenerator
}) {
  let faults: SignInFault[] = []

  function check(request: SignInFaultRequest): Result<SignInFault, AdminError> {
    const { preset } = request
    if (!isPreset(preset))
      return invalid(
        `Unknown fault preset "${String(preset).slice(0, 64)}". Use one of: ${SIGN_IN_FAULT_PRESETS.join(', ')}.`,
        'preset',
      )
    let app = null
    if (request.appId !== undefined) {
      const state = deps.store.read()
      app = appByAppId(state, request.appId) ?? null
      if (!app) {
        const byObjectId = appByServicePrincipalId(state, request.appId)
        return invalid(
          byObjectId
            ? `"${request.appId}" is the service principal's object id; use the app's application id: ${byObjectId.application.appId}.`
            : `No app has the application id "${request.appId.slice(0, 64)}". List apps with GET /v1.0/servicePrincipals and use an appId (registerServiceProvider returns it).`,
          'appId',
        )
      }
    }
    const { count } = request
    if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > FAULT_LIMITS.maxCount))
      return invalid(
        `count must be a whole number from 1 to ${FAULT_LIMITS.maxCount} (the sign-ins it applies to), not ${count}.`,
        'count',
      )
    if (request.delayMs !== undefined && preset !== 'slow')
      return invalid('delayMs applies only to the slow preset; leave it out.', 'delayMs')
    const delayMs = preset === 'slow' ? (request.delayMs ?? FAULT_LIMITS.defaultDelayMs) : null
    if (
      delayMs !== null &&
      (!Number.isInteger(delayMs) || delayMs < FAULT_LIMITS.minDelayMs || delayMs > FAULT_LIMITS.maxDelayMs)
    )
      return invalid(
        `delayMs must be a whole number of milliseconds from ${FAULT_LIMITS.minDelayMs} to ${FAULT_LIMITS.maxDelayMs}, not ${delayMs}.`,
        'delayMs',
      )
    if (request.errorCode !== undefined && preset !== 'error-page')
      return invalid('errorCode applies only to the error-page preset; leave it out.', 'errorCode')
    let errorCode: AadstsCode | null = null
    if (preset === 'error-page') {
      if (request.errorCode === undefined)
        return invalid('The error-page preset needs errorCode, e.g. "AADSTS50105".', 'errorCode')
      errorCode = catalogueCode(request.errorCode)
      if (!errorCode)
        return invalid(
          `"${request.errorCode.slice(0, 64)}" is not an AADSTS code the sandbox knows. Use one of: ${CATALOGUE_CODES.join(', ')}.`,
          'errorCode',
        )
    }
    return ok({
      id: deps.ids.guid(),
      preset,
      description: SIGN_IN_FAULT_DESCRIPTIONS[preset],
      appId: app?.application.appId ?? null,
      appDisplayName: app?.servicePrincipal.displayName ?? null,
      remaining: count ?? (app ? null : 1),
      delayMs,
      errorCode,
      createdDateTime: isoInstant(deps.clock.now()),
    })
  }

  return {
    /** Adds a fault after checking every field; nothing is stored when one is wrong. */
    add(request: SignInFaultRequest): Result<SignInFault, AdminError> {
      if (faults.length >= FAULT_LIMITS.maxFaults)
        return invalid(
          `${FAULT_LIMITS.maxFaults} faults are already waiting; clear some with DELETE /sandbox/api/faults first.`,
        )
      const checked = check(request)
      if (checked.ok) faults.push(checked.value)
      return checked
    },

    /** The waiting faults, oldest first. */
    list(): readonly SignInFault[] {
      return faults
    },

    /** Removes one fault; false when none has this id. */
    remove(id: string): boolean {
      const before = faults.length
      faults = faults.filter((f) => f.id !== id)
      return faults.length < before
    },

    clear(): void {
      faults = []
    },

    /** The fault that applies to the next answer for this app (application id), without spending it. */
    peek(appId: string): SignInFault | null {
      return faults.find((f) => f.appId === appId) ?? faults.find((f) => f.appId === null) ?? null
    },

    /** Spends one sign-in of a fault: its count goes down, and at zero it is gone. */
    spend(id: string): void {
      faults = faults.flatMap((f) => {
        if (f.id !== id || f.remaining === null) return [f]
        return f.remaining > 1 ? [{ ...f, remaining: f.remaining - 1 }] : []
      })
    },
  }
}

/** The sign-in faults' interface. */
export type SignInFaults = ReturnType<typeof createSignInFaults>
