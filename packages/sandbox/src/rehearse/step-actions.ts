// What tutorial steps and break-it exercises do: call an API and sign in as the test user,
// each turning a failure into the step's problem.
import {
  createNodeTransport,
  HeadlessBrowser,
  type Result,
  type SignInFailure,
  type SignInSuccess,
  signIn,
} from '@sandbox/shared'
import { ApiError } from '../clients/api-request'
import type { RehearsalContext } from './context'
import { fail, type StepProblem, type StepReporter } from './runner'

/**
 * Runs an API call of a step; a refusal becomes the step's problem, with the server's own
 * explanation and the screen where a person would fix it.
 */
export async function attempt<T>(call: Promise<T>, expected: string, fix: string): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return fail({
      expected,
      happened: `${error.call} was refused: ${error.code}: ${error.detail}`,
      fix: error.fix ?? fix,
    })
  }
}

/** Who the Webex session belongs to, from the SP's session description (`/api/v1/session`). */
export function signedInUserName(session: unknown): string | undefined {
  const user = (session as { user?: { userName?: unknown } } | undefined)?.user
  return typeof user?.userName === 'string' ? user.userName : undefined
}

/** A full sign-in as the tutorial's test user, from `startUrl`, in a fresh browser. */
export function signInAsTestUser(
  context: RehearsalContext,
  startUrl: string,
  credentials: { username: string; password: string },
): Promise<Result<SignInSuccess, SignInFailure>> {
  return signIn({
    startUrl,
    ...credentials,
    browser: new HeadlessBrowser(context.ca ? { transport: createNodeTransport({ ca: context.ca }) } : {}),
    sessionInfoUrl: context.sp.sessionInfoUrl(),
  })
}

/** The problem to report when a sign-in did not end where it should. */
export function signInProblem(expected: string, failure: SignInFailure, fix: string): StepProblem {
  const where = failure.page ? ` (ended at ${failure.page.url.href}, HTTP ${failure.page.status})` : ''
  return { expected, happened: `${failure.code}: ${failure.message}${where}`, fix }
}

/** What an admin call answered, as the text the admin sees on screen. */
export async function refusalOf(
  call: Promise<unknown>,
  report: StepReporter,
  action: string,
): Promise<string> {
  try {
    await call
    report.did(`${action}: accepted`)
    return 'accepted'
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    report.did(`${action}: refused (${error.code}) ${error.detail}`)
    return `${error.code} ${error.detail}`
  }
}
