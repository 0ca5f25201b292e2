// http/console/: the admin center's routes: the console session guard, one route module per area, and their shared helpers.
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { CONSOLE_COOKIE, CONSOLE_LIFETIME_SECONDS } from '../../sessions/console-sessions'
import type { IdpEnv } from '../env'

/** The sealed console cookie the browser presents, if any (checked by the console sessions). */
export function consoleCookieOf(c: Context<IdpEnv>): string | undefined {
  return getCookie(c, CONSOLE_COOKIE)
}

/** Sets the console cookie: HttpOnly, SameSite=Lax, Path=/, bounded by Max-Age, Secure under https. */
export function setConsoleCookie(c: Context<IdpEnv>, baseUrl: string, value: string): void {
  setCookie(c, CONSOLE_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: baseUrl.startsWith('https:'),
    maxAge: CONSOLE_LIFETIME_SECONDS,
  })
}

export function clearConsoleCookie(c: Context<IdpEnv>, baseUrl: string): void {
  deleteCookie(c, CONSOLE_COOKIE, { path: '/', secure: baseUrl.startsWith('https:') })
}
