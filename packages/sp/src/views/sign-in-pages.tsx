import type { Check } from '../sign-in/response-checks'
import { Layout } from './layout'

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
    <table class="checks">
      <thead>
        <tr>
          <th>Check</th>
          <th>Result</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {props.checks.map((check) => (
          <tr class={check.passed ? 'ok' : 'failed'}>
            <td>{check.name}</td>
            <td>{check.passed ? 'passed' : 'FAILED'}</td>
            <td>{check.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Attributes(props: { attributes: Readonly<Record<string, readonly string[]>> }) {
  return (
    <dl class="attributes">
      {Object.entries(props.attributes).map(([name, values]) => (
        <>
          <dt>{name}</dt>
          <dd>{values.join(', ')}</dd>
        </>
      ))}
    </dl>
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
    <Layout title="Webex" orgName={props.orgName}>
      <h1>Welcome, {props.displayName}</h1>
      <section class="card">
        <p>
          You are signed in to Webex as <strong id="signed-in-user">{props.userName}</strong> through single
          sign-on.
        </p>
        <dl>
          <dt>NameID</dt>
          <dd>{props.nameId}</dd>
          <dt>Identity provider</dt>
          <dd>{props.issuer}</dd>
        </dl>
        <p>
          <a href="/webex/logout">Sign out</a>
        </p>
      </section>
      <section class="card">
        <h2>Attributes the IdP sent</h2>
        <Attributes attributes={props.attributes} />
      </section>
      <section class="card">
        <h2>Checks Webex made</h2>
        <ChecksTable checks={props.checks} />
      </section>
    </Layout>
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
    <Layout title="Sign-in failed" orgName={props.orgName}>
      <h1>We couldn't sign you in</h1>
      <section class="card error">
        <p class="error-code">
          Error code: <code>{props.code}</code>
        </p>
        <p>{props.message}</p>
        <p>
          <strong>How to fix it:</strong> {props.fix}
        </p>
      </section>
      {props.checks.length > 0 ? (
        <section class="card">
          <h2>Checks Webex made</h2>
          <ChecksTable checks={props.checks} />
        </section>
      ) : null}
    </Layout>
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
    <Layout title="Test SSO Connection" orgName={props.orgName}>
      <h1>{props.passed ? 'Single Sign-On succeeded' : 'Single Sign-On failed'}</h1>
      <section class={props.passed ? 'card success' : 'card error'}>
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
      </section>
      <section class="card">
        <h2>What the IdP sent</h2>
        <dl>
          <dt>NameID</dt>
          <dd>{props.nameId ?? '(not read)'}</dd>
          <dt>Signing certificate</dt>
          <dd>{props.certificate ?? '(not verified)'}</dd>
          <dt>IssueInstant</dt>
          <dd>{props.timing?.issueInstant ?? '(not read)'}</dd>
          <dt>Valid from / until</dt>
          <dd>
            {props.timing?.notBefore ?? '-'} / {props.timing?.notOnOrAfter ?? '-'}
          </dd>
          <dt>Webex clock at the test</dt>
          <dd>{props.at}</dd>
        </dl>
        <Attributes attributes={props.attributes} />
      </section>
      <section class="card">
        <h2>Second opinion (samlify)</h2>
        <p id="samlify-opinion">
          {props.samlify.agrees === null
            ? 'Not asked.'
            : props.samlify.agrees
              ? 'samlify reaches the same verdict.'
              : 'samlify reaches a different verdict.'}{' '}
          {props.samlify.detail ?? ''}
        </p>
      </section>
      <section class="card">
        <h2>Checks</h2>
        <ChecksTable checks={props.checks} />
      </section>
    </Layout>
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
    <Layout title={props.title} orgName={props.orgName}>
      <h1>{props.title}</h1>
      <section class="card">
        <p>{props.message}</p>
        {props.link ? (
          <p>
            <a href={props.link.href}>{props.link.text}</a>
          </p>
        ) : null}
      </section>
    </Layout>
  )
}
