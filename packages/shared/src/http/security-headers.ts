import type { Context, MiddlewareHandler } from 'hono'
import { NONCE, secureHeaders } from 'hono/secure-headers'

/** Context variables the security headers read. */
export interface SecurityVariables {
  /** Extra origins this response's forms may post to (the IdP's auto-post form to an ACS). */
  formActionOrigins?: readonly string[]
  secureHeadersNonce?: string
}

function formAction(c: Context): string {
  const extra = (c.get('formActionOrigins' as never) as readonly string[] | undefined) ?? []
  return ["'self'", ...extra].join(' ')
}

/**
 * Security headers for every page of both servers: a strict CSP whose only script is the
 * nonce'd auto-submit of the SAML POST binding, no framing, no referrer leakage of SAML
 * query strings. `form-action` can be widened per response to the one ACS a form posts to.
 */
export function sandboxSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [NONCE],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: [(c) => formAction(c)],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: 'same-origin',
  })
}
