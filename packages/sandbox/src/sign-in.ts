import {
  createNodeTransport,
  HeadlessBrowser,
  type SignInFailure,
  type SignInSuccess,
  signIn,
} from '@sandbox/shared'

/** What {@link Sandbox.signIn} signs in with. */
export interface SandboxSignInRequest {
  /** The user principal name, e.g. `B.Simon@contoso.com`. */
  readonly username: string
  readonly password: string
  /** Where an SP-initiated sign-in starts: any SP's sign-on URL (default: the Webex emulator's). */
  readonly startUrl?: string
  /** A URL describing the SP session its cookie opens, read after sign-in (default: Webex's, when starting there). */
  readonly sessionInfoUrl?: string
  /** A browser whose cookies carry over (a second sign-in reuses the Entra session); a fresh one by default. */
  readonly browser?: HeadlessBrowser
}

/** Thrown when a headless sign-in stops short: `code` says why, `hops` show where. */
export class SignInError extends Error {
  readonly code: SignInFailure['code']
  readonly failure: SignInFailure
  constructor(failure: SignInFailure) {
    const where = failure.page ? ` at ${failure.page.url.href}` : ''
    super(`Sign-in failed (${failure.code})${where}: ${failure.message}`)
    this.name = 'SignInError'
    this.code = failure.code
    this.failure = failure
  }
}

/** Where the Webex emulator's sign-in starts and where it describes its session. */
export interface DefaultSignInTarget {
  readonly startUrl: string
  readonly sessionInfoUrl: string
  /** PEM of the sandbox root CA, trusted under https. */
  readonly ca?: string
}

/** Runs an SP-initiated sign-in without a browser; resolves on success, throws {@link SignInError} otherwise. */
export async function signInHeadless(
  request: SandboxSignInRequest,
  defaults: DefaultSignInTarget,
): Promise<SignInSuccess> {
  const startUrl = request.startUrl ?? defaults.startUrl
  const sessionInfoUrl =
    request.sessionInfoUrl ?? (request.startUrl === undefined ? defaults.sessionInfoUrl : undefined)
  const browser =
    request.browser ??
    new HeadlessBrowser({ transport: createNodeTransport(defaults.ca ? { ca: defaults.ca } : {}) })
  const result = await signIn({
    startUrl,
    username: request.username,
    password: request.password,
    browser,
    ...(sessionInfoUrl ? { sessionInfoUrl } : {}),
  })
  if (!result.ok) throw new SignInError(result.error)
  return result.value
}
