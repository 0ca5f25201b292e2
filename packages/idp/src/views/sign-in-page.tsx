// views/: the pages as pure hono/jsx (props in, markup out): sign-in, error, signed out, My Apps, POST binding, overview.
import { SignInLayout } from './console/sign-in-card'

/** What the sign-in page needs. */
export interface SignInPageProps {
  readonly action: string
  readonly ctx: string
  readonly flowToken: string
  readonly login: string
  readonly appName: string | null
  readonly error: string | null
}

/** "Sign in": account and password on one page, posting back with the flow token. */
export function SignInPage(props: SignInPageProps) {
  return (
    <SignInLayout title="Sign in to your account">
      <h1 class="sign-in-title">Sign in</h1>
      {props.appName ? <p class="sign-in-subtitle">to continue to {props.appName}</p> : null}
      {props.error ? (
        <p class="sign-in-error" role="alert" id="passwordError">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={props.action} class="sign-in-form">
        <input type="hidden" name="ctx" value={props.ctx} />
        <input type="hidden" name="flowToken" value={props.flowToken} />
        <label for="i0116">Email, phone, or Skype</label>
        <input
          id="i0116"
          class="sign-in-input"
          type="email"
          name="login"
          value={props.login}
          autocomplete="username"
          required
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'passwordError' : undefined}
        />
        <label for="i0118">Password</label>
        <input
          id="i0118"
          class="sign-in-input"
          type="password"
          name="passwd"
          autocomplete="current-password"
          required
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'passwordError' : undefined}
        />
        <div class="sign-in-actions">
          <button type="submit" class="sign-in-button">
            Sign in
          </button>
        </div>
      </form>
    </SignInLayout>
  )
}
