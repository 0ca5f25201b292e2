import type { InspectionReport } from '@sandbox/shared'
import { Blade } from '../../blade'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { FieldShell, TextBox } from '../../field-shell'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { TextField } from '../../text-field'
import { SAML_INSPECTOR_HREF } from './monitoring-links'

export interface SamlInspectorPageProps {
  readonly frame: ConsoleFrame
  readonly csrf: readonly HiddenField[]
  readonly message: string
  readonly at: string
  readonly error?: { readonly field: 'message' | 'at'; readonly message: string }
  readonly result?: { readonly report: InspectionReport; readonly text: string }
}

const STATUS_WORD = { passed: 'Passed', failed: 'Failed', skipped: 'Not judged' } as const

/** Monitoring & health > SAML inspector: paste, inspect, every check and the report as text. */
export function SamlInspectorPage(props: SamlInspectorPageProps) {
  const report = props.result?.report
  const checks = report ? report.messages.reduce((sum, m) => sum + m.checks.length, 0) : 0
  const messageField = {
    id: 'saml-message',
    label: 'SAML message, metadata or HAR',
    help: 'Raw XML, base64, a URL with SAMLRequest or SAMLResponse, a form body or a HAR file (at most 1 MB). It is inspected here and sent nowhere else.',
    ...(props.error?.field === 'message' ? { error: props.error.message } : {}),
  }
  return (
    <ConsoleLayout title="SAML inspector" {...props.frame}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }, { label: 'SAML inspector' }]}
        object="SAML inspector"
        subtitle={props.frame.tenantName}
        icon="logs"
      >
        <form method="post" action={SAML_INSPECTOR_HREF} class="form-stack">
          <HiddenFields fields={props.csrf} />
          <FieldShell field={messageField}>
            <TextBox>
              <textarea
                class="input"
                id="saml-message"
                name="message"
                rows={10}
                spellcheck={false}
                aria-invalid={messageField.error ? 'true' : undefined}
                aria-describedby={
                  messageField.error ? 'saml-message-help saml-message-error' : 'saml-message-help'
                }
              >
                {props.message}
              </textarea>
            </TextBox>
          </FieldShell>
          <TextField
            id="judge-at"
            name="at"
            label="Judge times as of"
            help="Empty for now; or an instant such as 2022-02-23T18:00:00Z, or -2h."
            value={props.at}
            {...(props.error?.field === 'at' ? { error: props.error.message } : {})}
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              Inspect
            </button>
          </div>
        </form>
        {report && props.result ? (
          <section aria-label="Inspection report" class="inspector-report">
            <InfoBanner tone={report.failed === 0 ? 'success' : 'error'}>
              {report.failed === 0
                ? `All ${checks} checks passed.`
                : `${report.failed} of ${checks} checks failed.`}{' '}
              Judged without a configuration to compare with: the tenant's apps are not chosen here.
            </InfoBanner>
            {report.messages.map((message) => (
              <section aria-label={`Checks of message ${message.index}`}>
                <h2 class="section-title">
                  Message {message.index}: {message.kind ?? 'unreadable'} ({message.checksBy})
                </h2>
                <ul class="inspector-checks">
                  {message.checks.map((check) => (
                    <li>
                      <strong>{STATUS_WORD[check.status]}</strong>
                      {`: ${check.name}. `}
                      {check.status === 'failed' ? `${check.message} Fix: ${check.fix}` : check.detail}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            <section aria-label="Inspection report text">
              <pre class="inspector-text">{props.result.text}</pre>
            </section>
          </section>
        ) : null}
      </Blade>
    </ConsoleLayout>
  )
}
