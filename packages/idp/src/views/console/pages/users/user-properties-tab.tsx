import type { ListedUser } from '../../../../directory/directory-lists'

/** One section of the Properties tab: its heading and its name/value rows. */
function Section(props: {
  readonly id: string
  readonly title: string
  readonly rows: readonly (readonly [string, string])[]
}) {
  return (
    <section aria-labelledby={`properties-${props.id}`}>
      <h2 id={`properties-${props.id}`}>{props.title}</h2>
      <dl class="properties">
        {props.rows.map(([name, value]) => (
          <>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
    </section>
  )
}

/**
 * A user's Properties tab: the sections Entra shows (Identity, Contact information, Settings,
 * On-premises), limited to what the directory keeps. "Edit properties" changes them.
 */
export function UserPropertiesTab(props: { readonly user: ListedUser }) {
  const { user } = props
  const orDash = (value: string | null) => (value === null || value === '' ? '—' : value)
  return (
    <>
      <Section
        id="identity"
        title="Identity"
        rows={[
          ['Display name', user.displayName],
          ['First name', orDash(user.givenName)],
          ['Last name', orDash(user.surname)],
          ['User principal name', user.userPrincipalName],
          ['Object ID', user.id],
          ['User type', 'Member'],
        ]}
      />
      <Section id="contact" title="Contact information" rows={[['Email', orDash(user.mail)]]} />
      <Section
        id="settings"
        title="Settings"
        rows={[['Account enabled', user.accountEnabled ? 'Yes' : 'No']]}
      />
      <Section
        id="on-premises"
        title="On-premises"
        rows={[['On-premises user principal name', orDash(user.onPremisesUserPrincipalName)]]}
      />
    </>
  )
}
