import { SignedOutPage } from '../../views/signed-out-page'
import type { HttpDeps } from '../env'
import { applySession, sessionIdOf } from '../request-facts'
import { consoleArea } from './console-area'
import { clearConsoleCookie, consoleCookieOf } from './console-cookie'
import { CONSOLE_SIGN_OUT_HREF } from './console-page'

/**
 * The account tile's Sign out: ends the console session and the browser's Entra session (as the
 * real account menu signs the account out everywhere), then "You signed out of your account".
 */
export function signOutRoutes(deps: HttpDeps) {
  return consoleArea(deps, CONSOLE_SIGN_OUT_HREF).post(CONSOLE_SIGN_OUT_HREF, (c) => {
    deps.services.consoleSessions.end(consoleCookieOf(c))
    clearConsoleCookie(c, deps.url)
    deps.services.sessions.end(sessionIdOf(c))
    applySession(c, deps.url, 'end')
    return c.html(<SignedOutPage note={null} />, 200, { 'Cache-Control': 'no-store' })
  })
}
