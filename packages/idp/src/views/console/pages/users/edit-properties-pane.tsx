import { Checkbox } from '../../choice-fields'
import type { HiddenField } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { Pane } from '../../pane'
import { TextField } from '../../text-field'
import { UpnField } from '../../upn-field'
import { userHref, userPropertiesHref } from './user-links'

/** The Edit properties form as shown: the saved properties, or the posted ones after an error. */
export interface UserPropertiesValues {
  /** The User principal name before the "@", and its domain. */
  readonly upnLocal: string
  readonly upnDomain: string
  readonly displayName: string
  readonly givenName: string
  readonly surname: string
  readonly mail: string
  readonly accountEnabled: boolean
}

/** The message under each field, and one line for what belongs to no field (the last administrator). */
export type UserPropertiesErrors = Readonly<
  Partial<Record<'upnLocal' | 'displayName' | 'givenName' | 'surname' | 'mail' | 'form', string>>
>

/**
 * The user's Properties in edit mode ("Edit properties"): the Identity, Contact information
 * and Settings sections Entra shows, limited to what the directory keeps, and Save. Renaming
 * the User principal name changes what the app's claims send (uid in the Cisco Webex tutorial).
 */
export function EditPropertiesPane(props: {
  readonly userId: string
  readonly userPrincipalName: string
  readonly values: UserPropertiesValues
  readonly errors: UserPropertiesErrors
  /** The tenant's verified domains, for the User principal name's domain picker. */
  readonly domains: readonly string[]
  readonly csrf: readonly HiddenField[]
}) {
  const { values, errors } = props
  const here = userPropertiesHref(props.userId)
  return (
    <Pane
      id="edit-properties"
      title="Edit properties"
      subtitle={props.userPrincipalName}
      closeHref={here}
      form={{ action: `${userHref(props.userId)}/properties`, fields: props.csrf }}
      footer={
        <>
          <button type="submit" class="button button-primary">
            Save
          </button>
          <a class="button" href={here} data-overlay-close>
            Cancel
          </a>
        </>
      }
    >
      {errors.form ? (
        <div role="alert">
          <InfoBanner tone="error">{errors.form}</InfoBanner>
        </div>
      ) : null}
      <h3>Identity</h3>
      <UpnField
        id="edit-upn"
        name="upnLocal"
        label="User principal name"
        required
        value={values.upnLocal}
        domainName="upnDomain"
        domains={props.domains}
        selectedDomain={values.upnDomain}
        error={errors.upnLocal}
      />
      <TextField
        id="edit-display-name"
        name="displayName"
        label="Display name"
        required
        value={values.displayName}
        error={errors.displayName}
      />
      <TextField
        id="edit-given-name"
        name="givenName"
        label="First name"
        value={values.givenName}
        error={errors.givenName}
      />
      <TextField
        id="edit-surname"
        name="surname"
        label="Last name"
        value={values.surname}
        error={errors.surname}
      />
      <h3>Contact information</h3>
      <TextField
        id="edit-mail"
        name="mail"
        label="Email"
        type="email"
        value={values.mail}
        error={errors.mail}
      />
      <h3>Settings</h3>
      <Checkbox
        id="edit-account-enabled"
        name="accountEnabled"
        label="Account enabled"
        checked={values.accountEnabled}
        description="Clear it to block the user from signing in."
      />
    </Pane>
  )
}
