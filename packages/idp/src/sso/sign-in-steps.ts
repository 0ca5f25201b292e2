import type { SsoResult } from './outcome'

/** Entra's sign-in page texts. */
export const SIGN_IN_TEXT = {
  wrongCredentials:
    "Your account or password is incorrect. If you don't remember your password, reset it now.",
  locked:
    'Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin.',
  disabled: 'Your account has been locked. Contact your support person to unlock it, then try again.',
  noLogin: 'Enter a valid email address, phone number, or Skype name.',
  unknownAccount:
    'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
  noPassword: 'Please enter your password.',
} as const

/** What every step of the sign-in page carries: the pending sign-in and its form token. */
interface StepBase {
  readonly ctx: string
  readonly flowToken: string
  /** "to continue to {app}". */
  readonly appName: string | null
}

/** One account of "Pick an account": the browser's signed-in user. */
export interface PickableAccount {
  readonly userPrincipalName: string
  readonly displayName: string
}

/**
 * The step of the sign-in page to show: the account (C1), the password (C2), "Stay signed in?"
 * (C3), or "Pick an account" (C4) when the browser already has a session.
 */
export type SignInStep =
  | (StepBase & {
      readonly step: 'email'
      readonly login: string
      readonly error: string | null
      /** "Back" to the account picker, when the person came from it. */
      readonly fromPicker: boolean
    })
  | (StepBase & { readonly step: 'password'; readonly login: string; readonly error: string | null })
  | (StepBase & { readonly step: 'stay-signed-in'; readonly login: string })
  | (StepBase & { readonly step: 'pick'; readonly accounts: readonly PickableAccount[] })

/** The sign-in form as posted (any step; each reads its own fields). */
export interface SignInForm {
  readonly ctx?: string | undefined
  readonly flowToken?: string | undefined
  readonly login?: string | undefined
  readonly passwd?: string | undefined
  /** "Pick an account": `current` (the signed-in account) or `other` ("Use another account"). */
  readonly account?: string | undefined
  /** "Stay signed in?": `yes` or `no`. */
  readonly staySignedIn?: string | undefined
  /** "Don't show this again", checked. */
  readonly dontShowAgain?: string | undefined
}

/** The answer "Stay signed in?" remembers when "Don't show this again" was checked. */
export type RememberedAnswer = 'yes' | 'no'

/** After a POST of a step: another step (maybe with an error), or where to go. */
export type SignInSubmission =
  | {
      readonly kind: 'form'
      readonly page: SignInStep
      /** Set when the account is locked (AADSTS50053): how long until it may try again. */
      readonly lockedForSeconds: number | null
    }
  | {
      readonly kind: 'result'
      readonly result: SsoResult
      /** Set when "Don't show this again" was checked: the browser remembers this answer. */
      readonly remember?: RememberedAnswer
    }
