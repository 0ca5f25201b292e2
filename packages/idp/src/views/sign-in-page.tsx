import { LoginLayout } from './login-layout'

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
    <LoginLayout title="Sign in to your account">
      <h1 class="login-title">Sign in</h1>
      {props.appName ? <p class="login-subtitle">to continue to {props.appName}</p> : null}
      {props.error ? (
        <p class="login-error" role="alert" id="passwordError">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={props.action} class="login-form">
        <input type="hidden" name="ctx" value={props.ctx} />
        <input type="hidden" name="flowToken" value={props.flowToken} />
        <label for="i0116">Email, phone, or Skype</label>
        <input id="i0116" type="email" name="login" value={props.login} autocomplete="username" required />
        <label for="i0118">Password</label>
        <input id="i0118" type="password" name="passwd" autocomplete="current-password" required />
        <button type="submit" class="primary">
          Sign in
        </button>
      </form>
    </LoginLayout>
  )
}
