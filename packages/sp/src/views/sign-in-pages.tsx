// views/: pure hono/jsx pages (props in, HTML out); console/ holds the Control Hub and Webex components.
import type { Check } from '../sign-in/check-pipeline'
import { Card, StatusPill } from './console/cards'
import { DataTable } from './console/data-table'
import { type KeyValueRow, KeyValueTable } from './console/key-value'
import { WebexHomeFrame } from './console/webex-app'
import { WebexPageFrame } from './console/webex-frame'

/** The AuthnRequest over HTTP-POST: hidden fields, submitted by the response's nonce'd script. */
export function AutoPostForm(props: {
  action: string
  fields: Readonly<Record<string, string>>
  nonce: string | undefined
}) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Redirecting to your identity provider</title>
      </head>
      <body>
        <form method="post" action={props.action}>
          {Object.entries(props.fields).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <noscript>
            <input type="submit" value="Continue to your identity provider" />
          </noscript>
        </form>
        <script nonce={props.nonce}>document.forms[0].submit()</script>
      </body>
    </html>
  )
}

function ChecksTable(props: { checks: readonly Check[] }) {
  return (
    <DataTable
      caption="Checks"
      captionHidden={true}
      columns={[{ label: 'Check' }, { label: 'Result' }, { label: 'Detail', wrap: true }]}
      rows={props.checks.map((check) => ({
        cells: [
          check.name,
          <StatusPill tone={check.passed ? 'success' : 'error'} label={check.passed ? 'passed' : 'FAILED'} />,
          check.detail,
        ],
      }))}
      empty={{ title: 'No checks ran' }}
    />
  )
}

/** "What the IdP sent": the subject (and what else the page knows) above the attributes. */
function IdpSentCard(props: {
  caption: string
  rows: readonly KeyValueRow[]
  attributes: Readonly<Record<string, readonly string[]>>
}) {
  return (
    <Card title="What the IdP sent">
      <KeyValueTable caption={props.caption} captionHidden={true} keys="narrow" rows={props.rows} />
      <KeyValueTable
        caption="Attributes"
        mono={true}
        rows={Object.entries(props.attributes).map(([name, values]) => ({
          key: name,
          values: [values.join(', ')],
        }))}
      />
    </Card>
  )
}

function ChecksCard(props: { title: string; checks: readonly Check[] }) {
  return (
    <Card title={props.title}>
      <ChecksTable checks={props.checks} />
    </Card>
  )
}

/** Webex after a successful sign-in: who, with which attributes, after which checks. */
export function HomePage(props: {
  orgName: string
  userName: string
  displayName: string
  nameId: string
  issuer: string
  attributes: Readonly<Record<string, readonly string[]>>
  checks: readonly Check[]
}) {
  return (
    <WebexHomeFrame
      pageTitle="Home"
      orgName={props.orgName}
      user={{ displayName: props.displayName, email: props.userName }}
      signOut={{ method: 'get', href: '/webex/logout' }}
      rail={[
        { label: 'Sign-in', icon: 'shield', href: '/webex/home', current: true },
        { label: 'Messaging', icon: 'message', href: null },
        { label: 'Meetings', icon: 'meeting', href: null },
        { label: 'Calling', icon: 'call', href: null },
      ]}
    >
      <div class="wx-welcome">
        <div>
          <h1>Welcome, {props.displayName}</h1>
          <p>
            You are signed in to Webex as <strong id="signed-in-user">{props.userName}</strong> through single
            sign-on.
          </p>
        </div>
      </div>
      <IdpSentCard
        caption="Subject"
        rows={[
          { key: 'NameID', values: [props.nameId] },
          { key: 'Identity provider', values: [props.issuer] },
        ]}
        attributes={props.attributes}
      />
      <ChecksCard title="Checks Webex made" checks={props.checks} />
    </WebexHomeFrame>
  )
}

/** A refused sign-in: the stable code, what it means, and the screen where it is fixed. */
export function SignInErrorPage(props: {
  orgName: string
  code: string
  message: string
  fix: string
  checks: readonly Check[]
}) {
  return (
    <WebexPageFrame pageTitle="Sign-in failed" orgName={props.orgName}>
      <h1>We couldn't sign you in</h1>
      <Card tone="error">
        <p class="error-code">
          Error code: <code>{props.code}</code>
        </p>
        <p>{props.message}</p>
        <p>
          <strong>How to fix it:</strong> {props.fix}
        </p>
      </Card>
      {props.checks.length > 0 ? <ChecksCard title="Checks Webex made" checks={props.checks} /> : null}
    </WebexPageFrame>
  )
}

/** Control Hub's Test SSO Connection result tab. */
export function TestResultPage(props: {
  orgName: string
  passed: boolean
  code: string | null
  message: string
  nameId: string | null
  certificate: string | null
  attributes: Readonly<Record<string, readonly string[]>>
  checks: readonly Check[]
  at: string
  timing: {
    readonly issueInstant: string | null
    readonly notBefore: string | null
    readonly notOnOrAfter: string | null
  } | null
  samlify: { readonly agrees: boolean | null; readonly detail: string | null }
}) {
  return (
    <WebexPageFrame pageTitle="Test SSO Connection" orgName={props.orgName}>
      <h1>{props.passed ? 'Single Sign-On succeeded' : 'Single Sign-On failed'}</h1>
      <Card tone={props.passed ? 'success' : 'error'}>
        {props.code ? (
          <p class="error-code">
            Error code: <code>{props.code}</code>
          </p>
        ) : null}
        <p id="test-result">{props.message}</p>
        <p>
          {props.passed
            ? 'Close this tab, return to Control Hub, tick "This test was successful. Enable Single Sign-On" and Save.'
            : 'Fix the problem, then run Test SSO Connection again.'}
        </p>
      </Card>
      <IdpSentCard
        caption="Subject, certificate and timing"
        attributes={props.attributes}
        rows={[
          { key: 'NameID', values: [props.nameId ?? '(not read)'] },
          { key: 'Signing certificate', values: [props.certificate ?? '(not verified)'] },
          { key: 'IssueInstant', values: [props.timing?.issueInstant ?? '(not read)'] },
          {
            key: 'Valid from / until',
            values: [`${props.timing?.notBefore ?? '-'} / ${props.timing?.notOnOrAfter ?? '-'}`],
          },
          { key: 'Webex clock at the test', values: [props.at] },
        ]}
      />
      <Card title="Second opinion (samlify)">
        <p id="samlify-opinion">
          {props.samlify.agrees === null
            ? 'Not asked.'
            : props.samlify.agrees
              ? 'samlify reaches the same verdict.'
              : 'samlify reaches a different verdict.'}{' '}
          {props.samlify.detail ?? ''}
        </p>
      </Card>
      <ChecksCard title="Checks" checks={props.checks} />
    </WebexPageFrame>
  )
}

/** A plain message page (SSO not set up, signed out). */
export function MessagePage(props: {
  orgName: string
  title: string
  message: string
  link?: { href: string; text: string }
}) {
  return (
    <WebexPageFrame pageTitle={props.title} orgName={props.orgName}>
      <h1>{props.title}</h1>
      <Card>
        <p>{props.message}</p>
        {props.link ? (
          <p>
            <a href={props.link.href}>{props.link.text}</a>
          </p>
        ) : null}
      </Card>
    </WebexPageFrame>
  )
}
