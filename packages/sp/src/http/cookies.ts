import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { HttpDeps } from './env'

/** Webex's cookie names differ from the IdP's (`idp_session`), so the two never collide on localhost. */
export const SESSION_COOKIE = 'webex_sandbox_session'
/** Binds a pending AuthnRequest to the browser that started it (InResponseTo check). */
export const BROWSER_COOKIE = 'webex_sandbox_browser'

function attributes(deps: HttpDeps, maxAge?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: deps.config.https,
    ...(maxAge !== undefined ? { maxAge } : {}),
  }
}

/** The browser's id, created on the first sign-in it starts. */
export function browserIdOf(c: Context, deps: HttpDeps, create: boolean): string | null {
  const existing = getCookie(c, BROWSER_COOKIE)
  if (existing && /^[\w-]{20,64}$/.test(existing)) return existing
  if (!create) return null
  const id = deps.services.sessions.newBrowserId()
  setCookie(c, BROWSER_COOKIE, id, attributes(deps, 3600))
  return id
}

export function sessionIdOf(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE)
}

/** A new session id at every sign-in (never the one the browser brought). */
export function setSessionCookie(c: Context, deps: HttpDeps, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, attributes(deps))
}

export function clearSessionCookie(c: Context, deps: HttpDeps): void {
  deleteCookie(c, SESSION_COOKIE, attributes(deps))
}
