import { type Action, ActionButton } from '../../packages/sp/src/views/console/actions'
import { SettingsRow, SettingsSection, StatusDot } from '../../packages/sp/src/views/console/cards'
import { RadioGroup } from '../../packages/sp/src/views/console/choices'
import { ControlHubLayout, controlHubNav } from '../../packages/sp/src/views/console/control-hub-layout'
import { DropZone, ImportResult } from '../../packages/sp/src/views/console/drop-zone'
import { AlertDialog, WizardModal, WizardStep } from '../../packages/sp/src/views/console/modal'
import { PollingStatus } from '../../packages/sp/src/views/console/polling'
import type { ToastProps } from '../../packages/sp/src/views/console/toasts'

/**
 * Representative Control Hub pages built from the console components with made-up data, for the
 * look test: the components as the routes will use them, without any state behind them.
 */
export const SPECIMEN_TOKEN = 'specimen-csrf-token'
export const WIZARD_PATH = '/admin/settings/authentication/sso'
export const SPECIMEN_ORG = 'Contoso Rehearsal Org'
export const SPECIMEN_NAV = controlHubNav(['overview', 'users', 'settings', 'troubleshooting'])
export const SPECIMEN_ACCOUNT = {
  displayName: 'Admin Contoso',
  email: 'admin@contoso-rehearsal.example',
  signOut: { action: '/admin/sign-out', csrfToken: SPECIMEN_TOKEN },
}

export type WizardStepName = 'init' | 'export' | 'import' | 'test' | 'finish'
export const STEPS: readonly WizardStepName[] = ['init', 'export', 'import', 'test', 'finish']
const stepHref = (step: WizardStepName): string => `${WIZARD_PATH}?step=${step}`
const get = (href: string): Action => ({ method: 'get', href })

function SettingsContent(props: { ssoEnabled: boolean }) {
  return (
    <>
      <SettingsSection id="authentication" title="Authentication">
        <SettingsRow
          label="Single Sign-On"
          description="Let people sign in with your identity provider (SAML 2.0) instead of Webex passwords."
          status={
            <StatusDot
              id="sso-status"
              state={props.ssoEnabled ? 'on' : 'off'}
              label={props.ssoEnabled ? 'Enabled' : 'Disabled'}
            />
          }
          action={
            <ActionButton id="sso-modify" label="Modify" variant="primary" action={get(stepHref('init'))} />
          }
        />
      </SettingsSection>
      <SettingsSection id="provisioning" title="Provisioning">
        <SettingsRow
          label="SCIM"
          description="Identity providers create and update Webex users through SCIM 2.0."
          status={<StatusDot state="off" label="No tokens" />}
        />
      </SettingsSection>
    </>
  )
}

export interface ImportState {
  readonly result: 'none' | 'ok' | 'failed'
}

function StepBody(props: { step: WizardStepName; importState: ImportState; pollVersion: number }) {
  switch (props.step) {
    case 'init':
      return (
        <WizardStep heading="Single Sign-On" align="left">
          <form id="wizard-step" method="get" action={WIZARD_PATH} data-enhance="">
            <input type="hidden" name="step" value="export" />
            <RadioGroup
              legend="How people sign in"
              legendHidden={true}
              name="mode"
              options={[
                {
                  value: 'simple',
                  label: 'Use the built-in identity service for user authentication. (Simple)',
                },
                {
                  value: 'advanced',
                  label: 'Integrate a 3rd-party identity provider. (Advanced)',
                  description: 'People sign in at your SAML identity provider, such as Microsoft Entra ID.',
                  checked: true,
                },
              ]}
            />
          </form>
          <StatusDot state="off" label="Single sign-on is not enabled" />
        </WizardStep>
      )
    case 'export':
      return (
        <WizardStep
          heading="Export Directory Metadata"
          icon="download"
          description="Download this trust file and load it into your identity provider, then come back and select Next."
        >
          <div class="step-centre">
            <ActionButton
              label="Download Metadata File"
              icon="download"
              action={get(`${WIZARD_PATH}/metadata`)}
              enhance={false}
            />
          </div>
        </WizardStep>
      )
    case 'import':
      return <ImportStep state={props.importState} />
    case 'test':
      return (
        <WizardStep
          heading="Test SSO Setup"
          icon="shield"
          description="The test signs you in at your identity provider in a new tab. Come back here when it ends."
        >
          <div class="step-centre">
            <ActionButton
              label="Test SSO Connection"
              icon="external"
              variant="secondary"
              action={get('/admin/sso/test/specimen')}
              newTab={true}
            />
          </div>
          <PollingStatus
            statusUrl="/specimen/test-status"
            version={String(props.pollVersion)}
            intervalMs={200}
            refresh={get(stepHref('test'))}
          >
            <p id="test-status">
              {props.pollVersion > 0
                ? 'Last test: Single Sign-on succeeded.'
                : 'Waiting for the test result from the other tab.'}
            </p>
          </PollingStatus>
          <form id="wizard-step" method="get" action={WIZARD_PATH} data-enhance="">
            <input type="hidden" name="step" value="finish" />
            <RadioGroup
              legend="Test result"
              legendHidden={true}
              name="outcome"
              required={true}
              look="plain"
              options={[
                { value: 'passed', label: 'This test was successful. Enable Single Sign-On' },
                { value: 'failed', label: 'The test was unsuccessful. Disable Single Sign-On' },
              ]}
            />
          </form>
        </WizardStep>
      )
    case 'finish':
      return (
        <WizardStep
          heading="Single sign-on is ready"
          icon="check-circle"
          description="Select Save to turn on single sign-on for all users of this organization."
        />
      )
  }
}

