import type { AcsCheckRow } from '../sign-in/acs/acs-check-report'
import { Card, StatusPill } from './console/cards'
import { DataTable } from './console/data-table'
import { KeyValueTable } from './console/key-value'
import { WebexPageFrame } from './console/webex-frame'
import { IdpSentCard, type IdpSentProps } from './idp-sent'

const RESULT_TONE = {
  passed: 'success',
  failed: 'error',
  skipped: 'neutral',
  'not reached': 'neutral',
} as const

/** The ACS's whole check table, each step with its result in this test. */
function AcsCheckTable(props: { rows: readonly AcsCheckRow[] }) {
  return (
    <DataTable
      caption="Checks the ACS made"
      captionHidden={true}
      columns={[
        { label: 'Check' },
        { label: 'What it checks', wrap: true },
        { label: 'Result' },
        { label: 'Detail', wrap: true },
      ]}
      rows={props.rows.map((row) => ({
        cells: [
          row.name,
          row.checks,
          <StatusPill tone={RESULT_TONE[row.result]} label={row.result} />,
          row.detail,
        ],
      }))}
      empty={{ title: 'No checks ran' }}
    />
  )
}

export interface TestResultPageProps {
  readonly orgName: string
  readonly passed: boolean
  /** A refusal: its code, what the code means, the message, and where it is fixed. */
  readonly failure: {
    readonly code: string
    readonly meaning: string
    readonly message: string
    readonly fix: string
  } | null
  /** The verdict in a sentence (which Webex user it signs in). */
  readonly message: string
  readonly sent: IdpSentProps
  readonly checks: readonly AcsCheckRow[]
  /** samlify's verdict (null: not asked) and what it said. */
  readonly samlify: { readonly agrees: boolean | null; readonly detail: string | null }
}

function secondOpinion(samlify: TestResultPageProps['samlify']): string {
  const said = samlify.detail ?? ''
  if (samlify.agrees === null) return said
  return `${said}: ${samlify.agrees ? 'the same verdict as Webex' : 'not the verdict Webex reached'}.`
}

/**
 * The tab Test SSO Connection opens: "Single Sign-on succeeded." or the failure (its code, what
 * it means, the fix), what the IdP sent, samlify's second opinion and the ACS's check table.
 */
export function TestResultPage(props: TestResultPageProps) {
  const { failure } = props
  return (
    <WebexPageFrame pageTitle="Test SSO Connection" orgName={props.orgName}>
      <h1>{props.passed ? 'Single Sign-on succeeded.' : 'Single Sign-on failed.'}</h1>
      <Card tone={props.passed ? 'success' : 'error'} id="test-verdict">
        {failure ? (
          <KeyValueTable
            caption="What went wrong"
            captionHidden={true}
            keys="narrow"
            rows={[
              { key: 'Error code', values: [<code class="error-code">{failure.code}</code>], failed: true },
              { key: 'What it means', values: [failure.meaning] },
              { key: 'What happened', values: [failure.message] },
              { key: 'How to fix it', values: [failure.fix] },
            ]}
          />
        ) : (
          <p id="test-result">{props.message}</p>
        )}
      </Card>
      <IdpSentCard {...props.sent} />
      <Card title="Second opinion" id="second-opinion">
        <p id="samlify-opinion">{secondOpinion(props.samlify)}</p>
      </Card>
      <Card title="Checks the ACS made" id="acs-checks">
        <AcsCheckTable rows={props.checks} />
      </Card>
      <Card id="test-next">
        <p class="test-next">
          <strong>Close this tab and return to Control Hub</strong>
        </p>
        <p>
          {props.passed
            ? 'In Test SSO Setup, choose "This test was successful. Enable Single Sign-On", then Next and Save.'
            : 'Fix the problem above, then run Test SSO Connection again from Test SSO Setup.'}
        </p>
      </Card>
    </WebexPageFrame>
  )
}
