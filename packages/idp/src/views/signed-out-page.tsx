import { LoginLayout } from './login-layout'

/** "You signed out of your account", with the sandbox's note when there is one. */
export function SignedOutPage(props: { readonly note: string | null }) {
  return (
    <LoginLayout title="Sign out">
      <h1 class="login-title">You signed out of your account</h1>
      <p class="login-message">It’s a good idea to close all browser windows.</p>
      {props.note ? (
        <aside class="sandbox-hint">
          <strong>Sandbox hint:</strong> {props.note}
        </aside>
      ) : null}
    </LoginLayout>
  )
}
