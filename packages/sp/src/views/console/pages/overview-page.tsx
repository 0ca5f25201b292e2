import type { CertificateExpiry, OrgOverview } from '../../../control-hub/org-overview'
import { Card, CardGrid, Facts, StatusDot, StatusPill } from '../cards'
import { ControlHubLayout } from '../control-hub-layout'
import type { ConsoleChrome } from './page-chrome'

/** Within this many days the certificate-expiry warning shows (E3's "Update SSO Certificate"). */
const EXPIRY_WARNING_DAYS = 60

function expiryLabel(certificate: CertificateExpiry) {
  if (certificate.daysLeft < 0) return <StatusPill tone="error" label="Expired" />
  if (certificate.daysLeft <= EXPIRY_WARNING_DAYS)
    return <StatusPill tone="warning" label={`Expires in ${certificate.daysLeft} days`} />
  return <StatusPill tone="success" label={`Valid for ${certificate.daysLeft} days`} />
}

function Certificates(props: { certificates: readonly CertificateExpiry[] }) {
  if (props.certificates.length === 0)
    return <p>No IdP metadata imported yet: the IdP's signing certificate appears here after the import.</p>
  return (
    <ul class="plain-list">
      {props.certificates.map((certificate) => (
        <li>
          <Facts
            items={[
              { label: 'Subject', value: certificate.subject },
              {
                label: 'Expires',
                value: (
                  <>
                    {certificate.notAfter.slice(0, 10)} {expiryLabel(certificate)}
                  </>
                ),
              },
              { label: 'Thumbprint', value: <code>{certificate.thumbprint}</code> },
              {
                label: 'Used by',
                value:
                  certificate.configuration === 'active'
                    ? 'Sign-ins (SSO enabled)'
                    : 'Imported, not yet enabled',
              },
            ]}
          />
        </li>
      ))}
    </ul>
  )
}

/** Control Hub > Overview: the organization, single sign-on, the users and the IdP certificate. */
export function OverviewPage(props: { chrome: ConsoleChrome; overview: OrgOverview }) {
  const { overview } = props
  const { users } = overview
  return (
    <ControlHubLayout {...props.chrome} pageTitle="Overview" subtitle={overview.orgName}>
      <CardGrid>
        <Card title="Organization" id="organization">
          <Facts
            items={[
              { label: 'Organization name', value: overview.orgName },
              { label: 'Organization ID', value: <code>{overview.orgId}</code>, id: 'org-id' },
              { label: 'SP entity ID', value: <code>{overview.entityId}</code> },
            ]}
          />
        </Card>
        <Card
          title="Single Sign-On"
          id="sso"
          aside={
            <StatusDot
              id="sso-status"
              state={overview.ssoEnabled ? 'on' : 'off'}
              label={overview.ssoEnabled ? 'Enabled' : 'Disabled'}
            />
          }
        >
          <Facts
            items={[
              {
                label: 'Identity provider',
                value: overview.idpEntityId ?? overview.pendingIdp ?? 'None imported',
              },
              {
                label: 'Last Test SSO Connection',
                value: overview.lastTest
                  ? `${overview.lastTest.status}${overview.lastTest.code ? ` (${overview.lastTest.code})` : ''}`
                  : 'Not run',
              },
              {
                label: 'Sign-on URL',
                value: (
                  <a href={overview.acsUrl}>
                    <code>{overview.acsUrl}</code>
                  </a>
                ),
              },
            ]}
          />
        </Card>
        <Card title="Users" id="users" footer={<a href="/admin/users">Go to Users</a>}>
          <Facts
            items={[
              { label: 'Total', value: String(users.total), id: 'users-total' },
              { label: 'Active', value: String(users.active) },
              { label: 'Deactivated', value: String(users.inactive) },
              {
                label: 'Source',
                value: `${users.bySource.manual} manual, ${users.bySource.scim} SCIM, ${users.bySource.jit} just-in-time`,
              },
            ]}
          />
        </Card>
        <Card title="IdP certificate" id="idp-certificate">
          <Certificates certificates={overview.certificates} />
        </Card>
      </CardGrid>
    </ControlHubLayout>
  )
}
