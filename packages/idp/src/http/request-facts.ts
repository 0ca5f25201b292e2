import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { type IdpSession, SESSION_LIFETIME_MS } from '../sessions/idp-sessions'
import type { IdpEnv } from './env'

/** The IdP's session cookie; the SP's is `sp_session`, so that both can live on localhost. */
export const SESSION_COOKIE = 'idp_session'

/** The browser's remembered "Stay signed in?" answer ("Don't show this again"): `yes` or `no`. */
export const STAY_SIGNED_IN_COOKIE = 'idp_kmsi'

/** The client's socket address (never a forwarded header, which any client can forge). */
export function clientAddress(c: Context<IdpEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown'
}

/** The session id the browser presents, if any. */
export function sessionIdOf(c: Context<IdpEnv>): string | undefined {
  const value = getCookie(c, SESSION_COOKIE)
  return value && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined
}

/** Sets or clears the session cookie: HttpOnly, SameSite=Lax, Secure under https, no SAML data. */
export function applySession(
  c: Context<IdpEnv>,
  baseUrl: string,
  session: 'keep' | 'end' | IdpSession,
): void {
  if (session === 'keep') return
  const secure = baseUrl.startsWith('https:')
  if (session === 'end') {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
    return
  }
  setCookie(c, SESSION_COOKIE, session.id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    // The cookie is set when the session starts, so its whole lifetime is left.
    ...(session.persistent ? { maxAge: SESSION_LIFETIME_MS / 1000 } : {}),
  })
}

/** CSRF's second line: a form POST must come from the IdP's own origin (the flow token is the first). */
export function isSameOrigin(c: Context<IdpEnv>, baseUrl: string): boolean {
  const origin = c.req.header('origin')
  return origin !== undefined && origin === new URL(baseUrl).origin
}

/**
 * Form fields as strings only (file parts and repeated names are not accepted as values). A body
 * that does not parse as the form it claims to be (a multipart type without a boundary, a cut
 * multipart body) reads as an empty form, so the endpoint answers with its "missing field" 4xx.
 */
export async function formFields(c: Context<IdpEnv>): Promise<Record<string, string | undefined>> {
  const type = c.req.header('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return {}
  let body: Awaited<ReturnType<typeof c.req.parseBody>>
  try {
    body = await c.req.parseBody()
  } catch {
    return {}
  }
  const out: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(body)) out[name] = typeof value === 'string' ? value : undefined
  return out
}