function ImportStep(props: { state: ImportState }) {
  const upload =
    props.state.result === 'ok' ? (
      <ImportResult
        outcome="success"
        fileName="Cisco Webex.xml"
        action={{ action: get(stepHref('import')) }}
      />
    ) : props.state.result === 'failed' ? (
      <ImportResult
        outcome="failure"
        fileName="Cisco Webex.xml"
        reason="The signing certificate CN=Microsoft Azure Federated SSO Certificate is self-signed, and Require certificate signed by a certificate authority in Metadata (more secure) is selected. Choose Allow self-signed certificate in Metadata (less secure), or import metadata whose certificate a trusted CA signed."
        action={{ action: get(stepHref('import')) }}
      />
    ) : (
      <DropZone
        action={`${WIZARD_PATH}/import`}
        csrfToken={SPECIMEN_TOKEN}
        heading="Import IdP Metadata"
        description="Get the trust file (federation metadata XML) from your identity provider and import it here."
      />
    )
  return (
    <div class="wizard-step">
      {upload}
      <form id="wizard-step" method="get" action={WIZARD_PATH} data-enhance="">
        <input type="hidden" name="step" value="test" />
        <RadioGroup
          legend="Signing of Metadata (Advanced)"
          name="trust"
          options={[
            {
              value: 'ca-signed',
              label: 'Require certificate signed by a certificate authority in Metadata (more secure)',
              checked: true,
            },
            {
              value: 'self-signed-allowed',
              label: 'Allow self-signed certificate in Metadata (less secure)',
            },
          ]}
        />
      </form>
    </div>
  )
}

function primaryFor(step: WizardStepName): { label: string; action: Action; enableWhenValid?: boolean } {
  if (step === 'finish') return { label: 'Save', action: get('/admin/settings') }
  if (step === 'test')
    return { label: 'Next', action: { method: 'submit', form: 'wizard-step' }, enableWhenValid: true }
  if (step === 'export') return { label: 'Next', action: get(stepHref('import')) }
  return { label: 'Next', action: { method: 'submit', form: 'wizard-step' } }
}

/** Organization Settings, with the Enterprise Settings wizard open at `step` (or closed). */
export function SettingsSpecimen(props: {
  step: WizardStepName | null
  importState?: ImportState
  pollVersion?: number
  toasts?: readonly ToastProps[]
  warning?: boolean
}) {
  const step = props.step
  const index = step ? STEPS.indexOf(step) : -1
  const wizard = step ? (
    <WizardModal
      title="Enterprise Settings"
      closeHref="/admin/settings"
      returnFocusId="sso-modify"
      progress={{ current: index + 1, total: STEPS.length }}
      back={index > 0 ? { action: get(stepHref(STEPS[index - 1] as WizardStepName)) } : null}
      primary={primaryFor(step)}
      covered={props.warning}
    >
      <StepBody
        step={step}
        importState={props.importState ?? { result: 'none' }}
        pollVersion={props.pollVersion ?? 0}
      />
    </WizardModal>
  ) : undefined
  const warning = props.warning ? (
    <AlertDialog
      title="SSO Warning"
      message="Importing a new metadata file replaces the current single sign-on setup. This cannot be undone."
      cancel={{ action: get(stepHref('import')) }}
      confirm={{ action: { method: 'post', href: `${WIZARD_PATH}/replace`, csrfToken: SPECIMEN_TOKEN } }}
    />
  ) : null
  return (
    <ControlHubLayout
      pageTitle="Organization Settings"
      orgName={SPECIMEN_ORG}
      nav={SPECIMEN_NAV}
      current="settings"
      account={SPECIMEN_ACCOUNT}
      toasts={props.toasts}
      modal={
        wizard ? (
          <>
            {wizard}
            {warning}
          </>
        ) : undefined
      }
    >
      <SettingsContent ssoEnabled={false} />
    </ControlHubLayout>
  )
}
