import { Blade } from '../../blade'
import { Checkbox } from '../../choice-fields'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { PasswordField } from '../../password-field'
import { FormTabs, TabPanel } from '../../tabs'
import { TextField } from '../../text-field'
import { UpnField } from '../../upn-field'
import { NEW_USER_HREF, USERS_HREF } from './user-links'

/** The Create new user form as typed (and posted back on every tab switch). */
export interface NewUserValues {
  readonly upnLocal: string
  readonly upnDomain: string
  readonly displayName: string
  readonly password: string
  readonly autoGenerate: boolean
  readonly accountEnabled: boolean
  readonly givenName: string
  readonly surname: string
}

/** Field errors by field name, and one line for the whole form. */
export interface NewUserErrors {
  readonly upnLocal?: string
  readonly displayName?: string
  readonly password?: string
  readonly form?: string
}

export type NewUserTab = 'basics' | 'properties' | 'review'

const TABS = [
  { id: 'basics', label: 'Basics' },
  { id: 'properties', label: 'Properties' },
  { id: 'review', label: 'Review + create' },
]

const NEXT: Record<NewUserTab, { readonly tab: NewUserTab; readonly label: string } | null> = {
  basics: { tab: 'properties', label: 'Next: Properties >' },
  properties: { tab: 'review', label: 'Next: Review + create >' },
  review: null,
}
const PREVIOUS: Record<NewUserTab, NewUserTab | null> = {
  basics: null,
  properties: 'basics',
  review: 'properties',
}

function Review(props: { readonly values: NewUserValues }) {
  const { values } = props
  return (
    <>
      <h2>Basics</h2>
      <dl class="properties">
        <dt>User principal name</dt>
        <dd>{values.upnLocal ? `${values.upnLocal}@${values.upnDomain}` : '—'}</dd>
        <dt>Display name</dt>
        <dd>{values.displayName || '—'}</dd>
        <dt>Password</dt>
        <dd>{values.autoGenerate ? 'Auto-generated' : 'Set by you'}</dd>
        <dt>Account enabled</dt>
        <dd>{values.accountEnabled ? 'Yes' : 'No'}</dd>
      </dl>
      <h2>Properties</h2>
      <dl class="properties">
        <dt>First name</dt>
        <dd>{values.givenName || '—'}</dd>
        <dt>Last name</dt>
        <dd>{values.surname || '—'}</dd>
      </dl>
    </>
  )
}

/**
 * Users > New user > Create new user: Basics | Properties | Review + create in one form, so
 * nothing typed is lost between tabs (without JavaScript each tab is a submit button).
 */
export function NewUserPage(props: {
  readonly frame: ConsoleFrame
  readonly csrf: readonly HiddenField[]
  readonly values: NewUserValues
  readonly tab: NewUserTab
  readonly errors: NewUserErrors
  readonly domains: readonly string[]
}) {
  const { values, errors, tab } = props
  const next = NEXT[tab]
  const previous = PREVIOUS[tab]
  return (
    <ConsoleLayout title="Create new user" {...props.frame}>
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/' },
          { label: 'Users', href: USERS_HREF },
          { label: 'Create new user' },
        ]}
        object="Create new user"
        subtitle="Create a new internal user in your organization"
        icon="user"
        closeHref={USERS_HREF}
      >
        <form class="form" method="post" action={NEW_USER_HREF} novalidate>
          <HiddenFields fields={props.csrf} />
          <FormTabs id="new-user" name="tab" label="Create new user" tabs={TABS} selected={tab} />
          {errors.form ? <InfoBanner tone="error">{errors.form}</InfoBanner> : null}
          <TabPanel tabsId="new-user" id="basics" selected={tab === 'basics'}>
            <h2>Identity</h2>
            <UpnField
              id="upn"
              name="upnLocal"
              label="User principal name"
              required
              value={values.upnLocal}
              domainName="upnDomain"
              domains={props.domains}
              selectedDomain={values.upnDomain}
              error={errors.upnLocal}
              help="The name before the @, then the domain: B.Simon @ contoso.com."
            />
            <TextField
              id="display-name"
              name="displayName"
              label="Display name"
              required
              value={values.displayName}
              error={errors.displayName}
            />
            <PasswordField
              id="password"
              name="password"
              label="Password"
              required
              value={values.password}
              error={errors.password}
              help="Write the password down before you create the user: it is not shown again."
            />
            <Checkbox
              id="auto-generate"
              name="autoGenerate"
              label="Auto-generate password"
              checked={values.autoGenerate}
            />
            <Checkbox
              id="account-enabled"
              name="accountEnabled"
              label="Account enabled"
              checked={values.accountEnabled}
            />
          </TabPanel>
          <TabPanel tabsId="new-user" id="properties" selected={tab === 'properties'}>
            <h2>Identity</h2>
            <TextField id="given-name" name="givenName" label="First name" value={values.givenName} />
            <TextField id="surname" name="surname" label="Last name" value={values.surname} />
          </TabPanel>
          <TabPanel tabsId="new-user" id="review" selected={tab === 'review'}>
            <Review values={values} />
          </TabPanel>
          <div class="form-footer">
            {tab === 'review' ? (
              <button type="submit" class="button button-primary" name="create" value="yes">
                Create
              </button>
            ) : (
              <button type="submit" class="button button-primary" name="tab" value="review">
                Review + create
              </button>
            )}
            {previous ? (
              <button type="submit" class="button" name="tab" value={previous} formnovalidate>
                &lt; Previous
              </button>
            ) : null}
            {next ? (
              <button type="submit" class="button" name="tab" value={next.tab} formnovalidate>
                {next.label}
              </button>
            ) : null}
          </div>
        </form>
      </Blade>
    </ConsoleLayout>
  )
}
