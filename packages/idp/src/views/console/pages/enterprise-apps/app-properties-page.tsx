import { Checkbox } from '../../choice-fields'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import type { HiddenField } from '../../hidden-fields'
import { HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { TextField } from '../../text-field'
import { AppBlade, type AppRef } from './app-blade'

/** What the Properties form shows (the saved values, or the posted ones after an error). */
export interface AppPropertiesForm {
  readonly accountEnabled: boolean
  readonly appRoleAssignmentRequired: boolean
  readonly visibleToUsers: boolean
  readonly displayName: string
  readonly notes: string
}

/** The app's Properties: Enabled for users to sign in?, Assignment required?, Visible to users?, Name, Notes; Save. */
export function AppPropertiesPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly form: AppPropertiesForm
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
}) {
  const { app, form } = props
  return (
    <ConsoleLayout title={`${app.displayName} | Properties`} {...props.frame}>
      <AppBlade
        app={app}
        page="Properties"
        icon="properties"
        currentHref={app.hrefs.properties}
        commands={
          <CommandBar commands={[{ kind: 'button', label: 'Save', icon: 'save', form: 'properties-form' }]} />
        }
      >
        <p>View and manage application settings for your organization.</p>
        {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
        <form id="properties-form" method="post" action={app.hrefs.properties}>
          <HiddenFields fields={props.csrf} />
          <Checkbox
            id="prop-enabled"
            name="accountEnabled"
            label="Enabled for users to sign in?"
            checked={form.accountEnabled}
            description="If this option is set to no, then no users will be able to sign in to this app, even if they are assigned to it."
          />
          <TextField
            id="prop-name"
            name="displayName"
            label="Name"
            required
            value={form.displayName}
            maxLength={256}
          />
          <Checkbox
            id="prop-assignment"
            name="appRoleAssignmentRequired"
            label="Assignment required?"
            checked={form.appRoleAssignmentRequired}
            description="If this option is set to yes, then users must first be assigned to this app before being able to access it."
          />
          <Checkbox
            id="prop-visible"
            name="visibleToUsers"
            label="Visible to users?"
            checked={form.visibleToUsers}
            description="If this option is set to yes, then assigned users will see the application on My Apps."
          />
          <TextField id="prop-notes" name="notes" label="Notes" value={form.notes} maxLength={1024} />
          <button type="submit" class="button button-primary">
            Save
          </button>
        </form>
      </AppBlade>
    </ConsoleLayout>
  )
}
