import type { Context, MiddlewareHandler } from 'hono'
import { NONCE, secureHeaders } from 'hono/secure-headers'

/** Context variables the security headers read. */
export interface SecurityVariables {
  /** Extra origins this response's forms may post to (the IdP's auto-post form to an ACS). */
  formActionOrigins?: readonly string[]
  secureHeadersNonce?: string
}

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d+)?$/

function extraFormActions(c: Context): string[] {
  const extra = (c.get('formActionOrigins' as never) as readonly string[] | undefined) ?? []
  // Only plain origins reach the header: a value can never add another directive.
  return extra.filter((origin) => ORIGIN.test(origin))
}

/**
 * Security headers for every page of both servers: a strict CSP whose only inline script is the
 * nonce'd auto-submit of the SAML POST binding (script files come from the server itself), no framing, no referrer leakage of SAML
 * query strings to other sites. `form-action` can be widened per response to the one ACS a form posts to:
 * a handler sets `c.set('formActionOrigins', [origin])`, and the directive is rewritten after
 * the handler ran (hono's secureHeaders computes its callbacks before the handler, too early).
 */
export function sandboxSecurityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // 'self' lets the consoles load their own script files (copy buttons, panes); the nonce
      // remains the only way to run inline script (the SAML POST binding's auto-submit).
      scriptSrc: [NONCE, "'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with every
    // form POST, which would fail the sign-in form's Origin check; same-origin still keeps SAML
    // query strings from leaking to other sites.
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: 'same-origin',
  })
  return async (c, next) => {
    await headers(c, next)
    const extra = extraFormActions(c)
    const csp = c.res.headers.get('Content-Security-Policy')
    if (extra.length > 0 && csp) {
      c.res.headers.set(
        'Content-Security-Policy',
        csp.replace(/form-action [^;]*/, `form-action 'self' ${extra.join(' ')}`),
      )
    }
  }
}
