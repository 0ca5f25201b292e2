// views/console/pages/: Control Hub's pages, composed from the console components; props in, JSX out.
import type { AdminAccount, NavId, NavItem } from '../control-hub-layout'
import type { ToastProps } from '../toasts'
import type { TrainingChrome } from '../training-panel'

/**
 * What every signed-in Control Hub page passes to `ControlHubLayout` besides its title and body:
 * the org name, the navigation, the signed-in administrator and the toasts of the last POST.
 * Routes build it with `consoleChrome(c, deps, current)` (http/console/console-page.ts).
 */
export interface ConsoleChrome {
  readonly orgName: string
  readonly nav: readonly NavItem[]
  readonly current: NavId | null
  readonly account: AdminAccount
  readonly toasts: readonly ToastProps[]
  /** Training mode's switch, and its progress panel while it is on. */
  readonly training?: TrainingChrome
}
