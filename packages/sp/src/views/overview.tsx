import { Layout } from './layout'

/** What the organization overview shows. */
export interface OverviewProps {
  readonly orgName: string
  readonly orgId: string
  readonly entityId: string
  readonly acsUrl: string
}

/** Control Hub > Overview: the organization and where SSO will land. */
export function OverviewPage(props: OverviewProps) {
  return (
    <Layout title="Overview" orgName={props.orgName}>
      <h1>{props.orgName}</h1>
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
          <dt>Assertion consumer service</dt>
          <dd>
            <code>{props.acsUrl}</code>
          </dd>
        </dl>
      </section>
    </Layout>
  )
}
