import type { ExpiringCertificate } from '../../../sso-setup/certificate-expiry'
import { type Action, ActionButton } from '../actions'
import { SettingsRow, SettingsSection, StatusDot } from '../cards'

/** Where the Enterprise Settings wizard lives; `?step=` names the step. */
export const SSO_WIZARD_PATH = '/admin/settings/authentication/sso'

export const wizardStepHref = (step: string): string => `${SSO_WIZARD_PATH}?step=${step}`

const get = (href: string): Action => ({ method: 'get', href })

function dayCount(days: number): string {
  if (days <= 0) return 'has expired'
  return `may expire in ${days} ${days === 1 ? 'day' : 'days'}`
}

/**
 * "Update SSO Certificate": an IdP signing certificate ends within 60 days. Webex then refuses
 * every sign-in, so the admin imports the IdP's new metadata before that day.
 */
function CertificateWarning(props: { certificates: readonly ExpiringCertificate[] }) {
  return (
    <section class="card tone-error cert-warning" aria-labelledby="cert-warning-title" id="cert-warning">
      <div class="card-head">
        <h3 id="cert-warning-title">Update SSO Certificate</h3>
      </div>
      <div class="card-body">
        {props.certificates.map((c) => (
          <p>
            SSO certificate {dayCount(c.daysLeft)} ({c.subject}, thumbprint <code>{c.thumbprint}</code>, ends{' '}
            {c.notAfter}). Add a new certificate in Entra (SAML Certificates), download the Federation
            Metadata XML again and import it here with Modify.
          </p>
        ))}
        <ActionButton label="Import new metadata" action={get(wizardStepHref('import'))} />
      </div>
    </section>
  )
}

/** Organization Settings > Authentication: "Single Sign-On", its status dot and Modify. */
export function AuthenticationSection(props: {
  ssoEnabled: boolean
  idpEntityId: string | null
  expiring: readonly ExpiringCertificate[]
}) {
  return (
    <SettingsSection id="authentication" title="Authentication">
      <SettingsRow
        label="Single Sign-On"
        description={
          props.idpEntityId
            ? `Identity provider: ${props.idpEntityId}`
            : 'Let people sign in with your identity provider (SAML 2.0) instead of Webex passwords.'
        }
        status={
          <StatusDot
            id="sso-status"
            state={props.ssoEnabled ? 'on' : 'off'}
            label={props.ssoEnabled ? 'Enabled' : 'Disabled'}
          />
        }
        action={
          <ActionButton
            id="sso-modify"
            label="Modify"
            variant="primary"
            action={get(wizardStepHref('init'))}
          />
        }
      />
      {props.expiring.length > 0 ? <CertificateWarning certificates={props.expiring} /> : null}
    </SettingsSection>
  )
}
