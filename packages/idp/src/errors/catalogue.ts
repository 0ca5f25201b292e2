// The IdP's one error catalogue: every code it answers with, what it means, how to fix it, and its status on each surface.
import type { AadstsEntry } from './aadsts-entry'
import { SIGN_IN_CODES, type SignInFacts } from './sign-in-codes'
import { TOKEN_CODES, type TokenFacts } from './token-codes'

/** The facts each AADSTS code is worded from. */
export interface AadstsFacts extends SignInFacts, TokenFacts {}

/** Every AADSTS code the IdP produces. */
export type AadstsCode = keyof AadstsFacts

/**
 * An Entra error as the domain returns it: the code and the facts its words need, no prose and
 * no HTTP status (the edge takes both from the catalogue). `AadstsError<'AADSTS50011'>` narrows.
 */
export type AadstsError<C extends AadstsCode = AadstsCode> = {
  [K in C]: { readonly code: K } & AadstsFacts[K]
}[C]

/** Code → meaning → Entra's words → fix → status on each surface. */
export const AADSTS: { readonly [C in AadstsCode]: AadstsEntry<AadstsFacts[C]> } = {
  ...SIGN_IN_CODES,
  ...TOKEN_CODES,
}

/** The error as the domain passes it around: generic so that the entry's facts line up with the code's. */
type Coded<C extends AadstsCode> = { readonly code: C } & AadstsFacts[C]

/** The catalogue entry of a code. */
export function aadstsEntry<C extends AadstsCode>(code: C): AadstsEntry<AadstsFacts[C]> {
  return AADSTS[code]
}

/** The number in the code, as the sign-in log and OAuth `error_codes` carry it (`AADSTS50011` → 50011). */
export function aadstsNumber(code: AadstsCode): number {
  return Number(code.slice('AADSTS'.length))
}

/** Entra's words for the error without the code, e.g. `No reply address provided.` */
export function aadstsText<C extends AadstsCode>(error: Coded<C>): string {
  return aadstsEntry(error.code).text(error)
}

/** The message line as Entra shows it: `AADSTSnnnnn: …`, inside its outer error where it has one. */
export function aadstsMessage<C extends AadstsCode>(error: Coded<C>): string {
  const entry = aadstsEntry(error.code)
  const line = `${error.code}: ${entry.text(error)}`
  return entry.within ? `${aadstsMessage({ code: entry.within })} ${line}` : line
}

/** The sandbox's advice for the error, or null. */
export function aadstsFix<C extends AadstsCode>(error: Coded<C>): string | null {
  return aadstsEntry(error.code).fix(error)
}

export {
  ADMIN_CODES,
  type AdminErrorCode,
  conflictMessage,
  GRAPH_CODES,
  type GraphErrorCode,
  notFoundMessage,
} from './api-codes'

export { PROVISIONING_CODES, type ProvisioningErrorCode } from './provisioning-codes'
