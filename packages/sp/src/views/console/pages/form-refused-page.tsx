import { ConsoleDocument, controlHubTabTitle, SandboxMarker } from '../document'
import { Wordmark } from '../webex-app'

/** A form without its CSRF token, or with one of another session: nothing changed, go back. */
export function FormRefusedPage(props: { backHref: string }) {
  return (
    <ConsoleDocument tabTitle={controlHubTabTitle('Form expired')} bodyClass="wx-sign-in">
      <main id="main" tabindex={-1}>
        <div class="wx-panel">
          <Wordmark />
          <SandboxMarker />
          <h1>This form has expired</h1>
          <p>
            Nothing was changed. The form was sent without its security token or from an earlier session (for
            example after signing out, or from another site). Open the page again and repeat the step.
          </p>
          <a class="btn btn-primary large block" href={props.backHref}>
            Back to Control Hub
          </a>
        </div>
      </main>
    </ConsoleDocument>
  )
}
