import { activeExerciseView } from '@sandbox/shared'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { safeReturnPath } from '../../sessions/return-path'
import type { HttpDeps, IdpEnv } from '../env'
import { renderResult } from '../render-outcome'
import { clientAddress, formFields, isSameOrigin } from '../request-facts'
import { clearConsoleCookie, consoleCookieOf } from './console-cookie'

/** The hidden field every state-changing console form carries (see `consolePage(c).csrf`). */
export const CSRF_FIELD = 'csrfToken'

/** Console forms carry at most a metadata file or a certificate; anything larger is refused. */
const MAX_CONSOLE_FORM_BYTES = 1024 * 1024

const SAFE_METHODS = new Set(['GET', 'HEAD'])

/**
 * The guard of every console page. Without a live console session (absent, forged, expired, or
 * its user no longer an admin) the browser goes to the Entra sign-in page and, once signed in,
 * comes back to the page it asked for (a POST comes back to the page's GET). A state-changing
 * request must come from this origin and carry the session's CSRF token, else 403 and nothing
 * changes. Handlers behind it read the admin with `c.get('consoleAdmin')`.
 */
export function requireConsoleAdmin(deps: HttpDeps) {
  return createMiddleware<IdpEnv>(async (c, next) => {
    const cookie = consoleCookieOf(c)
    const admin = deps.services.consoleSessions.open(cookie)
    if (!admin) {
      if (cookie !== undefined) clearConsoleCookie(c, deps.url)
      const url = new URL(c.req.url)
      const asked = SAFE_METHODS.has(c.req.method) ? `${url.pathname}${url.search}` : url.pathname
      const target = { kind: 'console' as const, returnTo: safeReturnPath(asked) }
      return renderResult(c, deps, deps.services.sso.signInFor(target, clientAddress(c)))
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!isSameOrigin(c, deps.url))
        return c.text(
          'Console forms must be posted from the admin center itself (the Origin header does not match).',
          403,
        )
      const form = await formFields(c)
      if (!deps.services.consoleSessions.csrfMatches(admin.session, form[CSRF_FIELD]))
        return c.text(
          'This form is out of date or was not sent by the admin center (its CSRF token does not match your session). Reload the page and try again.',
          403,
        )
    }
    c.set('consoleAdmin', admin)
    // The panel reads both servers, which is async; the page frame is not, so it is read here.
    if (SAFE_METHODS.has(c.req.method) && deps.services.training.isOn()) {
      const [panel, active] = await Promise.all([
        deps.services.training.panel(),
        // A classroom that cannot answer leaves the panel without an exercise, never the page broken.
        deps.services.runtime.classroom
          ?.current()
          ?.activeExercise()
          .catch(() => null),
      ])
      c.set('trainingPanel', panel)
      const view = activeExerciseView(active ?? null)
      if (view) c.set('trainingActive', view)
    }
    await next()
  })
}

/** The body limit of console forms: a 413 with a sentence instead of a half-read body. */
export function consoleBodyLimit() {
  return bodyLimit({
    maxSize: MAX_CONSOLE_FORM_BYTES,
    onError: (c) => c.text('The form is larger than the admin center accepts (1 MB).', 413),
  })
}
