import type { Child } from 'hono/jsx'
import { Blade } from '../../blade'
import type { IconName } from '../../icons'
import { ResourceMenu } from '../../resource-menu'
import { type AppHrefs, ENTERPRISE_APPS_HREF } from './app-hrefs'

/** The app a page is about: its id and name. */
export interface AppRef {
  readonly servicePrincipalId: string
  readonly displayName: string
  readonly hrefs: AppHrefs
}

/**
 * One app's blade: breadcrumbs up to All applications, the `App | Page` title with "Enterprise
 * Application" under it, and the app's left menu with the pages that exist (A6's order).
 */
export function AppBlade(props: {
  readonly app: AppRef
  readonly page: string
  readonly icon: IconName
  readonly currentHref: string
  readonly trail?: readonly { readonly label: string; readonly href: string }[]
  readonly commands?: Child
  readonly children: Child
}) {
  const { app } = props
  return (
    <Blade
      breadcrumbs={[
        { label: 'Home', href: '/' },
        { label: 'Enterprise applications | All applications', href: ENTERPRISE_APPS_HREF },
        { label: app.displayName, href: app.hrefs.overview },
        ...(props.trail ?? []),
      ]}
      object={app.displayName}
      page={props.page}
      subtitle="Enterprise Application"
      icon={props.icon}
      closeHref={ENTERPRISE_APPS_HREF}
      menu={
        <ResourceMenu
          label={app.displayName}
          currentHref={props.currentHref}
          sections={[
            { items: [{ label: 'Overview', href: app.hrefs.overview, icon: 'overview' }] },
            {
              heading: 'Manage',
              items: [
                { label: 'Properties', href: app.hrefs.properties, icon: 'properties' },
                { label: 'Users and groups', href: app.hrefs.users, icon: 'group' },
                { label: 'Single sign-on', href: app.hrefs.singleSignOn, icon: 'sign-on' },
                { label: 'Provisioning', href: app.hrefs.provisioning, icon: 'provisioning' },
              ],
            },
            {
              heading: 'Activity',
              items: [
                { label: 'Sign-in logs', href: app.hrefs.signIns, icon: 'logs' },
                { label: 'Provisioning logs', href: app.hrefs.provisioningLogs, icon: 'logs' },
              ],
            },
          ]}
        />
      }
      commands={props.commands}
    >
      {props.children}
    </Blade>
  )
}
