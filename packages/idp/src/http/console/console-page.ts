import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AuditActor } from '../../audit/audit-log'
import {
  FLASH_COOKIE,
  FLASH_LIFETIME_SECONDS,
  type FlashToast,
  openFlash,
  sealFlash,
} from '../../sessions/console-flash'
import type { ConsoleFrame } from '../../views/console/console-layout'
import type { HiddenField } from '../../views/console/hidden-fields'
import { CONSOLE_NAV } from '../console-nav'
import type { HttpDeps, IdpContext } from '../env'
import { CSRF_FIELD } from './require-console-admin'
import { TRAINING_HREFS, trainingPanelCollapsed } from './training-links'

/** Where the account tile's Sign out posts. */
export const CONSOLE_SIGN_OUT_HREF = '/console/sign-out'

const NO_STORE = { 'Cache-Control': 'no-store' }

/** A rendered page (the JSX of a view). */
type Html = Parameters<IdpContext['html']>[0]

/**
 * The helpers a console route uses, bound to its request:
 * - `frame(currentHref)`: the layout's props (tenant, account tile with Sign out, navigation with
 *   `currentHref` highlighted, and the flash toast of the previous POST, shown once);
 * - `actor`: the admin as the audit log names them (pass it to the service that changes state);
 * - `csrf`: the hidden field every state-changing form must carry;
 * - `show(page)`: 200 with the page; `invalid(page)`: 422 with the page (its pane still open);
 * - `done(href, toast)`: the answer to a successful POST: 303 to a GET URL, the toast as a flash.
 */
export function consolePage(c: IdpContext, deps: HttpDeps) {
  const admin = c.get('consoleAdmin')
  if (!admin) throw new Error('consolePage() needs requireConsoleAdmin (consoleArea) in front of the route.')
  const secret = deps.services.consoleSessions.flashSecret
  const now = () => deps.services.runtime.clock.now()
  const csrf: readonly HiddenField[] = [{ name: CSRF_FIELD, value: admin.session.csrfToken }]
  /** Who the audit log names for changes made on this request. */
  const actor: AuditActor = {
    displayName: admin.user.displayName,
    userPrincipalName: admin.user.userPrincipalName,
  }
  return {
    admin,
    actor,
    csrf,
    frame(currentHref: string): ConsoleFrame {
      const flash = getCookie(c, FLASH_COOKIE)
      const toast = openFlash(flash, secret, now())
      if (flash !== undefined) deleteCookie(c, FLASH_COOKIE, { path: '/' })
      return {
        tenantName: deps.services.tenant.overview().tenantName,
        account: {
          displayName: admin.user.displayName,
          userPrincipalName: admin.user.userPrincipalName,
          signOut: { action: CONSOLE_SIGN_OUT_HREF, fields: csrf },
        },
        nav: CONSOLE_NAV,
        currentHref,
        toasts: toast ? [toast] : [],
        training: {
          on: deps.services.training.isOn(),
          switchAction: TRAINING_HREFS.mode,
          panelAction: TRAINING_HREFS.panel,
          trainerHref: TRAINING_HREFS.trainer,
          handoutsHref: TRAINING_HREFS.handouts,
          fields: csrf,
          back: `${new URL(c.req.url).pathname}${new URL(c.req.url).search}`,
          collapsed: trainingPanelCollapsed(c),
          ...(c.get('trainingPanel') ? { panel: c.get('trainingPanel') } : {}),
          ...(c.get('trainingActive') ? { activeExercise: c.get('trainingActive') } : {}),
        },
      }
    },
    show(page: Html) {
      return c.html(page, 200, NO_STORE)
    },
    invalid(page: Html) {
      return c.html(page, 422, NO_STORE)
    },
    done(href: string, toast: FlashToast) {
      setCookie(c, FLASH_COOKIE, sealFlash(toast, secret, now()), {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.url.startsWith('https:'),
        maxAge: FLASH_LIFETIME_SECONDS,
      })
      return c.redirect(href, 303)
    },
  }
}
