import { Layout } from './layout'

/** What the tenant overview shows. */
export interface OverviewProps {
  readonly tenantName: string
  readonly tenantId: string
  readonly defaultDomain: string
  readonly userCount: number
  readonly issuer: string
  readonly tenantMetadataUrl: string
}

/** Home > Overview: the tenant's basic information. */
export function OverviewPage(props: OverviewProps) {
  return (
    <Layout title="Overview" tenantName={props.tenantName}>
      <h1>{props.tenantName} | Overview</h1>
      <section class="card">
        <h2>Basic information</h2>
        <dl>
          <dt>Name</dt>
          <dd>{props.tenantName}</dd>
          <dt>Tenant ID</dt>
          <dd>
            <code>{props.tenantId}</code>
          </dd>
          <dt>Primary domain</dt>
          <dd>{props.defaultDomain}</dd>
          <dt>Users</dt>
          <dd>{props.userCount}</dd>
          <dt>Microsoft Entra Identifier</dt>
          <dd>
            <code>{props.issuer}</code>
          </dd>
          <dt>Federation metadata</dt>
          <dd>
            <a href={props.tenantMetadataUrl}>{props.tenantMetadataUrl}</a>
          </dd>
        </dl>
      </section>
    </Layout>
  )
}
