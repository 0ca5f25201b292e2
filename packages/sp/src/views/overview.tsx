import type { SsoOverview } from '../sso-setup/sso-status'
import { Card, Facts, StatusDot } from './console/cards'
import { ControlHubLayout, controlHubNav } from './console/control-hub-layout'

/** What the organization overview shows: the SSO setup service's overview, as it is. */
type OverviewProps = SsoOverview

function trustModeText(mode: string | null): string {
  if (mode === 'ca-signed')
    return 'Require certificate signed by a certificate authority in Metadata (more secure)'
  if (mode === 'self-signed-allowed') return 'Allow self-signed certificate in Metadata (less secure)'
  return '-'
}

function nextStep(props: OverviewProps): string {
  if (props.ssoEnabled) return 'Single sign-on is on: people sign in at the Sign-on URL below.'
  if (!props.pendingIdp)
    return 'Download the SP metadata, upload it to Entra, then import the Entra metadata here.'
  return props.lastTest?.status === 'passed'
    ? 'The test passed: enable single sign-on (POST /api/v1/sso/enable).'
    : 'Run Test SSO Connection (POST /api/v1/sso/test), then enable.'
}

/** Control Hub > Overview: the organization, its SSO state and the wizard's next step. */
export function OverviewPage(props: OverviewProps) {
  const lastTest = props.lastTest
    ? `${props.lastTest.status}${props.lastTest.code ? ` (${props.lastTest.code})` : ''}: ${props.lastTest.message}`
    : 'Not run'
  return (
    <ControlHubLayout
      pageTitle="Overview"
      subtitle={props.orgName}
      orgName={props.orgName}
      nav={controlHubNav(['overview'])}
      current="overview"
    >
      <Card
        title="Single Sign-On"
        id="sso"
        aside={
          <StatusDot
            id="sso-status"
            state={props.ssoEnabled ? 'on' : 'off'}
            label={props.ssoEnabled ? 'Enabled' : 'Disabled'}
          />
        }
      >
        <Facts
          items={[
            { label: 'Identity provider', value: props.idpEntityId ?? props.pendingIdp ?? 'None imported' },
            { label: 'Certificate trust', value: trustModeText(props.trustMode) },
            { label: 'Last Test SSO Connection', value: lastTest },
            { label: 'Next step', value: nextStep(props) },
          ]}
        />
      </Card>
      <Card title="Organization" id="organization">
        <Facts
          items={[
            { label: 'Organization ID', value: <code>{props.orgId}</code> },
            {
              label: 'SP entity ID',
              value: <code>{props.entityId}</code>,
            },
            {
              label: 'Sign-on URL (ACS)',
              value: (
                <a href={props.acsUrl}>
                  <code>{props.acsUrl}</code>
                </a>
              ),
            },
            { label: 'Users', value: String(props.userCount) },
          ]}
        />
      </Card>
    </ControlHubLayout>
  )
}
