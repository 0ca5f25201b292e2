/**
 * A cookie jar with browser semantics (RFC 6265bis): cookies are scoped by host (domain) and
 * path, not by port, exactly as a browser scopes them, so two servers on `localhost` see each
 * other's cookies and must use distinct names (the sandbox's do: `idp_session`, `sp_session`).
 * SameSite is honoured for top-level navigations: Strict cookies stay on same-site requests,
 * Lax cookies also go on cross-site GET navigations, None cookies (Secure) go everywhere.
 */

/** One stored cookie. */
export interface StoredCookie {
  readonly name: string
  readonly value: string
  /** Lowercase host the cookie belongs to. */
  readonly domain: string
  /** True when the cookie had no Domain attribute: exact host match only. */
  readonly hostOnly: boolean
  readonly path: string
  readonly secure: boolean
  readonly httpOnly: boolean
  readonly sameSite: 'strict' | 'lax' | 'none'
  /** Expiry in ms since epoch, or null for a session cookie. */
  readonly expiresAt: number | null
}

/** The navigation a request belongs to, which decides SameSite. */
export interface NavigationContext {
  readonly method: string
  /** The URL of the page that started this navigation (null for a typed URL). */
  readonly initiator: URL | null
}

/** "Schemeful same-site": same scheme and same registrable host (ports are ignored). */
export function isSameSite(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && siteOf(a.hostname) === siteOf(b.hostname)
}

function siteOf(host: string): string {
  // Loopback names and IPs are their own site; for names, the last two labels approximate the
  // registrable domain (enough for a sandbox that never leaves localhost).
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host
  return host.split('.').slice(-2).join('.')
}

function defaultPath(url: URL): string {
  const path = url.pathname
  if (!path.startsWith('/') || path.lastIndexOf('/') === 0) return '/'
  return path.slice(0, path.lastIndexOf('/'))
}

function domainMatches(host: string, cookie: StoredCookie): boolean {
  if (cookie.hostOnly) return host === cookie.domain
  return host === cookie.domain || host.endsWith(`.${cookie.domain}`)
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'
}

/** A browser-like cookie jar. */
export class CookieJar {
  private cookies: StoredCookie[] = []

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the cookies of one `Set-Cookie` header received from `url`. */
  store(url: URL, setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';')
    const eq = pair.indexOf('=')
    if (eq <= 0) return
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    let domain = url.hostname.toLowerCase()
    let hostOnly = true
    let path = defaultPath(url)
    let secure = false
    let httpOnly = false
    let sameSite: StoredCookie['sameSite'] = 'lax'
    let expiresAt: number | null = null
    for (const attribute of attributes) {
      const [rawKey = '', ...rest] = attribute.split('=')
      const key = rawKey.trim().toLowerCase()
      const attributeValue = rest.join('=').trim()
      if (key === 'domain' && attributeValue) {
        const requested = attributeValue.replace(/^\./, '').toLowerCase()
        // A server may only set cookies for its own host or a parent domain of it.
        if (domain !== requested && !domain.endsWith(`.${requested}`)) return
        domain = requested
        hostOnly = false
      } else if (key === 'path' && attributeValue.startsWith('/')) path = attributeValue
      else if (key === 'secure') secure = true
      else if (key === 'httponly') httpOnly = true
      else if (key === 'samesite') {
        const mode = attributeValue.toLowerCase()
        sameSite = mode === 'strict' || mode === 'none' ? mode : 'lax'
      } else if (key === 'max-age' && /^-?\d+$/.test(attributeValue))
        expiresAt = this.now() + Number(attributeValue) * 1000
      else if (key === 'expires' && expiresAt === null) {
        const at = Date.parse(attributeValue)
        if (!Number.isNaN(at)) expiresAt = at
      }
    }
    if (secure && url.protocol !== 'https:' && url.hostname !== 'localhost') return
    if (sameSite === 'none' && !secure) sameSite = 'lax'
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.domain === domain && c.path === path))
    if (expiresAt !== null && expiresAt <= this.now()) return
    this.cookies.push({ name, value, domain, hostOnly, path, secure, httpOnly, sameSite, expiresAt })
  }

  /** The `Cookie` header value for a request to `url` in `context`, or '' when none apply. */
  headerFor(url: URL, context: NavigationContext): string {
    const now = this.now()
    this.cookies = this.cookies.filter((c) => c.expiresAt === null || c.expiresAt > now)
    const host = url.hostname.toLowerCase()
    const crossSite = context.initiator !== null && !isSameSite(context.initiator, url)
    const safeMethod = context.method === 'GET' || context.method === 'HEAD'
    return this.cookies
      .filter((c) => domainMatches(host, c) && pathMatches(url.pathname, c.path))
      .filter((c) => !c.secure || url.protocol === 'https:' || host === 'localhost')
      .filter((c) => !crossSite || c.sameSite === 'none' || (c.sameSite === 'lax' && safeMethod))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
  }

  /** Every cookie for `url`'s host, for inspection (tests, the CLI's session output). */
  cookiesFor(url: URL): StoredCookie[] {
    const host = url.hostname.toLowerCase()
    return this.cookies.filter((c) => domainMatches(host, c))
  }
}
