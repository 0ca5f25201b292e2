// errors/: the SP's one catalogue of error codes (code → meaning → message → fix → status).
import { err } from '@sandbox/shared'
import { ACS_ERRORS } from './acs-errors'
import { ASSERTION_ERRORS } from './assertion-errors'
import { CERTIFICATE_ERRORS } from './certificate-errors'
import { DIRECTORY_ERRORS } from './directory-errors'
import type { ErrorEntry, ErrorStatus, FactsOf, NoFacts } from './error-entry'
import { FAULT_ERRORS } from './fault-errors'
import { LOGOUT_ERRORS } from './logout-errors'
import { REQUEST_ERRORS } from './request-errors'
import { SETUP_ERRORS } from './setup-errors'
import { TRACE_ERRORS } from './trace-errors'
import { TRUST_STORE_ERRORS } from './trust-store-errors'

/**
 * Every error the SP reports, by its stable code: Control Hub's wizard and trust store, the
 * ACS, single logout, the directory, and refusals of requests. Domain code returns an
 * {@link SpError} (the code and the facts its message needs, no prose, no status); the HTTP
 * edge turns it into a status and a body with {@link describeError} and {@link statusOf}.
 * SCIM's errors are RFC 7644's and are not here.
 */
export const SP_ERRORS = {
  ...SETUP_ERRORS,
  ...CERTIFICATE_ERRORS,
  ...TRUST_STORE_ERRORS,
  ...ACS_ERRORS,
  ...ASSERTION_ERRORS,
  ...LOGOUT_ERRORS,
  ...DIRECTORY_ERRORS,
  ...REQUEST_ERRORS,
  ...TRACE_ERRORS,
  ...FAULT_ERRORS,
}

type Catalogue = typeof SP_ERRORS

/** The SP's error codes. */
export type SpErrorCode = keyof Catalogue

/** The facts an error with this code carries. */
export type SpErrorFacts<C extends SpErrorCode> = FactsOf<Catalogue[C]>

/** An expected failure: its code and the facts its message is built from (jose's idea: a union to switch on). */
export type SpError = { [C in SpErrorCode]: { readonly code: C } & Readonly<SpErrorFacts<C>> }[SpErrorCode]

/** The error with code `C`. */
export type SpErrorOf<C extends SpErrorCode> = Extract<SpError, { readonly code: C }>

/** Codes whose errors carry no facts. */
type FactlessCode = { [C in SpErrorCode]: NoFacts extends SpErrorFacts<C> ? C : never }[SpErrorCode]

/** Builds an error from its code and facts. */
export function spError<C extends SpErrorCode>(
  code: C,
  ...facts: C extends FactlessCode ? [] : [SpErrorFacts<C>]
): SpErrorOf<C> {
  return { code, ...facts[0] } as SpErrorOf<C>
}

/** A failed result carrying the error with this code and facts. */
export function fail<C extends SpErrorCode>(
  code: C,
  ...facts: C extends FactlessCode ? [] : [SpErrorFacts<C>]
): { readonly ok: false; readonly error: SpErrorOf<C> } {
  return err(spError(code, ...facts))
}

/** What a person reads about an error: its code, what went wrong, and where it is fixed. */
export interface ErrorDescription {
  readonly code: SpErrorCode
  readonly message: string
  readonly fix: string
}

/** The error's message and fix, built from its facts. */
export function describeError(error: SpError): ErrorDescription {
  // The catalogue is keyed by code, so the entry's facts are the error's own.
  const entry = SP_ERRORS[error.code] as ErrorEntry<SpError>
  const text = (t: ErrorEntry<SpError>['message']): string => (typeof t === 'string' ? t : t(error))
  return { code: error.code, message: text(entry.message), fix: text(entry.fix) }
}

/** The HTTP status of an answer carrying this code. */
export function statusOf(code: SpErrorCode): ErrorStatus {
  return SP_ERRORS[code].status
}

/** What a code means, without any facts (the Test SSO page shows it beside the message). */
export function meaningOf(code: SpErrorCode): string {
  return SP_ERRORS[code].meaning
}
