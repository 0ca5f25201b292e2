import type { TenantOverviewFacts } from '../directory/tenant-service'
import { Blade } from './console/blade'
import type { ConsoleFrame } from './console/console-layout'
import { ConsoleLayout } from './console/console-layout'
import { CopyField, CopyText } from './console/copy-field'

/** What the tenant overview shows: the tenant's facts, inside the console frame. */
export interface OverviewProps extends TenantOverviewFacts {
  readonly frame: ConsoleFrame
}

/** Identity > Overview: the tenant's basic information and its federation endpoints. */
export function OverviewPage(props: OverviewProps) {
  return (
    <ConsoleLayout title="Overview" {...props.frame}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }]}
        object={props.tenantName}
        page="Overview"
        subtitle="Microsoft Entra ID"
        icon="overview"
      >
        <h2>Basic information</h2>
        <div class="properties-columns">
          <dl class="properties">
            <dt>Name</dt>
            <dd>{props.tenantName}</dd>
            <dt>Tenant ID</dt>
            <dd>
              <CopyText
                id="overview-tenant-id"
                value={props.tenantId}
                copyLabel="Copy Tenant ID to clipboard"
              />
            </dd>
            <dt>Primary domain</dt>
            <dd>{props.defaultDomain}</dd>
          </dl>
          <dl class="properties">
            <dt>Users</dt>
            <dd>{props.userCount}</dd>
          </dl>
        </div>
        <h2>Single sign-on endpoints</h2>
        <CopyField
          id="overview-issuer"
          label="Microsoft Entra Identifier"
          value={props.issuer}
          layout="inline"
          copyLabel="Copy Microsoft Entra Identifier to clipboard"
        />
        <CopyField
          id="overview-metadata"
          label="Federation metadata document"
          value={props.tenantMetadataUrl}
          layout="inline"
          copyLabel="Copy Federation metadata document URL to clipboard"
        />
        <p>
          <a href={props.tenantMetadataUrl}>Open the federation metadata document</a>
        </p>
      </Blade>
    </ConsoleLayout>
  )
}
