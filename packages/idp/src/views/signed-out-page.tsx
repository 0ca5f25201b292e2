import { SandboxHint, SignInLayout } from './console/sign-in-card'

/** "You signed out of your account", with the sandbox's note when there is one. */
export function SignedOutPage(props: { readonly note: string | null }) {
  return (
    <SignInLayout title="Sign out">
      <h1 class="sign-in-title" id="login_workload_logo_text">
        You signed out of your account
      </h1>
      <p class="sign-in-message" id="SignOutStatusMessage">
        It’s a good idea to close all browser windows.
      </p>
      <SandboxHint hint={props.note} />
    </SignInLayout>
  )
}
