import { SandboxHint, SignInLayout } from './console/sign-in-card'

/** What Entra's error page shows. */
export interface ErrorPageProps {
  readonly message: string
  readonly requestId: string
  readonly correlationId: string
  readonly timestamp: string
  readonly appName: string | null
  /** The sandbox's advice (not on the real page; marked as such). */
  readonly hint: string | null
}

/** "Sorry, but we're having trouble signing you in." with the troubleshooting details. */
export function ErrorPage(props: ErrorPageProps) {
  return (
    <SignInLayout title="Sign in to your account">
      <h1 class="sign-in-title">Sign in</h1>
      <p class="sign-in-error">Sorry, but we’re having trouble signing you in.</p>
      <p class="sign-in-message">{props.message}</p>
      <section class="troubleshooting" aria-labelledby="troubleshooting-title">
        <h2 id="troubleshooting-title">Troubleshooting details</h2>
        <dl>
          {props.appName ? (
            <>
              <dt>App name</dt>
              <dd>{props.appName}</dd>
            </>
          ) : null}
          <dt>Request Id</dt>
          <dd>{props.requestId}</dd>
          <dt>Correlation Id</dt>
          <dd>{props.correlationId}</dd>
          <dt>Timestamp</dt>
          <dd>{props.timestamp}</dd>
          <dt>Message</dt>
          <dd>{props.message}</dd>
        </dl>
      </section>
      <SandboxHint hint={props.hint} />
    </SignInLayout>
  )
}
