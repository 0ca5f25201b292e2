import { setTimeout as delay } from 'node:timers/promises'
import { locationHeaderValue } from '@sandbox/shared'
import type { Context } from 'hono'
import { aadstsEntry, aadstsFix, aadstsMessage } from '../errors/catalogue'
import { safeReturnPath } from '../sessions/return-path'
import type { SsoResult } from '../sso/outcome'
import { ConsoleNoAccessPage } from '../views/console/pages/console-no-access-page'
import { ContinuePage } from '../views/continue-page'
import { ErrorPage } from '../views/error-page'
import { PostBindingForm } from '../views/post-binding-form'
import { SignedOutPage } from '../views/signed-out-page'
import { setConsoleCookie } from './console/console-cookie'
import type { HttpDeps, IdpEnv } from './env'
import { applySession } from './request-facts'

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' }

/**
 * True when a redirect would answer a form POST with another site: Chromium checks such a
 * redirect against the posting page's `form-action` and, under `form-action 'self'`, blocks it
 * and shows nothing. Real Entra answers its sign-in POST with a page, never a cross-site redirect.
 */
function leavesSiteAfterPost(c: Context<IdpEnv>, target: URL): boolean {
  return c.req.method === 'POST' && target.origin !== new URL(c.req.url).origin
}

/** Turns an SSO result into the browser's next page: the one mapping from outcomes to HTTP. */
export function renderResult(
  c: Context<IdpEnv>,
  deps: HttpDeps,
  result: SsoResult,
): Response | Promise<Response> {
  // The slow fault preset: the answer is right, only late.
  if (result.delayMs) {
    const { delayMs, ...now } = result
    return delay(delayMs).then(() => renderResult(c, deps, now))
  }
  applySession(c, deps.url, result.session)
  const outcome = result.outcome
  switch (outcome.kind) {
    case 'post':
      // The auto-post form may submit only to the one reply URL it carries.
      c.set('formActionOrigins', [new URL(outcome.action).origin])
      return c.html(
        <PostBindingForm
          action={outcome.action}
          fields={outcome.fields}
          nonce={c.get('secureHeadersNonce')}
        />,
        200,
        NO_STORE,
      )
    case 'redirect': {
      const target = new URL(outcome.location, c.req.url)
      if (!leavesSiteAfterPost(c, target)) return c.redirect(locationHeaderValue(outcome.location), 302)
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        return c.text('The next address is not a web address.', 400, NO_STORE)
      return c.html(<ContinuePage location={target.href} />, 200, NO_STORE)
    }
    case 'sign-in':
      return c.redirect(
        `/${deps.services.tenant.id()}/login?ctx=${encodeURIComponent(outcome.pending.id)}`,
        302,
      )
    case 'error': {
      const { page } = outcome
      return c.html(
        <ErrorPage
          message={aadstsMessage(page.error)}
          requestId={page.requestId}
          correlationId={page.correlationId}
          timestamp={page.timestamp}
          appName={page.appName}
          hint={aadstsFix(page.error)}
        />,
        aadstsEntry(page.error.code).page ?? 400,
        NO_STORE,
      )
    }
    case 'signed-out':
      return c.html(<SignedOutPage note={outcome.note} />, 200, NO_STORE)
    case 'console':
      if (!outcome.cookie)
        return c.html(
          <ConsoleNoAccessPage
            userPrincipalName={outcome.userPrincipalName}
            signOutHref={`/${deps.services.tenant.id()}/logout`}
          />,
          403,
          NO_STORE,
        )
      setConsoleCookie(c, deps.url, outcome.cookie)
      return c.redirect(safeReturnPath(outcome.returnTo), 303)
  }
}
