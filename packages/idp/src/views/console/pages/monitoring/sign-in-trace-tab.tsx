import type { SignInTrace } from '@sandbox/shared'
import { LinkTabs } from '../../tabs'

const OUTCOME_WORD = { passed: 'Passed', failed: 'Failed', info: 'Info' } as const

/** The tabs of a sign-in's details pane: its fields, and the trace of the SAML conversation. */
export function SignInDetailsTabs(props: { readonly detailsHref: string; readonly currentHref: string }) {
  return (
    <LinkTabs
      label="Sign-in details"
      currentHref={props.currentHref}
      tabs={[
        { label: 'Basic info', href: props.detailsHref },
        { label: 'Trace', href: `${props.detailsHref}&tab=trace` },
      ]}
    />
  )
}

/** The Trace tab: each step of the sign-in as Entra saw it, and the HAR to attach to a bug report. */
export function SignInTraceTab(props: { readonly trace: SignInTrace | null; readonly downloadHref: string }) {
  if (!props.trace)
    return (
      <p>
        No trace was kept for this sign-in: only SAML sign-ins are traced, the last 500 since the sandbox
        started.
      </p>
    )
  return (
    <section aria-label="Trace">
      <p>
        Trace ID <code>{props.trace.id}</code>: the AuthnRequest ID, which Webex's trace of the same sign-in
        shares.
      </p>
      <ol class="trace-steps">
        {props.trace.steps.map((step) => (
          <li>
            <strong>{step.title}</strong> ({OUTCOME_WORD[step.outcome]}): {step.detail}
          </li>
        ))}
      </ol>
      <a class="button" href={props.downloadHref} download="sign-in-trace.har">
        Download trace
      </a>
    </section>
  )
}
