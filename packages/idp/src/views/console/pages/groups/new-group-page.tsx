import type { ListedUser } from '../../../../directory/directory-lists'
import { Blade } from '../../blade'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { SelectField } from '../../select-field'
import { TextField } from '../../text-field'
import { GROUPS_HREF, NEW_GROUP_HREF } from './group-links'

/** Each member check box is its own field, `member:<object id>`, so a form reader needs no lists. */
export const MEMBER_FIELD = 'member:'

/** The New group form as typed. */
export interface NewGroupValues {
  readonly displayName: string
  readonly description: string
  readonly memberIds: readonly string[]
}

/**
 * Groups > New group: Group type (Security), Group name, Group description, Members (the
 * tenant's users as check boxes; the sandbox's tenants are small enough to list the first 200).
 */
export function NewGroupPage(props: {
  readonly frame: ConsoleFrame
  readonly csrf: readonly HiddenField[]
  readonly values: NewGroupValues
  readonly errors: { readonly displayName?: string; readonly form?: string }
  readonly candidates: readonly ListedUser[]
}) {
  const { values } = props
  return (
    <ConsoleLayout title="New Group" {...props.frame}>
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/' },
          { label: 'Groups', href: GROUPS_HREF },
          { label: 'New Group' },
        ]}
        object="New Group"
        icon="group"
        closeHref={GROUPS_HREF}
      >
        <form class="form" method="post" action={NEW_GROUP_HREF} novalidate>
          <HiddenFields fields={props.csrf} />
          {props.errors.form ? <p class="field-error">{props.errors.form}</p> : null}
          <SelectField
            id="group-type"
            name="groupType"
            label="Group type"
            required
            selected="Security"
            options={[{ value: 'Security', label: 'Security' }]}
          />
          <TextField
            id="group-name"
            name="displayName"
            label="Group name"
            required
            value={values.displayName}
            error={props.errors.displayName}
          />
          <TextField
            id="group-description"
            name="description"
            label="Group description"
            value={values.description}
          />
          <fieldset class="member-picker">
            <legend>Members</legend>
            {props.candidates.map((user) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`member-${user.id}`}
                  name={`${MEMBER_FIELD}${user.id}`}
                  value="true"
                  checked={values.memberIds.includes(user.id)}
                />
                <label for={`member-${user.id}`} class="choice-text">
                  {user.displayName} ({user.userPrincipalName})
                </label>
              </div>
            ))}
          </fieldset>
          <div class="form-footer">
            <button type="submit" class="button button-primary">
              Create
            </button>
          </div>
        </form>
      </Blade>
    </ConsoleLayout>
  )
}
