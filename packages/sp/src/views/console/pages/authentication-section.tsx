import { type Action, ActionButton } from '../actions'
import { SettingsRow, SettingsSection, StatusDot } from '../cards'
import { type CertificateUpdate, CertificateUpdateCard } from './certificate-update-card'

/** Where the Enterprise Settings wizard lives; `?step=` names the step. */
export const SSO_WIZARD_PATH = '/admin/settings/authentication/sso'

export const wizardStepHref = (step: string): string => `${SSO_WIZARD_PATH}?step=${step}`

const get = (href: string): Action => ({ method: 'get', href })

/** Organization Settings > Authentication: "Single Sign-On", its status dot and Modify. */
export function AuthenticationSection(props: {
  ssoEnabled: boolean
  idpEntityId: string | null
  /** The "Update SSO Certificate" card, when a certificate ends soon or new metadata waits for the switch. */
  certificateUpdate: CertificateUpdate | null
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
      {props.certificateUpdate ? <CertificateUpdateCard {...props.certificateUpdate} /> : null}
    </SettingsSection>
  )
}
