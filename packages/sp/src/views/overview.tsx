import { Layout } from './layout'

/** What the organization overview shows. */
export interface OverviewProps {
  readonly orgName: string
  readonly orgId: string
  readonly entityId: string
  readonly acsUrl: string
  readonly ssoEnabled: boolean
  readonly idpEntityId: string | null
  readonly trustMode: string | null
  readonly pendingIdp: string | null
  readonly lastTest: { status: string; code: string | null; message: string } | null
  readonly userCount: number
}

/** Control Hub > Overview: the organization, its SSO state and the wizard's next step. */
export function OverviewPage(props: OverviewProps) {
  const next = props.ssoEnabled
    ? 'Single sign-on is on: people sign in at the Sign-on URL below.'
    : props.pendingIdp
      ? props.lastTest?.status === 'passed'
        ? 'The test passed: enable single sign-on (POST /api/v1/sso/enable).'
        : 'Run Test SSO Connection (POST /api/v1/sso/test), then enable.'
      : 'Download the SP metadata, upload it to Entra, then import the Entra metadata here.'
  return (
    <Layout title="Overview" orgName={props.orgName}>
      <h1>{props.orgName}</h1>
      <section class="card">
        <h2>Authentication</h2>
        <dl>
          <dt>Single sign-on</dt>
          <dd class={props.ssoEnabled ? 'status-on' : 'status-off'} id="sso-status">
            {props.ssoEnabled ? 'Enabled' : 'Not enabled'}
          </dd>
          <dt>Identity provider</dt>
          <dd>{props.idpEntityId ?? props.pendingIdp ?? 'None imported'}</dd>
          <dt>Certificate trust</dt>
          <dd>
            {props.trustMode === 'ca-signed'
              ? 'Require certificate signed by a certificate authority in Metadata (more secure)'
              : props.trustMode === 'self-signed-allowed'
                ? 'Allow self-signed certificate in metadata (less secure)'
                : '-'}
          </dd>
          <dt>Last Test SSO Connection</dt>
          <dd>
            {props.lastTest
              ? `${props.lastTest.status}${props.lastTest.code ? ` (${props.lastTest.code})` : ''}: ${props.lastTest.message}`
              : 'Not run'}
          </dd>
          <dt>Next step</dt>
          <dd>{next}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>Organization</h2>
        <dl>
          <dt>Organization ID</dt>
          <dd>
            <code>{props.orgId}</code>
          </dd>
          <dt>SP entity ID</dt>
          <dd>
            <code>{props.entityId}</code>
          </dd>
          <dt>Sign-on URL (ACS)</dt>
          <dd>
            <a href={props.acsUrl}>
              <code>{props.acsUrl}</code>
            </a>
          </dd>
          <dt>Users</dt>
          <dd>{props.userCount}</dd>
        </dl>
      </section>
    </Layout>
  )
}
