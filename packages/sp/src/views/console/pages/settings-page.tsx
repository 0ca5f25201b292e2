import type { Child } from 'hono/jsx'
import { ActionButton, PostForm } from '../actions'
import { Facts, SettingsRow, SettingsSection } from '../cards'
import { ControlHubLayout } from '../control-hub-layout'
import { TextField } from '../fields'
import type { ConsoleChrome } from './page-chrome'

export interface OrganizationSettings {
  readonly id: string
  readonly name: string
  /** What was typed when the rename was refused, and why. */
  readonly draftName?: string
  readonly nameError?: string
}

/**
 * Control Hub > Organization Settings: one `SettingsSection` per area, the organization first.
 * Other areas (SCIM, Authentication) come in as `sections`, each a `SettingsSection`.
 */
export function SettingsPage(props: {
  chrome: ConsoleChrome
  organization: OrganizationSettings
  sections?: Child
  /** A dialog over the page (the Enterprise Settings wizard). */
  modal?: Child
}) {
  const { organization } = props
  const csrfToken = props.chrome.account.signOut.csrfToken
  return (
    <ControlHubLayout {...props.chrome} pageTitle="Organization Settings" modal={props.modal}>
      <SettingsSection id="organization" title="Organization">
        <SettingsRow
          label="Organization name"
          description="Shown at the top of every Control Hub page and on the Webex sign-in pages."
        >
          <PostForm id="org-name" action="/admin/settings/organization" csrfToken={csrfToken}>
            <TextField
              label="Organization name"
              name="name"
              value={organization.draftName ?? organization.name}
              required={true}
              maxLength={80}
              {...(organization.nameError ? { error: organization.nameError } : {})}
            />
          </PostForm>
          <ActionButton label="Save" variant="primary" action={{ method: 'submit', form: 'org-name' }} />
        </SettingsRow>
        <SettingsRow label="Organization ID">
          <Facts items={[{ label: 'Organization ID', value: <code>{organization.id}</code> }]} />
        </SettingsRow>
      </SettingsSection>
      {props.sections ?? null}
    </ControlHubLayout>
  )
}
