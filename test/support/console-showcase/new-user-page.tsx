import { Blade } from '../../../packages/idp/src/views/console/blade'
import { Checkbox, RadioGroup } from '../../../packages/idp/src/views/console/choice-fields'
import { ConsoleLayout } from '../../../packages/idp/src/views/console/console-layout'
import { HiddenFields } from '../../../packages/idp/src/views/console/hidden-fields'
import { PasswordField } from '../../../packages/idp/src/views/console/password-field'
import { SelectField } from '../../../packages/idp/src/views/console/select-field'
import { FormTabs, TabPanel } from '../../../packages/idp/src/views/console/tabs'
import { TextField } from '../../../packages/idp/src/views/console/text-field'
import { UpnField } from '../../../packages/idp/src/views/console/upn-field'
import { SHOWCASE_ACCOUNT, SHOWCASE_NAV, TENANT } from './showcase-nav'

/** The Create new user form's values as posted. */
export type NewUserForm = Readonly<Record<string, string | undefined>>

const TABS = [
  { id: 'basics', label: 'Basics' },
  { id: 'properties', label: 'Properties' },
  { id: 'assignments', label: 'Assignments' },
  { id: 'review', label: 'Review + create' },
]

/** Create new user (B): form tabs and every field kind the console has. */
export function NewUserPage(props: {
  readonly form: NewUserForm
  readonly tab: string
  readonly errors: Readonly<Record<string, string>>
  readonly generatedPassword: string
}) {
  const { form, errors, tab } = props
  const checked = Object.keys(errors).length > 0
  return (
    <ConsoleLayout
      title="Create new user"
      tenantName={TENANT}
      account={SHOWCASE_ACCOUNT}
      nav={SHOWCASE_NAV}
      currentHref="/showcase/users"
    >
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/showcase/home' },
          { label: 'Users', href: '/showcase/users' },
          { label: 'Create new user' },
        ]}
        object="Create new user"
        subtitle="Create a new internal user in your organization"
        closeHref="/showcase/users"
      >
        <form class="form" method="post" action="/showcase/users/new" novalidate>
          <HiddenFields fields={[{ name: 'csrf', value: 'showcase-token' }]} />
          <FormTabs id="new-user" name="tab" label="Create new user" tabs={TABS} selected={tab} />
          <TabPanel tabsId="new-user" id="basics" selected={tab === 'basics'}>
            <h2>Identity</h2>
            <UpnField
              id="upn"
              name="upnLocal"
              label="User principal name"
              required
              value={form.upnLocal}
              domainName="upnDomain"
              domains={['contoso.onmicrosoft.com', 'contoso.com']}
              selectedDomain={form.upnDomain}
              error={errors.upnLocal}
              valid={checked && !errors.upnLocal}
            />
            <Checkbox
              id="derive-nickname"
              name="deriveNickname"
              label="Derive from user principal name"
              checked={form.deriveNickname !== 'false'}
            />
            <TextField
              id="display-name"
              name="displayName"
              label="Display name"
              required
              value={form.displayName}
              error={errors.displayName}
              valid={checked && !errors.displayName}
            />
            <PasswordField
              id="password"
              name="password"
              label="Password"
              required
              readOnly
              value={form.password ?? props.generatedPassword}
              help="The password is generated; write it down before you create the user."
            />
            <Checkbox id="auto-generate" name="autoGenerate" label="Auto-generate password" checked />
            <Checkbox
              id="account-enabled"
              name="accountEnabled"
              label="Account enabled"
              checked={form.accountEnabled !== 'false'}
            />
          </TabPanel>
          <TabPanel tabsId="new-user" id="properties" selected={tab === 'properties'}>
            <h2>Identity</h2>
            <TextField
              id="given-name"
              name="givenName"
              label="First name"
              value={form.givenName}
              layout="inline"
            />
            <TextField id="surname" name="surname" label="Last name" value={form.surname} layout="inline" />
            <RadioGroup
              id="user-type"
              name="userType"
              legend="User type"
              horizontal
              selected={form.userType ?? 'Member'}
              options={[
                { value: 'Member', label: 'Member' },
                { value: 'Guest', label: 'Guest' },
              ]}
            />
            <SelectField
              id="usage-location"
              name="usageLocation"
              label="Usage location"
              selected={form.usageLocation}
              options={[
                { value: '', label: 'Select a location' },
                { value: 'US', label: 'United States' },
                { value: 'GB', label: 'United Kingdom' },
                { value: 'DE', label: 'Germany' },
              ]}
            />
          </TabPanel>
          <TabPanel tabsId="new-user" id="assignments" selected={tab === 'assignments'}>
            <p>Groups and roles are added after the user exists in this sandbox.</p>
          </TabPanel>
          <TabPanel tabsId="new-user" id="review" selected={tab === 'review'}>
            <h2>Basics</h2>
            <dl class="properties">
              <dt>User principal name</dt>
              <dd>
                {form.upnLocal ? `${form.upnLocal}@${form.upnDomain ?? 'contoso.onmicrosoft.com'}` : '—'}
              </dd>
              <dt>Display name</dt>
              <dd>{form.displayName || '—'}</dd>
            </dl>
          </TabPanel>
          <div class="form-footer">
            <button type="submit" class="button button-primary" name="create" value="yes">
              Review + create
            </button>
            <button type="submit" class="button" name="tab" value="properties" formnovalidate>
              Next: Properties &gt;
            </button>
          </div>
        </form>
      </Blade>
    </ConsoleLayout>
  )
}
