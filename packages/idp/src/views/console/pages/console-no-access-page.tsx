// views/console/pages/: the admin center's pages, one folder per area, built from the components beside them.
import { SandboxHint, SignInLayout } from '../sign-in-card'

/** The signed-in account holds no role that may use the admin center. */
export function ConsoleNoAccessPage(props: {
  readonly userPrincipalName: string
  readonly signOutHref: string
}) {
  return (
    <SignInLayout title="Microsoft Entra admin center">
      <h1 class="sign-in-title">You don’t have access</h1>
      <p class="sign-in-message">
        {props.userPrincipalName} is signed in, but this account doesn’t have permission to use the Microsoft
        Entra admin center.
      </p>
      <p class="sign-in-message">
        <a href={props.signOutHref}>Sign in with a different account</a>
      </p>
      <SandboxHint hint="Sign in as the Entra admin printed in the ready banner, or give this user the Global Administrator role through the Graph API." />
    </SignInLayout>
  )
}
