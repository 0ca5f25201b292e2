import type { Child } from 'hono/jsx'
import type { TrustMode } from '../../../sso-setup/sso-schema'
import { type Action, ActionButton, CSRF_FIELD, PostForm } from '../actions'
import { StatusDot } from '../cards'
import { RadioGroup } from '../choices'
import { DropZone, ImportResult } from '../drop-zone'
import { FormError } from '../fields'
import { Icon } from '../icons'
import { AlertDialog, type PrimaryButton, WizardModal, WizardStep } from '../modal'
import { PollingStatus } from '../polling'
import { SSO_WIZARD_PATH, wizardStepHref } from './authentication-section'

export const WIZARD_STEPS = ['init', 'export', 'import', 'test', 'finish'] as const
export type WizardStepName = (typeof WIZARD_STEPS)[number]

const get = (href: string): Action => ({ method: 'get', href })

/** What Import IdP Metadata shows in place of the drop zone after a file was posted. */
export type ImportShown =
  | { readonly kind: 'none' }
  | { readonly kind: 'imported'; readonly fileName: string }
  | { readonly kind: 'failed'; readonly fileName: string; readonly title: string; readonly reason: string }

export interface SsoWizardProps {
  readonly step: WizardStepName
  readonly csrfToken: string
  readonly ssoEnabled: boolean
  readonly importShown: ImportShown
  /** The trust mode the import form preselects (the last import's, or the secure default). */
  readonly trustMode: TrustMode
  /** "SSO Warning" on top: replacing the setup while SSO is on, or choosing Simple while on. */
  readonly warning: 'replace' | 'disable' | null
  /** The last Test SSO Connection of the imported IdP, and the version the page polls for. */
  readonly test: { readonly version: string; readonly summary: string; readonly passed: boolean | null }
  /** Import done: Test SSO Setup is reachable. */
  readonly imported: boolean
  /** Finish: what the test step chose, and why Save was refused (if it was). */
  readonly outcome: 'enable' | 'disable' | null
  readonly finishError?: string
}

const TRUST_OPTIONS = [
  {
    value: 'ca-signed',
    label: 'Require certificate signed by a certificate authority in Metadata (more secure)',
  },
  { value: 'self-signed-allowed', label: 'Allow self-signed certificate in Metadata (less secure)' },
] as const

function InitStep(props: SsoWizardProps) {
  return (
    <WizardStep heading="Single Sign-On" align="left">
      <PostForm id="wizard-step" action={`${SSO_WIZARD_PATH}/init`} csrfToken={props.csrfToken}>
        <RadioGroup
          legend="How people sign in"
          legendHidden={true}
          name="mode"
          options={[
            {
              value: 'simple',
              label: 'Use the built-in identity service for user authentication. (Simple)',
              checked: !props.ssoEnabled,
            },
            {
              value: 'advanced',
              label: 'Integrate a 3rd-party identity provider. (Advanced)',
              description: 'People sign in at your SAML identity provider, such as Microsoft Entra ID.',
              checked: props.ssoEnabled,
            },
          ]}
        />
      </PostForm>
      <StatusDot
        state={props.ssoEnabled ? 'on' : 'off'}
        label={props.ssoEnabled ? 'Single sign-on is enabled' : 'Single sign-on is not enabled'}
      />
    </WizardStep>
  )
}

function ExportStep() {
  return (
    <WizardStep
      heading="Export Directory Metadata"
      icon="download"
      description="Download this trust file and load it into your identity provider (Entra: Basic SAML Configuration > Upload metadata file), then come back and select Next."
    >
      <div class="step-centre">
        <ActionButton
          label="Download Metadata File"
          icon="download"
          action={get(`${SSO_WIZARD_PATH}/metadata`)}
          enhance={false}
        />
      </div>
    </WizardStep>
  )
}

function ImportStep(props: SsoWizardProps) {
  const shown = props.importShown
  const again = { action: get(`${wizardStepHref('import')}&confirm=replace`) }
  if (shown.kind === 'imported')
    return (
      <div class="wizard-step">
        <ImportResult outcome="success" fileName={shown.fileName} action={{ label: 'Cancel', ...again }} />
      </div>
    )
  if (shown.kind === 'failed')
    return (
      <div class="wizard-step">
        <ImportResult
          outcome="failure"
          title={shown.title}
          fileName={shown.fileName}
          reason={shown.reason}
          action={{ label: 'Try Again', ...again }}
        />
      </div>
    )
  return (
    <div class="wizard-step">
      <DropZone
        action={`${SSO_WIZARD_PATH}/import`}
        csrfToken={props.csrfToken}
        heading="Import IdP Metadata"
        description="Get the trust file (Entra: SAML Certificates > Federation Metadata XML) from your identity provider and import it here."
      >
        <RadioGroup
          legend="Signing of Metadata (Advanced)"
          name="trustMode"
          options={TRUST_OPTIONS.map((o) => ({ ...o, checked: o.value === props.trustMode }))}
        />
      </DropZone>
    </div>
  )
}

