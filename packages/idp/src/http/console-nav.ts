import type { NavEntry } from '../views/console/left-nav'
import { ENTERPRISE_APPS_HREF } from '../views/console/pages/enterprise-apps/app-hrefs'
import { GROUPS_HREF } from '../views/console/pages/groups/group-links'
import {
  AUDIT_LOGS_HREF,
  PROVISIONING_LOGS_HREF,
  SAML_INSPECTOR_HREF,
  SIGN_IN_LOGS_HREF,
} from '../views/console/pages/monitoring/monitoring-links'
import { TRAINING_HREF } from '../views/console/pages/training/training-links'
import { USERS_HREF } from '../views/console/pages/users/user-links'

/** The tenant overview's address: the admin center's home. */
export const OVERVIEW_HREF = '/'

/**
 * The admin center's left navigation (the 2023–24 tree: Identity > …). Only pages that exist are
 * listed; each new console page adds its entry here, under the group the real tree puts it in
 * (Applications > Enterprise applications goes between Groups and Monitoring & health).
 */
export const CONSOLE_NAV: readonly NavEntry[] = [
  {
    label: 'Identity',
    icon: 'identity',
    expanded: true,
    children: [
      { label: 'Overview', href: OVERVIEW_HREF },
      { label: 'Users', icon: 'user', expanded: true, children: [{ label: 'All users', href: USERS_HREF }] },
      {
        label: 'Groups',
        icon: 'group',
        expanded: true,
        children: [{ label: 'All groups', href: GROUPS_HREF }],
      },
      {
        label: 'Applications',
        icon: 'apps',
        expanded: true,
        children: [{ label: 'Enterprise applications', href: ENTERPRISE_APPS_HREF }],
      },
      {
        label: 'Monitoring & health',
        icon: 'monitor',
        expanded: true,
        children: [
          { label: 'Sign-in logs', href: SIGN_IN_LOGS_HREF },
          { label: 'Audit logs', href: AUDIT_LOGS_HREF },
          { label: 'Provisioning logs', href: PROVISIONING_LOGS_HREF },
          { label: 'SAML inspector', href: SAML_INSPECTOR_HREF },
        ],
      },
    ],
  },
  // The sandbox's own page (no counterpart in the real admin center): reset and break-it exercises.
  { label: 'Training', icon: 'test', href: TRAINING_HREF },
]
