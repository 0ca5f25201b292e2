import type { SignInTrace } from '@sandbox/shared'
import { Card } from '../cards'

const OUTCOME_WORD = { passed: 'Passed', failed: 'Failed', info: 'Info' } as const

/** An attempt's Trace: each step of the SAML conversation as Webex saw it, and the HAR to download. */
export function SignInTraceCard(props: { trace: SignInTrace | null; downloadHref: string }) {
  return (
    <Card title="Trace" id="attempt-trace">
      {props.trace ? (
        <>
          <p>
            Trace ID <code>{props.trace.id}</code>: the AuthnRequest ID, which Entra's trace of the same
            sign-in shares.
          </p>
          <ol class="trace-steps">
            {props.trace.steps.map((step) => (
              <li>
                <strong>{step.title}</strong> ({OUTCOME_WORD[step.outcome]}): {step.detail}
              </li>
            ))}
          </ol>
          <a class="btn btn-secondary" href={props.downloadHref} download="sign-in-trace.har">
            Download trace
          </a>
        </>
      ) : (
        <p>No trace was kept for this attempt: traces are kept in memory for the last 500 ACS attempts.</p>
      )}
    </Card>
  )
}
