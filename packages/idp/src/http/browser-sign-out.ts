import { deleteCookie } from 'hono/cookie'
import { clearConsoleCookie, consoleCookieOf } from './console/console-cookie'
import type { HttpDeps, IdpContext } from './env'
import { applySession, STAY_SIGNED_IN_COOKIE, sessionIdOf } from './request-facts'

/**
 * Signs the browser out of the IdP: ends its SAML and admin center sessions and expires their
 * cookies (`idp_session`, `console_session`) and the remembered "Stay signed in?" answer
 * (`idp_kmsi`), so that the next visit asks for the account and the password again. The
 * caller then shows "You signed out of your account".
 */
export function signOutBrowser(c: IdpContext, deps: HttpDeps): void {
  deps.services.signOut.signOut({ sessionId: sessionIdOf(c), consoleCookie: consoleCookieOf(c) })
  applySession(c, deps.url, 'end')
  clearConsoleCookie(c, deps.url)
  deleteCookie(c, STAY_SIGNED_IN_COOKIE, { path: '/', secure: deps.url.startsWith('https:') })
}
