import { SignedOutPage } from '../../views/signed-out-page'
import { signOutBrowser } from '../browser-sign-out'
import type { HttpDeps } from '../env'
import { consoleArea } from './console-area'
import { CONSOLE_SIGN_OUT_HREF } from './console-page'

/**
 * The account tile's Sign out: ends the console session and the browser's Entra session (as the
 * real account menu signs the account out everywhere), then "You signed out of your account".
 */
export function signOutRoutes(deps: HttpDeps) {
  return consoleArea(deps, CONSOLE_SIGN_OUT_HREF).post(CONSOLE_SIGN_OUT_HREF, (c) => {
    signOutBrowser(c, deps)
    return c.html(<SignedOutPage note={null} />, 200, { 'Cache-Control': 'no-store' })
  })
}
