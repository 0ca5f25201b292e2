// views/: pure hono/jsx pages (props in, HTML out); console/ holds the Control Hub and Webex components.
import type { Check } from '../sign-in/check-pipeline'
import { Card, StatusPill } from './console/cards'
import { DataTable } from './console/data-table'
import { WebexHomeFrame, WebexSignInPage } from './console/webex-app'
import { WebexPageFrame } from './console/webex-frame'
import { IdpSentCard, type IdpSentProps } from './idp-sent'

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

function ChecksCard(props: { title: string; checks: readonly Check[] }) {
  return (
    <Card title={props.title}>
      <ChecksTable checks={props.checks} />
    </Card>
  )
}

/** Webex after a successful sign-in: who, what the IdP sent, and the checks Webex made. */
export function HomePage(props: {
  orgName: string
  userName: string
  displayName: string
  sent: IdpSentProps
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
      <IdpSentCard {...props.sent} />
      <ChecksCard title="Checks Webex made" checks={props.checks} />
    </WebexHomeFrame>
  )
}

/** The email-first Webex sign-in (web.webex.com): "Enter your email address", then Next. */
export function EmailSignInPage(props: { email?: string; error?: string; year: number }) {
  return (
    <WebexSignInPage
      form={{ action: '/', method: 'post' }}
      email={props.email}
      error={props.error}
      submitLabel="Next"
      notice="Single sign-on organizations continue at their identity provider."
      footer={{ year: props.year, termsHref: '/webex/terms', privacyHref: '/webex/terms' }}
    />
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
