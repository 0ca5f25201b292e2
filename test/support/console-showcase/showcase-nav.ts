import type { HiddenField } from '../../../packages/idp/src/views/console/hidden-fields'
import type { NavEntry } from '../../../packages/idp/src/views/console/left-nav'
import { GALLERY_HREF } from '../../../packages/idp/src/views/console/pages/enterprise-apps/app-hrefs'
import type { ResourceMenuSection } from '../../../packages/idp/src/views/console/resource-menu'
import type { ConsoleAccount } from '../../../packages/idp/src/views/console/top-bar'

/** The A1 tree as the finished admin center will have it, pointing at the showcase's pages. */
export const SHOWCASE_NAV: readonly NavEntry[] = [
  {
    label: 'Identity',
    icon: 'identity',
    expanded: true,
    children: [
      { label: 'Overview', href: '/showcase/home' },
      { label: 'Users', children: [{ label: 'All users', href: '/showcase/users' }] },
      { label: 'Groups', children: [{ label: 'All groups', href: '/showcase/groups' }] },
      {
        label: 'Applications',
        children: [{ label: 'Enterprise applications', href: GALLERY_HREF }],
      },
      {
        label: 'Monitoring & health',
        children: [
          { label: 'Sign-in logs', href: '/showcase/sign-in-logs' },
          { label: 'Audit logs', href: '/showcase/audit-logs' },
        ],
      },
    ],
  },
]

/** The showcase checks no token: its forms carry one only because the console's forms do. */
export const SHOWCASE_CSRF: readonly HiddenField[] = [{ name: 'csrf', value: 'showcase-token' }]

export const SHOWCASE_ACCOUNT: ConsoleAccount = {
  displayName: 'Sandbox Admin',
  userPrincipalName: 'admin@contoso.onmicrosoft.com',
  signOut: { action: '/showcase/sign-out', fields: SHOWCASE_CSRF },
}

export const TENANT = 'Contoso'

/** Cisco Webex's left menu (A6). */
export function appMenu(): readonly ResourceMenuSection[] {
  return [
    {
      items: [
        { label: 'Overview', href: '/showcase/app', icon: 'overview' },
        { label: 'Deployment Plan', href: '/showcase/app/plan', icon: 'logs' },
      ],
    },
    {
      heading: 'Manage',
      items: [
        { label: 'Properties', href: '/showcase/app/properties', icon: 'properties' },
        { label: 'Users and groups', href: '/showcase/app/users', icon: 'group' },
        { label: 'Single sign-on', href: '/showcase/saml', icon: 'sign-on' },
        { label: 'Provisioning', href: '/showcase/app/provisioning', icon: 'provisioning' },
        {
          label: 'Custom security attributes',
          href: '/showcase/app/csa',
          icon: 'identity',
          unavailable: true,
        },
      ],
    },
    {
      heading: 'Activity',
      items: [
        { label: 'Sign-in logs', href: '/showcase/app/sign-ins', icon: 'logs' },
        { label: 'Audit logs', href: '/showcase/app/audit', icon: 'monitor' },
      ],
    },
  ]
}
