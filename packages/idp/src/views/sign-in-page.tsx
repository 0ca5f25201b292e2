// views/: the pages as pure hono/jsx (props in, markup out): sign-in, error, signed out, My Apps, POST binding, overview.
import type { Child } from 'hono/jsx'
import type { SignInStep } from '../sso/sign-in-steps'
import { SignInLayout } from './console/sign-in-card'

/** Where each step's form goes: the sign-in page's addresses of the tenant. */
export interface SignInAddresses {
  /** `/{tenant}/login`: GET shows a step, POST takes the account or the password. */
  readonly login: string
  readonly pick: string
  readonly staySignedIn: string
  readonly forgotPassword: string
}

const ERROR_ID = 'signInError'

function Hidden(props: { readonly step: SignInStep }) {
  return (
    <>
      <input type="hidden" name="ctx" value={props.step.ctx} />
      <input type="hidden" name="flowToken" value={props.step.flowToken} />
    </>
  )
}

function ErrorLine(props: { readonly error: string | null }) {
  return props.error ? (
    <p class="sign-in-error" role="alert" id={ERROR_ID}>
      {props.error}
    </p>
  ) : null
}

function Subtitle(props: { readonly appName: string | null }) {
  return props.appName ? <p class="sign-in-subtitle">to continue to {props.appName}</p> : null
}

/** The back arrow and the account being signed in, above the password and "Stay signed in?". */
function Identity(props: { readonly login: string; readonly back: string | null }) {
  return (
    <div class="sign-in-identity">
      {props.back ? (
        <a href={props.back} class="sign-in-back">
          <span aria-hidden="true">←</span>
          <span class="visually-hidden">Back</span>
        </a>
      ) : null}
      <span class="sign-in-identity-name">{props.login}</span>
    </div>
  )
}

function Actions(props: { readonly children: Child }) {
  return <div class="sign-in-actions">{props.children}</div>
}

/**
 * The Microsoft sign-in page, one step at a time: "Sign in" (the account), "Enter password",
 * "Stay signed in?" and "Pick an account", each a plain form carrying the flow token.
 */
export function SignInPage(props: { readonly to: SignInAddresses; readonly step: SignInStep }) {
  const { step, to } = props
  const here = `${to.login}?ctx=${encodeURIComponent(step.ctx)}`
  const forgot = `${to.forgotPassword}?ctx=${encodeURIComponent(step.ctx)}`
  switch (step.step) {
    case 'email':
      return (
        <SignInLayout title="Sign in to your account">
          <h1 class="sign-in-title">Sign in</h1>
          <Subtitle appName={step.appName} />
          <ErrorLine error={step.error} />
          <form method="post" action={to.login} class="sign-in-form">
            <Hidden step={step} />
            <input
              id="i0116"
              class="sign-in-input"
              type="email"
              name="login"
              value={step.login}
              placeholder="Email, phone, or Skype"
              aria-label="Enter your email, phone, or Skype."
              autocomplete="username"
              required
              aria-invalid={step.error ? 'true' : undefined}
              aria-describedby={step.error ? ERROR_ID : undefined}
            />
            <p class="sign-in-links">
              <a href={forgot}>Can’t access your account?</a>
            </p>
            <Actions>
              {step.fromPicker ? (
                <a href={here} class="sign-in-button secondary" id="idBtn_Back">
                  Back
                </a>
              ) : null}
              <button type="submit" class="sign-in-button" id="idSIButton9">
                Next
              </button>
            </Actions>
          </form>
        </SignInLayout>
      )
    case 'password':
      return (
        <SignInLayout title="Sign in to your account">
          <Identity login={step.login} back={`${here}&step=email`} />
          <h1 class="sign-in-title">Enter password</h1>
          <ErrorLine error={step.error} />
          <form method="post" action={to.login} class="sign-in-form">
            <Hidden step={step} />
            <input type="hidden" name="login" value={step.login} />
            <input
              id="i0118"
              class="sign-in-input"
              type="password"
              name="passwd"
              placeholder="Password"
              aria-label={`Enter the password for ${step.login}`}
              autocomplete="current-password"
              required
              aria-invalid={step.error ? 'true' : undefined}
              aria-describedby={step.error ? ERROR_ID : undefined}
            />
            <p class="sign-in-links">
              <a href={forgot} id="idA_PWD_ForgotPassword">
                Forgot my password
              </a>
            </p>
            <Actions>
              <button type="submit" class="sign-in-button" id="idSIButton9">
                Sign in
              </button>
            </Actions>
          </form>
        </SignInLayout>
      )
    case 'stay-signed-in':
      return (
        <SignInLayout title="Sign in to your account">
          <Identity login={step.login} back={null} />
          <h1 class="sign-in-title">Stay signed in?</h1>
          <p>Do this to reduce the number of times you are asked to sign in.</p>
          <form method="post" action={to.staySignedIn} class="sign-in-form">
            <Hidden step={step} />
            <label class="sign-in-check">
              <input type="checkbox" name="dontShowAgain" value="1" id="KmsiCheckboxField" /> Don’t show this
              again
            </label>
            <Actions>
              <button
                type="submit"
                name="staySignedIn"
                value="no"
                class="sign-in-button secondary"
                id="idBtn_Back"
              >
                No
              </button>
              <button type="submit" name="staySignedIn" value="yes" class="sign-in-button" id="idSIButton9">
                Yes
              </button>
            </Actions>
          </form>
        </SignInLayout>
      )
    case 'pick':
      return (
        <SignInLayout title="Sign in to your account">
          <h1 class="sign-in-title">Pick an account</h1>
          <Subtitle appName={step.appName} />
          <form method="post" action={to.pick} class="sign-in-accounts">
            <Hidden step={step} />
            {step.accounts.map((account) => (
              <button
                type="submit"
                name="account"
                value="current"
                class="sign-in-account"
                aria-label={`Sign in with ${account.userPrincipalName} work or school account.`}
              >
                <span class="sign-in-account-name">{account.displayName}</span>
                <span>{account.userPrincipalName}</span>
                <span class="sign-in-account-status">Signed in</span>
              </button>
            ))}
            <button type="submit" name="account" value="other" class="sign-in-account" id="otherTile">
              <span class="sign-in-account-name">Use another account</span>
            </button>
          </form>
        </SignInLayout>
      )
  }
}

/** "Forgot my password": the sandbox has no self-service reset; the admin resets passwords. */
export function ForgotPasswordPage(props: { readonly back: string }) {
  return (
    <SignInLayout title="Get back into your account">
      <h1 class="sign-in-title">Get back into your account</h1>
      <p>
        This sandbox has no self-service password reset. An administrator resets a password in the Microsoft
        Entra admin center: Identity &gt; Users &gt; All users &gt; the user &gt; Reset password.
      </p>
      <Actions>
        <a href={props.back} class="sign-in-button secondary">
          Back
        </a>
      </Actions>
    </SignInLayout>
  )
}