function TestStep(props: SsoWizardProps) {
  return (
    <WizardStep
      heading="Test SSO Setup"
      icon="shield"
      description="The test signs you in at your identity provider in a new tab. Come back here when it ends."
    >
      <div class="step-centre">
        {/* A link, not a GET form: the test goes on to the IdP, and the CSP's form-action blocks a form whose answer leads to another origin. */}
        <a
          class="btn btn-secondary"
          href={`${SSO_WIZARD_PATH}/test-connection?${CSRF_FIELD}=${encodeURIComponent(props.csrfToken)}`}
          target="_blank"
          rel="noopener"
        >
          <Icon name="external" />
          Test SSO Connection
        </a>
      </div>
      <PollingStatus
        statusUrl={`${SSO_WIZARD_PATH}/test-status`}
        version={props.test.version}
        refresh={get(wizardStepHref('test'))}
      >
        <p id="test-status">{props.test.summary}</p>
      </PollingStatus>
      <PostForm id="wizard-step" action={`${SSO_WIZARD_PATH}/test`} csrfToken={props.csrfToken}>
        <RadioGroup
          legend="Test result"
          legendHidden={true}
          name="outcome"
          required={true}
          look="plain"
          options={[
            { value: 'enable', label: 'This test was successful. Enable Single Sign-On' },
            { value: 'disable', label: 'The test was unsuccessful. Disable Single Sign On.' },
          ]}
        />
      </PostForm>
    </WizardStep>
  )
}

/** What the last step says: ready to enable, staying off, or an enable that Save was refused. */
function finishWording(props: SsoWizardProps) {
  if (props.outcome !== 'enable')
    return {
      heading: 'Single sign-on stays off',
      icon: 'info',
      description:
        'Select Save to keep the built-in identity service. Fix the setup and test again before you enable single sign-on.',
    } as const
  if (props.finishError)
    return {
      heading: 'Single sign-on is not enabled yet',
      icon: 'error-circle',
      description:
        'Control Hub refused to enable single sign-on for the reason below. Select Back to run the test again, or fix the setup first.',
    } as const
  return {
    heading: 'Single sign-on is ready',
    icon: 'check-circle',
    description: 'Select Save to turn on single sign-on for all users of this organization.',
  } as const
}

function FinishStep(props: SsoWizardProps) {
  const wording = finishWording(props)
  return (
    <WizardStep heading={wording.heading} icon={wording.icon} description={wording.description}>
      {props.finishError ? <FormError>{props.finishError}</FormError> : null}
      <PostForm id="wizard-step" action={`${SSO_WIZARD_PATH}/finish`} csrfToken={props.csrfToken}>
        <input type="hidden" name="outcome" value={props.outcome ?? 'disable'} />
      </PostForm>
    </WizardStep>
  )
}

function StepBody(props: SsoWizardProps): Child {
  if (props.step === 'init') return <InitStep {...props} />
  if (props.step === 'export') return <ExportStep />
  if (props.step === 'import') return <ImportStep {...props} />
  if (props.step === 'test') return <TestStep {...props} />
  return <FinishStep {...props} />
}

function primaryFor(props: SsoWizardProps): PrimaryButton {
  const submit: Action = { method: 'submit', form: 'wizard-step' }
  if (props.step === 'finish') return { label: 'Save', action: submit }
  if (props.step === 'test') return { label: 'Next', action: submit, enableWhenValid: true }
  if (props.step === 'export') return { label: 'Next', action: get(wizardStepHref('import')) }
  if (props.step === 'import')
    return {
      label: 'Next',
      action: get(wizardStepHref('test')),
      disabled: props.importShown.kind !== 'imported' && !props.imported,
    }
  return { label: 'Next', action: submit }
}

function Warning(props: SsoWizardProps) {
  if (props.warning === 'replace')
    return (
      <AlertDialog
        title="SSO Warning"
        message="Single sign-on is on. Importing a new metadata file replaces the current setup when you enable it again, and cannot be undone. Test the new file before you enable it."
        cancel={{ action: get(wizardStepHref('export')) }}
        confirm={{ action: get(`${wizardStepHref('import')}&confirm=replace`) }}
      />
    )
  if (props.warning === 'disable')
    return (
      <AlertDialog
        title="SSO Warning"
        message="Choosing the built-in identity service turns single sign-on off: people sign in without your identity provider until you enable it again."
        cancel={{ action: get(wizardStepHref('init')) }}
        confirm={{
          action: { method: 'post', href: `${SSO_WIZARD_PATH}/disable`, csrfToken: props.csrfToken },
        }}
      />
    )
  return null
}

/** The "Enterprise Settings" wizard at its step, with the SSO Warning on top when one is due. */
export function SsoWizard(props: SsoWizardProps) {
  const index = WIZARD_STEPS.indexOf(props.step)
  const previous = index > 0 ? WIZARD_STEPS[index - 1] : undefined
  return (
    <>
      <WizardModal
        title="Enterprise Settings"
        closeHref="/admin/settings"
        returnFocusId="sso-modify"
        progress={{ current: index + 1, total: WIZARD_STEPS.length }}
        back={previous ? { action: get(wizardStepHref(previous)) } : null}
        primary={primaryFor(props)}
        covered={props.warning !== null}
      >
        <StepBody {...props} />
      </WizardModal>
      <Warning {...props} />
    </>
  )
}
