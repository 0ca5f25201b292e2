import type { ProvisioningPage } from '../../../../provisioning/job-views'
import { Checkbox, RadioGroup } from '../../choice-fields'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { PasswordField } from '../../password-field'
import { SelectField } from '../../select-field'
import { TextField } from '../../text-field'
import { AppBlade, type AppRef } from './app-blade'
import { ProvisioningOverview } from './provisioning-overview'

/** What the configuration form shows: the saved values, or the posted ones after an error or a test. */
export interface ProvisioningForm {
  readonly mode: 'Manual' | 'Automatic'
  readonly tenantUrl: string
  /** Only the value typed on this request (a saved token is never sent back to the browser). */
  readonly secretToken: string
  readonly hasSavedToken: boolean
  readonly notificationEmail: string
  readonly sendEmailOnFailure: boolean
  readonly scope: 'assigned' | 'all'
  readonly provisioningStatus: 'On' | 'Off'
}

/** The last Test Connection's or Save's outcome, shown above the form. */
export interface ProvisioningBanner {
  readonly tone: 'success' | 'error'
  readonly message: string
  /** The failure's code (the CLI's and the API's word for it, e.g. CredentialsRejected). */
  readonly code?: string
}

/** The app's Provisioning page: Get started, the configuration, or the overview of the job. */
export function ProvisioningPageView(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly page: ProvisioningPage
  readonly view: 'get-started' | 'edit' | 'overview'
  readonly form: ProvisioningForm
  readonly csrf: readonly HiddenField[]
  readonly banner?: ProvisioningBanner | undefined
  readonly fieldErrors?: Readonly<Record<string, string>>
}) {
  const { app, page } = props
  return (
    <ConsoleLayout title={`${app.displayName} | Provisioning`} {...props.frame}>
      <AppBlade
        app={app}
        page="Provisioning"
        icon="provisioning"
        currentHref={app.hrefs.provisioning}
        commands={props.view === 'edit' ? <EditCommands app={app} /> : undefined}
      >
        {props.banner ? (
          <InfoBanner tone={props.banner.tone}>
            {props.banner.message}
            {props.banner.code ? ` Error code: ${props.banner.code}` : null}
          </InfoBanner>
        ) : null}
        {page.connector === null ? (
          <p>This application does not support automatic provisioning with Microsoft Entra ID.</p>
        ) : props.view === 'get-started' ? (
          <GetStarted app={app} target={page.connector.targetSystem} />
        ) : props.view === 'edit' ? (
          <ConfigurationForm
            {...props}
            example={page.connector.tenantUrlExample}
            hasJob={page.job !== null}
          />
        ) : page.job ? (
          <ProvisioningOverview app={app} job={page.job} csrf={props.csrf} />
        ) : null}
      </AppBlade>
    </ConsoleLayout>
  )
}

function EditCommands(props: { readonly app: AppRef }) {
  return (
    <CommandBar
      commands={[
        { kind: 'button', label: 'Save', icon: 'save', form: 'provisioning-form' },
        { kind: 'link', label: 'Discard', icon: 'close', href: props.app.hrefs.provisioning },
      ]}
    />
  )
}

function GetStarted(props: { readonly app: AppRef; readonly target: string }) {
  return (
    <section aria-labelledby="get-started-heading" class="card">
      <h2 id="get-started-heading">Automate identity lifecycle management with Microsoft Entra ID</h2>
      <p>
        Automatically create, update and disable users and groups in {props.target} as they are assigned to
        this application, their attributes change, or they leave the organization.
      </p>
      <a class="button button-primary" href={props.app.hrefs.editProvisioning}>
        Get started
      </a>
    </section>
  )
}

function ConfigurationForm(props: {
  readonly app: AppRef
  readonly form: ProvisioningForm
  readonly csrf: readonly HiddenField[]
  readonly example: string
  readonly hasJob: boolean
  readonly fieldErrors?: Readonly<Record<string, string>>
}) {
  const { app, form } = props
  const errors = props.fieldErrors ?? {}
  return (
    <form id="provisioning-form" method="post" action={app.hrefs.provisioning}>
      <HiddenFields fields={props.csrf} />
      <SelectField
        id="prov-mode"
        name="mode"
        label="Provisioning Mode"
        options={[
          { value: 'Manual', label: 'Manual' },
          { value: 'Automatic', label: 'Automatic' },
        ]}
        selected={form.mode}
        help="Automatic: Microsoft Entra ID creates, updates and disables users in the application."
      />
      <fieldset class="card">
        <legend>Admin Credentials</legend>
        <TextField
          id="prov-tenant-url"
          name="tenantUrl"
          label="Tenant URL"
          type="url"
          required
          value={form.tenantUrl}
          maxLength={2048}
          placeholder={props.example}
          help={`The SCIM endpoint of the application, for example ${props.example}`}
          {...(errors.tenantUrl ? { error: errors.tenantUrl } : {})}
        />
        <PasswordField
          id="prov-secret-token"
          name="secretToken"
          label="Secret Token"
          value={form.secretToken}
          autocomplete="off"
          help={
            form.hasSavedToken
              ? 'A token is saved. Leave empty to keep it.'
              : 'The bearer token the application issued.'
          }
          {...(errors.secretToken ? { error: errors.secretToken } : {})}
        />
        <button type="submit" class="button" formaction={app.hrefs.testConnection}>
          Test Connection
        </button>
      </fieldset>
      {props.hasJob ? (
        <fieldset class="card">
          <legend>Mappings</legend>
          <p>
            Which attributes flow from Microsoft Entra ID to the application, and how objects are matched.
          </p>
          <ul>
            <li>
              <a href={app.hrefs.attributeMapping('users')}>Provision Microsoft Entra ID Users</a>
            </li>
            <li>
              <a href={app.hrefs.attributeMapping('groups')}>Provision Microsoft Entra ID Groups</a>
            </li>
          </ul>
        </fieldset>
      ) : null}
      <fieldset class="card">
        <legend>Settings</legend>
        <TextField
          id="prov-email"
          name="notificationEmail"
          label="Notification Email"
          type="email"
          value={form.notificationEmail}
          maxLength={254}
          {...(errors.notificationEmail ? { error: errors.notificationEmail } : {})}
        />
        <Checkbox
          id="prov-email-on-failure"
          name="sendEmailOnFailure"
          value="true"
          label="Send an email notification when a failure occurs"
          checked={form.sendEmailOnFailure}
        />
        <SelectField
          id="prov-scope"
          name="scope"
          label="Scope"
          options={[
            { value: 'assigned', label: 'Sync only assigned users and groups' },
            { value: 'all', label: 'Sync all users and groups' },
          ]}
          selected={form.scope}
        />
      </fieldset>
      <RadioGroup
        id="prov-status"
        name="provisioningStatus"
        legend="Provisioning Status"
        horizontal
        options={[
          { value: 'On', label: 'On' },
          { value: 'Off', label: 'Off' },
        ]}
        selected={form.provisioningStatus}
      />
    </form>
  )
}
