import type { InspectionReport } from '@sandbox/shared'
import { PostForm } from '../actions'
import { Card, StatusPill } from '../cards'
import { ControlHubLayout } from '../control-hub-layout'
import { FormError, TextField } from '../fields'
import type { ConsoleChrome } from './page-chrome'

/** Troubleshooting > SAML inspector's address. */
export const SAML_INSPECTOR_HREF = '/admin/saml-inspector'

export interface SamlInspectorPageProps {
  readonly chrome: ConsoleChrome
  readonly message: string
  readonly at: string
  readonly error?: { readonly field: 'message' | 'at'; readonly message: string }
  /** Whose configuration the checks compared with, in words. */
  readonly contextNote: string
  readonly result?: { readonly report: InspectionReport; readonly text: string }
}

function Verdict(props: { report: InspectionReport }) {
  const checks = props.report.messages.reduce((sum, m) => sum + m.checks.length, 0)
  return props.report.failed === 0 ? (
    <StatusPill tone="success" label={`All ${checks} checks passed`} />
  ) : (
    <StatusPill tone="error" label={`${props.report.failed} of ${checks} checks failed`} />
  )
}

/** The inspector: paste, inspect, read the verdict of every check and the full report as text. */
export function SamlInspectorPage(props: SamlInspectorPageProps) {
  const messageError = props.error?.field === 'message' ? props.error.message : undefined
  const atError = props.error?.field === 'at' ? props.error.message : undefined
  return (
    <ControlHubLayout
      {...props.chrome}
      pageTitle="SAML inspector"
      subtitle="Decode a SAML message, metadata or HAR file and run the checks this org's single sign-on makes. What you paste stays on this machine."
    >
      <Card title="Inspect" id="inspect-form">
        <PostForm
          action={SAML_INSPECTOR_HREF}
          csrfToken={props.chrome.account.signOut.csrfToken}
          enhance={false}
        >
          {messageError ? <FormError id="saml-message-error">{messageError}</FormError> : null}
          <div class="field">
            <label for="saml-message">SAML message, metadata or HAR</label>
            <span class="hint" id="saml-message-hint">
              Raw XML, base64, a URL with SAMLRequest or SAMLResponse, a form body or a HAR file (at most 1
              MB).
            </span>
            <textarea
              class="input"
              id="saml-message"
              name="message"
              rows={10}
              spellcheck={false}
              aria-invalid={messageError ? 'true' : undefined}
              aria-describedby={messageError ? 'saml-message-hint saml-message-error' : 'saml-message-hint'}
            >
              {props.message}
            </textarea>
          </div>
          <TextField
            label="Judge times as of"
            name="at"
            id="judge-at"
            value={props.at}
            hint="Empty for now; or an instant such as 2022-02-23T18:00:00Z, or -2h."
            {...(atError ? { error: atError } : {})}
          />
          <button type="submit" class="btn btn-primary">
            Inspect
          </button>
        </PostForm>
      </Card>
      {props.result ? (
        <Card title="Report" id="inspect-report" aside={<Verdict report={props.result.report} />}>
          <p>{props.contextNote}</p>
          {props.result.report.messages.map((message) => (
            <section aria-label={`Checks of message ${message.index}`}>
              <h3>
                Message {message.index}: {message.kind ?? 'unreadable'} ({message.checksBy})
              </h3>
              <ul class="inspector-checks">
                {message.checks.map((check) => (
                  <li>
                    <strong>
                      {check.status === 'failed'
                        ? 'Failed'
                        : check.status === 'passed'
                          ? 'Passed'
                          : 'Not judged'}
                    </strong>
                    {`: ${check.name}. `}
                    {check.status === 'failed' ? `${check.message} Fix: ${check.fix}` : check.detail}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <section aria-label="Inspection report">
            <pre class="inspector-text">{props.result.text}</pre>
          </section>
        </Card>
      ) : null}
    </ControlHubLayout>
  )
}
