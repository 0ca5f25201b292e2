import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { HtmlEscapedString } from 'hono/utils/html'
import { type AdminAccount, controlHubNav, type NavId } from '../../views/console/control-hub-layout'
import type { PagerProps } from '../../views/console/data-table'
import type { ConsoleChrome } from '../../views/console/pages/page-chrome'
import { type HttpDeps, NO_STORE } from '../env'
import { decodeFlash, encodeFlash, FLASH_COOKIE, type Flash, flashCookieOptions } from '../flash'
import type { ConsoleContext } from './console-env'
import { TRAINING_HREFS, trainingPanelCollapsed } from './training-links'

/**
 * The Control Hub pages that exist, in the navigation. Organization Settings holds the sections
 * (SCIM, Authentication...) that are not entries of their own.
 */
export const CONSOLE_NAV: readonly NavId[] = [
  'overview',
  'troubleshooting',
  'saml-inspector',
  'users',
  'groups',
  'settings',
  'training',
]

const FLASH_PATH = '/admin'

/**
 * The frame of a signed-in page: the org, the navigation with `current` marked, the account menu
 * (Sign out posts with the session's CSRF token) and the toasts the last POST left in the flash
 * cookie, which this read uses up.
 */
export function consoleChrome(c: ConsoleContext, deps: HttpDeps, current: NavId | null): ConsoleChrome {
  const admin = c.get('consoleAdmin')
  const account: AdminAccount = {
    displayName: admin.identity.displayName,
    email: admin.identity.email,
    signOut: { action: '/admin/logout', csrfToken: admin.csrfToken },
  }
  const toasts = decodeFlash(getCookie(c, FLASH_COOKIE))
  if (toasts.length > 0)
    deleteCookie(c, FLASH_COOKIE, flashCookieOptions({ path: FLASH_PATH, secure: deps.config.https }))
  return {
    orgName: deps.services.org.current().name,
    nav: controlHubNav(CONSOLE_NAV),
    current,
    account,
    toasts,
    training: {
      on: deps.services.training.isOn(),
      switchAction: TRAINING_HREFS.mode,
      panelAction: TRAINING_HREFS.panel,
      trainerHref: TRAINING_HREFS.trainer,
      handoutsHref: TRAINING_HREFS.handouts,
      csrfToken: admin.csrfToken,
      back: `${new URL(c.req.url).pathname}${new URL(c.req.url).search}`,
      collapsed: trainingPanelCollapsed(c),
      ...(c.get('trainingPanel') ? { panel: c.get('trainingPanel') } : {}),
      ...(c.get('trainingActive') ? { activeExercise: c.get('trainingActive') } : {}),
    },
  }
}

type Page = HtmlEscapedString | Promise<HtmlEscapedString>

/** A console page: never cached (it shows the session's data and tokens). 422 re-renders a form. */
export function renderPage(c: Context, page: Page, status: 200 | 400 | 404 | 409 | 422 = 200) {
  return c.html(page, status, NO_STORE)
}

/** POST-redirect-GET: 303 to `path` with toasts (`FLASH_MESSAGES` codes) for the next page. */
export function redirectWithToasts(c: Context, deps: HttpDeps, path: string, flashes: readonly Flash[] = []) {
  if (flashes.length > 0)
    setCookie(
      c,
      FLASH_COOKIE,
      encodeFlash(flashes),
      flashCookieOptions({ path: FLASH_PATH, secure: deps.config.https }),
    )
  return c.redirect(path, 303)
}

/** A form field as one string (a repeated field's first value; a file is no string). */
export function formText(form: Record<string, unknown>, name: string, maxLength = 1000): string {
  const value = form[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.slice(0, maxLength) : ''
}

/** A repeated form field's string values (`entry=…&entry=…`). */
export function formTexts(form: Record<string, unknown>, name: string, maxCount = 100): string[] {
  const value = form[name]
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return all.filter((v): v is string => typeof v === 'string').slice(0, maxCount)
}

/** The posted form of a guarded route (already parsed by the guard; `all: true` keeps repeats). */
export async function postedForm(c: ConsoleContext): Promise<Record<string, unknown>> {
  return (await c.req.parseBody({ all: true }).catch(() => ({}))) as Record<string, unknown>
}

/**
 * A list page's search and paging from the request (`?q=` and `?page=`, both bounded), and the
 * pager for the page of `total` the service answered.
 */
export function listPaging(c: ConsoleContext, listPath: string, pageSize: number) {
  const query = (c.req.query('q') ?? '').slice(0, 200)
  const pageNumber = Math.max(1, Math.min(1_000_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1))
  const href = (n: number) => {
    const params = new URLSearchParams()
    if (query) params.set('q', query)
    if (n > 1) params.set('page', String(n))
    const text = params.toString()
    return text ? `${listPath}?${text}` : listPath
  }
  return {
    query,
    offset: (pageNumber - 1) * pageSize,
    pager: (page: { total: number; offset: number; items: readonly unknown[] }): PagerProps => ({
      from: page.total === 0 ? 0 : page.offset + 1,
      to: page.offset + page.items.length,
      total: page.total,
      previousHref: pageNumber > 1 ? href(pageNumber - 1) : null,
      nextHref: page.offset + page.items.length < page.total ? href(pageNumber + 1) : null,
    }),
  }
}
