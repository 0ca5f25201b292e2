import { ActionButton, PostForm } from '../actions'
import { Facts } from '../cards'
import { CheckboxGroup, RadioGroup } from '../choices'
import { type EntryToken, FormError, NameEmailEntry } from '../fields'
import { WizardModal } from '../modal'

/** The "Unable to proceed" message of E6, for a duplicate or invalid address anywhere in the list. */
export const UNABLE_TO_PROCEED = 'Unable to proceed. There are duplicate or invalid email addresses.'

const BACK_TO_USERS = { method: 'get', href: '/admin/users' } as const

/** Manage Users: the ways to add people (only the manual one is built). */
export function ManageUsersDialog() {
  return (
    <WizardModal
      title="Manage Users"
      closeHref="/admin/users"
      returnFocusId="manage-users"
      back={{ label: 'Cancel', action: BACK_TO_USERS }}
    >
      <p>Add or change the people of this organization.</p>
      <ActionButton
        label="Manually Add or Modify Users"
        variant="secondary"
        block={true}
        icon="users"
        action={{ method: 'get', href: '/admin/users/manage/manual' }}
      />
    </WizardModal>
  )
}

export interface ManualAddProps {
  readonly csrfToken: string
  readonly by: 'email' | 'names'
  readonly entries: readonly EntryToken[]
  readonly draft?: Partial<EntryToken>
  /** The comma-separated addresses of "Email address". */
  readonly emails?: string
  readonly entryError?: string
  readonly formError?: boolean
}

/** Manually Add or Modify Users: "Email address" (a list) or "Names and Email address" (+ adds a person). */
export function ManualAddDialog(props: ManualAddProps) {
  return (
    <WizardModal
      title="Manually Add or Modify Users"
      closeHref="/admin/users"
      returnFocusId="manage-users"
      back={{ action: { method: 'get', href: '/admin/users/manage' } }}
      primary={{
        label: 'Next',
        action: { method: 'submit', form: 'manual-add', name: 'intent', value: 'next' },
      }}
    >
      <div class="manual-add">
        <PostForm id="manual-add" action="/admin/users/manage/manual" csrfToken={props.csrfToken}>
          <RadioGroup
            legend="Add users by"
            name="by"
            look="plain"
            options={[
              { value: 'email', label: 'Email address', checked: props.by === 'email' },
              { value: 'names', label: 'Names and Email address', checked: props.by === 'names' },
            ]}
          />
        </PostForm>
        {props.formError ? <FormError>{UNABLE_TO_PROCEED}</FormError> : null}
        <div class="by-email field">
          <label for="emails">Email addresses</label>
          <span class="hint" id="emails-hint">
            Enter email addresses separated by commas.
          </span>
          <textarea
            class="input"
            id="emails"
            name="emails"
            form="manual-add"
            rows={3}
            maxlength={10000}
            aria-describedby="emails-hint"
          >
            {props.emails ?? ''}
          </textarea>
        </div>
        <div class="by-names">
          <NameEmailEntry
            form="manual-add"
            entries={props.entries}
            {...(props.draft ? { draft: props.draft } : {})}
            {...(props.entryError ? { error: props.entryError } : {})}
          />
        </div>
      </div>
    </WizardModal>
  )
}

const LICENSES = [
  { value: 'message', label: 'Message', icon: 'message' },
  { value: 'meeting', label: 'Meeting', icon: 'meeting' },
  { value: 'call', label: 'Call', icon: 'call' },
] as const

/** Add Services for Users: the licenses for everyone in the list, then Add Users. */
export function AddServicesDialog(props: { csrfToken: string; entries: readonly EntryToken[] }) {
  return (
    <WizardModal
      title="Add Services for Users"
      closeHref="/admin/users"
      returnFocusId="manage-users"
      back={{ action: { method: 'submit', form: 'add-services', name: 'intent', value: 'back' } }}
      primary={{
        label: 'Add Users',
        action: { method: 'submit', form: 'add-services', name: 'intent', value: 'save' },
      }}
    >
      <PostForm id="add-services" action="/admin/users/manage/add" csrfToken={props.csrfToken}>
        {props.entries.map((entry) => (
          <input type="hidden" name="entry" value={`${entry.firstName}\t${entry.lastName}\t${entry.email}`} />
        ))}
        <p>
          {props.entries.length === 1 ? '1 user' : `${props.entries.length} users`} will get these services:{' '}
          {props.entries.map((e) => e.email).join(', ')}
        </p>
        <CheckboxGroup
          legend="Licenses"
          name="license"
          look="columns"
          options={LICENSES.map((license) => ({ ...license, checked: license.value !== 'call' }))}
        />
      </PostForm>
    </WizardModal>
  )
}

/** The result: who was added, then Finish. */
export function UsersAddedDialog(props: { added: readonly { email: string; displayName: string }[] }) {
  return (
    <WizardModal
      title="Users added"
      closeHref="/admin/users"
      returnFocusId="manage-users"
      primary={{ label: 'Finish', action: BACK_TO_USERS }}
    >
      <p>{props.added.length === 1 ? '1 user added.' : `${props.added.length} users added.`}</p>
      <Facts items={props.added.map((user) => ({ label: user.displayName, value: user.email }))} />
    </WizardModal>
  )
}
