import { locationHeaderValue, ok, type Result } from '@sandbox/shared'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { fail, type SpError, spError } from '../errors/catalogue'
import type { Outbound } from '../sign-in/authn-request'
import { AutoPostForm } from '../views/sign-in-pages'
import { type HttpDeps, NO_STORE, type SpEnv } from './env'
import { textError } from './error-responses'

/** The largest form the ACS and the SLO endpoint read: real SAML messages are under 20 KB. */
const SAML_FORM_LIMIT = 512 * 1024

/** Sends the browser on: a redirect, or a form that posts itself (the CSP allows its target). */
export function sendOutbound(c: Context<SpEnv>, outbound: Outbound): Response | Promise<Response> {
  if (outbound.kind === 'redirect') return c.redirect(locationHeaderValue(outbound.url), 302)
  c.set('formActionOrigins', [new URL(outbound.action).origin])
  return c.html(
    <AutoPostForm action={outbound.action} fields={outbound.fields} nonce={c.get('secureHeadersNonce')} />,
    200,
    NO_STORE,
  )
}

/** Paths under `/idb/.../metaAlias/:orgId/sp` answer only for this org. */
export function thisOrgOnly(deps: HttpDeps): MiddlewareHandler<SpEnv> {
  return async (c, next) => {
    if (c.req.param('orgId') !== deps.services.org.current().id) return textError(c, spError('ORG_NOT_FOUND'))
    await next()
  }
}

/** The HTTP-POST binding's form: at most 512 KB, or a text error naming the endpoint. */
export function samlFormLimit(what: 'response' | 'logout'): MiddlewareHandler<SpEnv> {
  return bodyLimit({
    maxSize: SAML_FORM_LIMIT,
    onError: (c) => textError(c, spError('BODY_TOO_LARGE', { what })),
  })
}

/** A posted form's text field by name (files and repeated fields are no SAML binding's). */
export type FormField = (name: string) => string | undefined

/** The posted form, or NOT_A_FORM_POST naming the endpoint. */
export async function readSamlForm(
  c: Context<SpEnv>,
  endpoint: 'ACS' | 'SLO endpoint',
): Promise<Result<FormField, SpError>> {
  let form: Record<string, string | File | (string | File)[]>
  try {
    form = await c.req.parseBody()
  } catch {
    return fail('NOT_A_FORM_POST', { endpoint })
  }
  return ok((name) => (typeof form[name] === 'string' ? (form[name] as string) : undefined))
}
