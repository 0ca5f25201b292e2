import type { NavEntry } from '../views/console/left-nav'
import { ENTERPRISE_APPS_HREF } from '../views/console/pages/enterprise-apps/app-hrefs'

/** The tenant overview's address: the admin center's home. */
export const OVERVIEW_HREF = '/'

/**
 * The admin center's left navigation (the 2023–24 tree: Identity > …). Only pages that exist are
 * listed; each new console page adds its entry here, under the group the real tree puts it in.
 */
export const CONSOLE_NAV: readonly NavEntry[] = [
  {
    label: 'Identity',
    icon: 'identity',
    expanded: true,
    children: [
      { label: 'Overview', href: OVERVIEW_HREF },
      { label: 'Applications', children: [{ label: 'Enterprise applications', href: ENTERPRISE_APPS_HREF }] },
    ],
  },
]
