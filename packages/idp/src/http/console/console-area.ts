import { Hono } from 'hono'
import type { HttpDeps, IdpEnv } from '../env'
import { consoleBodyLimit, requireConsoleAdmin } from './require-console-admin'

/**
 * A console area's router with the guard on its paths: `consoleArea(deps, '/users')` guards
 * `/users` and everything under it (`'/'` guards the home page only). Guards are tied to paths,
 * not to the router, because routers are mounted side by side at `/` and a path-less guard
 * would also stand in front of the sign-in page and the SAML endpoint.
 */
export function consoleArea(deps: HttpDeps, ...prefixes: readonly string[]) {
  const area = new Hono<IdpEnv>()
  const guard = requireConsoleAdmin(deps)
  const limit = consoleBodyLimit()
  for (const prefix of prefixes) {
    if (prefix === '/') area.use('/', limit, guard)
    // `/users/*` also matches `/users` itself.
    else area.use(`${prefix}/*`, limit, guard)
  }
  return area
}
