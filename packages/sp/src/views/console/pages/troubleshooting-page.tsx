import type { Child } from 'hono/jsx'
import type { SignInAttempt } from '../../../sign-in/memory-stores'
import { ActionButton } from '../actions'
import { Card, Facts, StatusPill } from '../cards'
import { ControlHubLayout } from '../control-hub-layout'
import { DataTable } from '../data-table'
import { KeyValueTable } from '../key-value'
import type { ConsoleChrome } from './page-chrome'

const PURPOSE_LABELS = { 'sign-in': 'Sign-in', test: 'Test SSO Connection', logout: 'Single logout' } as const

function Outcome(props: { attempt: SignInAttempt }) {
  return props.attempt.outcome === 'success' ? (
    <StatusPill tone="success" label="Success" />
  ) : (
    <StatusPill tone="error" label="Failure" />
  )
}

/** Troubleshooting > Sign-in log: every SSO attempt, newest first; the code links to its details. */
export function SignInLogPage(props: { chrome: ConsoleChrome; attempts: readonly SignInAttempt[] }) {
  return (
    <ControlHubLayout
      {...props.chrome}
      pageTitle="Troubleshooting"
      subtitle="Sign-in log: each single sign-on attempt this Webex org received since the sandbox started (the last 200)."
    >
      <DataTable
        caption="Sign-in log"
        columns={[
          { label: 'Time' },
          { label: 'User', wrap: true },
          { label: 'Type' },
          { label: 'Result' },
          { label: 'Code' },
          { label: 'Details' },
        ]}
        rows={props.attempts.map((attempt) => ({
          id: `attempt-${attempt.id}`,
          cells: [
            <time datetime={attempt.at}>{attempt.at.replace('T', ' ').slice(0, 19)} UTC</time>,
            attempt.user ?? 'Unknown',
            PURPOSE_LABELS[attempt.purpose],
            <Outcome attempt={attempt} />,
            attempt.code ? <code>{attempt.code}</code> : '-',
            <a href={`/admin/troubleshooting/sign-ins/${attempt.id}`}>
              Details<span class="visually-hidden"> of attempt {attempt.id}</span>
            </a>,
          ],
        }))}
        empty={{
          title: 'No sign-in attempts yet',
          text: 'Sign in through the Webex sign-in page or run Test SSO Connection; each attempt appears here.',
        }}
      />
    </ControlHubLayout>
  )
}

/** One attempt: what happened, what it means, and every check the SP made in order. */
export function SignInAttemptPage(props: { chrome: ConsoleChrome; attempt: SignInAttempt; trace?: Child }) {
  const { attempt } = props
  return (
    <ControlHubLayout
      {...props.chrome}
      pageTitle="Sign-in attempt"
      subtitle={`${PURPOSE_LABELS[attempt.purpose]} at ${attempt.at}`}
      headActions={
        <ActionButton
          label="Back to Sign-in log"
          action={{ method: 'get', href: '/admin/troubleshooting' }}
        />
      }
    >
      <Card title="Result" id="attempt-result" aside={<Outcome attempt={attempt} />}>
        <Facts
          items={[
            { label: 'User', value: attempt.user ?? 'Unknown (not read from a signed assertion)' },
            { label: 'Time', value: attempt.at },
            { label: 'Code', value: attempt.code ? <code>{attempt.code}</code> : 'None' },
            { label: 'Message', value: attempt.message },
          ]}
        />
      </Card>
      <Card title="Checks the SP made" id="attempt-checks">
        {attempt.checks.length === 0 ? (
          <p>No checks were recorded for this attempt.</p>
        ) : (
          <KeyValueTable
            caption="Checks the SP made"
            captionHidden={true}
            rows={attempt.checks.map((check) => ({
              key: `${check.passed ? 'Passed' : 'Failed'}: ${check.name}`,
              values: [check.detail],
              failed: !check.passed,
            }))}
          />
        )}
      </Card>
      {props.trace ?? null}
    </ControlHubLayout>
  )
}
