import { activeExerciseView } from '@sandbox/shared'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AdminIdentity } from '../../control-hub/admin-account'
import { CSRF_FIELD } from '../../views/console/actions'
import { FormRefusedPage } from '../../views/console/pages/form-refused-page'
import { type HttpDeps, NO_STORE } from '../env'
import type { ConsoleEnv } from './console-env'

/** The Control Hub session cookie (`<id>.<mac>`); distinct from the Webex user's session cookie. */
export const CONSOLE_SESSION_COOKIE = 'webex_sandbox_console'
/** Binds the sign-in forms' CSRF token to one browser before there is a session. */
export const CONSOLE_FLOW_COOKIE = 'webex_sandbox_console_flow'
/** The largest form a console page posts (a metadata file upload included). */
export const CONSOLE_FORM_LIMIT = 2 * 1024 * 1024

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function cookieAttributes(deps: HttpDeps, path: string) {
  return { path, httpOnly: true, sameSite: 'Lax' as const, secure: deps.config.https }
}

/**
 * Where to go back to after signing in: a path of Control Hub on this server, or Overview.
 * Anything else (another origin, `//host`, `/\host`, a path outside `/admin`) is dropped, so the
 * sign-in page can never send the administrator off the site.
 */
export function safeReturnPath(value: string | undefined | null): string {
  if (!value || value.length > 1024 || !value.startsWith('/') || /^\/[/\\]/.test(value)) return '/admin'
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects.
  if (/[\u0000-\u001f\\]/.test(value)) return '/admin'
  const url = new URL(value, 'http://control-hub.invalid')
  if (url.origin !== 'http://control-hub.invalid') return '/admin'
  if (url.pathname !== '/admin' && !url.pathname.startsWith('/admin/')) return '/admin'
  if (url.pathname.startsWith('/admin/login')) return '/admin'
  return `${url.pathname}${url.search}`
}

/** The sign-in page that returns to `returnPath` afterwards. */
export function signInUrl(returnPath: string, reason?: 'expired' | 'signed-out'): string {
  const query = new URLSearchParams()
  if (returnPath !== '/admin') query.set('return', returnPath)
  if (reason) query.set(reason, '1')
  const text = query.toString()
  return text ? `/admin/login?${text}` : '/admin/login'
}

/** Signs the administrator in: a new session (never one the browser brought), its cookie set. */
export function startConsoleSession(c: Context, deps: HttpDeps, admin: AdminIdentity): void {
  const access = deps.services.controlHub.sessions
  access.end(getCookie(c, CONSOLE_SESSION_COOKIE))
  const { cookie } = access.open(admin)
  setCookie(c, CONSOLE_SESSION_COOKIE, cookie, cookieAttributes(deps, '/'))
  deleteCookie(c, CONSOLE_FLOW_COOKIE, cookieAttributes(deps, '/'))
}

export function endConsoleSession(c: Context, deps: HttpDeps): void {
  deps.services.controlHub.sessions.end(getCookie(c, CONSOLE_SESSION_COOKIE))
  deleteCookie(c, CONSOLE_SESSION_COOKIE, cookieAttributes(deps, '/'))
}

/** The signed-in administrator of this request, if any (pages outside the guard ask this). */
export function currentConsoleAdmin(c: Context, deps: HttpDeps): AdminIdentity | null {
  const resumed = deps.services.controlHub.sessions.resume(getCookie(c, CONSOLE_SESSION_COOKIE))
  return 'session' in resumed ? resumed.session.admin : null
}

/** The sign-in flow's id (made on the first sign-in page) and its forms' CSRF token. */
export function signInFlowToken(c: Context, deps: HttpDeps): string {
  const sessions = deps.services.controlHub.sessions
  const existing = getCookie(c, CONSOLE_FLOW_COOKIE)
  const flowId = sessions.isFlowId(existing) ? existing : sessions.newFlowId()
  if (flowId !== existing)
    setCookie(c, CONSOLE_FLOW_COOKIE, flowId, { ...cookieAttributes(deps, '/'), maxAge: 3600 })
  return sessions.csrfToken(flowId)
}

/** A form posted from the sign-in pages carries the flow's token. */
export function signInFlowTokenMatches(c: Context, deps: HttpDeps, presented: unknown): boolean {
  const sessions = deps.services.controlHub.sessions
  const flowId = getCookie(c, CONSOLE_FLOW_COOKIE)
  return (
    sessions.isFlowId(flowId) &&
    sessions.csrfMatches(flowId, typeof presented === 'string' ? presented : undefined)
  )
}

/** The answer to a form whose token is missing or wrong: a page that says what to do, never a 5xx. */
export function formRefused(c: Context, returnPath: string) {
  return c.html(<FormRefusedPage backHref={returnPath} />, 403, NO_STORE)
}

const limitForms = bodyLimit({
  maxSize: CONSOLE_FORM_LIMIT,
  onError: (c) => c.text('The form is larger than Control Hub accepts (2 MB). Choose a smaller file.', 413),
})

/**
 * The guard of every Control Hub page and form: without a live session, a GET goes to the sign-in
 * page (which comes back here after), anything else is refused; a state-changing request must
 * carry the session's CSRF token in `csrf_token`. Sets `c.get('consoleAdmin')`.
 */
export function requireControlHubAdmin(deps: HttpDeps): MiddlewareHandler<ConsoleEnv> {
  const sessions = deps.services.controlHub.sessions
  return async (c, next) => {
    // Nested route groups may each guard the same path: the request was checked once already (the
    // admin is only set before `next()`), and its body can be read only once.
    if (c.get('consoleAdmin')) return next()
    const resumed = sessions.resume(getCookie(c, CONSOLE_SESSION_COOKIE))
    const url = new URL(c.req.url)
    const here = safeReturnPath(`${url.pathname}${url.search}`)
    if ('refusal' in resumed) {
      if (resumed.refusal !== 'missing') deleteCookie(c, CONSOLE_SESSION_COOKIE, cookieAttributes(deps, '/'))
      const reason = resumed.refusal === 'idle' || resumed.refusal === 'expired' ? 'expired' : undefined
      // A form posted after the session ended cannot be replayed after sign-in: back to Overview.
      const target = c.req.method === 'GET' || c.req.method === 'HEAD' ? here : '/admin'
      return c.redirect(signInUrl(target, reason), 303)
    }
    const { session } = resumed
    c.set('consoleAdmin', { identity: session.admin, csrfToken: sessions.csrfToken(session.id) })
    if (!UNSAFE_METHODS.has(c.req.method)) {
      // The panel reads both servers, which is async; the page chrome is not, so it is read here.
      if (deps.services.training.isOn()) {
        const [panel, active] = await Promise.all([
          deps.services.training.panel(),
          // A classroom that cannot answer leaves the panel without an exercise, never the page broken.
          deps.services
            .classroom()
            ?.activeExercise()
            .catch(() => null),
        ])
        c.set('trainingPanel', panel)
        const view = activeExerciseView(active ?? null)
        if (view) c.set('trainingActive', view)
      }
      return next()
    }
    const tooLarge = await limitForms(c, async () => {
      const form = await c.req.parseBody().catch(() => null)
      const token = form?.[CSRF_FIELD]
      if (sessions.csrfMatches(session.id, typeof token === 'string' ? token : undefined)) await next()
      else c.res = await formRefused(c, here)
    })
    if (tooLarge) return tooLarge
  }
}
