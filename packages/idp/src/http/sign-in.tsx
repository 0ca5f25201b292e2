import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getCookie, setCookie } from 'hono/cookie'
import type { RememberedAnswer, SignInSubmission } from '../sso/sign-in-steps'
import { ForgotPasswordPage, type SignInAddresses, SignInPage } from '../views/sign-in-page'
import { signOutBrowser } from './browser-sign-out'
import type { HttpDeps, IdpEnv } from './env'
import { renderResult } from './render-outcome'
import { clientAddress, formFields, isSameOrigin, STAY_SIGNED_IN_COOKIE, sessionIdOf } from './request-facts'

const REMEMBERED_FOR_SECONDS = 365 * 24 * 3600

function addresses(tenant: string): SignInAddresses {
  return {
    login: `/${tenant}/login`,
    pick: `/${tenant}/login/pick`,
    staySignedIn: `/${tenant}/kmsi`,
    forgotPassword: `/${tenant}/login/forgot`,
  }
}

function rememberedAnswer(c: Context<IdpEnv>): RememberedAnswer | null {
  const value = getCookie(c, STAY_SIGNED_IN_COOKIE)
  return value === 'yes' || value === 'no' ? value : null
}

const formLimit = () =>
  bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('The sign-in form is too large.', 413) })

/**
 * The sign-in page (`/{tenant}/login`: the account, then the password), "Pick an account"
 * (`/login/pick`), "Stay signed in?" (`/{tenant}/kmsi`), and the IdP sign-out (`/{tenant}/logout`).
 * Every POST must come from this origin and carry its step's flow token.
 */
export function signInRoutes(deps: HttpDeps) {
  const answer = (c: Context<IdpEnv>, submitted: SignInSubmission) => {
    const tenant = c.req.param('tenant') ?? ''
    if (submitted.kind === 'result') {
      if (submitted.remember)
        setCookie(c, STAY_SIGNED_IN_COOKIE, submitted.remember, {
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
          secure: deps.url.startsWith('https:'),
          maxAge: REMEMBERED_FOR_SECONDS,
        })
      return renderResult(c, deps, submitted.result)
    }
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
    const locked = submitted.lockedForSeconds !== null
    if (locked) headers['Retry-After'] = String(submitted.lockedForSeconds)
    return c.html(<SignInPage to={addresses(tenant)} step={submitted.page} />, locked ? 429 : 200, headers)
  }
  const foreign = (c: Context<IdpEnv>) =>
    isSameOrigin(c, deps.url)
      ? null
      : c.text('The sign-in form must be posted from this site (the Origin header does not match).', 403)
  const caller = (c: Context<IdpEnv>) => ({ sessionId: sessionIdOf(c), ip: clientAddress(c) })

  return new Hono<IdpEnv>()
    .get('/:tenant/login', (c) => {
      const tenant = c.req.param('tenant')
      const step = deps.services.signIn.page(tenant, c.req.query('ctx'), {
        ...caller(c),
        askAccount: c.req.query('step') === 'email',
      })
      if (!step.ok) return renderResult(c, deps, step.error)
      return c.html(<SignInPage to={addresses(tenant)} step={step.value} />, 200, {
        'Cache-Control': 'no-store',
      })
    })
    .get('/:tenant/login/forgot', (c) => {
      const back = `${addresses(c.req.param('tenant')).login}?ctx=${encodeURIComponent(c.req.query('ctx') ?? '')}`
      return c.html(<ForgotPasswordPage back={back} />, 200, { 'Cache-Control': 'no-store' })
    })
    .post('/:tenant/login', formLimit(), async (c) => {
      const refused = foreign(c)
      if (refused) return refused
      const form = await formFields(c)
      const submitted = await deps.services.signIn.submit(c.req.param('tenant'), form, {
        ...caller(c),
        remembered: rememberedAnswer(c),
      })
      return answer(c, submitted)
    })
    .post('/:tenant/login/pick', formLimit(), async (c) => {
      const refused = foreign(c)
      if (refused) return refused
      const form = await formFields(c)
      return answer(c, deps.services.signIn.pick(c.req.param('tenant'), form, caller(c)))
    })
    .post('/:tenant/kmsi', formLimit(), async (c) => {
      const refused = foreign(c)
      if (refused) return refused
      const form = await formFields(c)
      return answer(c, deps.services.signIn.staySignedIn(c.req.param('tenant'), form, caller(c)))
    })
    .get('/:tenant/logout', (c) => {
      signOutBrowser(c, deps)
      return renderResult(c, deps, { outcome: { kind: 'signed-out', note: null }, session: 'keep' })
    })
}
