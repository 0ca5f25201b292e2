import type { Context } from 'hono'
import { Hono } from 'hono'
import { CSRF_FIELD } from '../../views/console/actions'
import { ControlHubSignInPage } from '../../views/console/pages/sign-in-page'
import type { HttpDeps, SpEnv } from '../env'
import {
  currentConsoleAdmin,
  endConsoleSession,
  formRefused,
  requireControlHubAdmin,
  safeReturnPath,
  signInFlowToken,
  signInFlowTokenMatches,
  signInUrl,
  startConsoleSession,
} from './console-auth'
import { formText, redirectWithToasts, renderPage } from './console-page'

const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/
const NOT_ADMIN =
  'is not a Control Hub administrator of this organization. Sign in with the administrator the sandbox printed when it started (also in running.json in its data directory).'

function emailField(value?: string) {
  return {
    label: 'Email address',
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    maxLength: 254,
    ...(value ? { value } : {}),
  } as const
}

/**
 * Control Hub's sign-in (E1: the email first, then the org administrator's Webex password), Sign
 * out, and the lock-out recovery `manage-sso` (a one-time PIN the sandbox prints to its console
 * where Webex would email it). The built-in password keeps working after SSO is enabled.
 */
export function consoleSignInRoutes(deps: HttpDeps) {
  const { admin, recovery } = deps.services.controlHub

  function emailStep(
    c: Context,
    returnPath: string,
    options: { email?: string; error?: string; notice?: string } = {},
  ) {
    return (
      <ControlHubSignInPage
        pageTitle="Sign in"
        heading="Enter your email address"
        action="/admin/login"
        csrfToken={signInFlowToken(c, deps)}
        hidden={{ return: returnPath }}
        field={emailField(options.email)}
        submitLabel="Sign In"
        {...(options.error ? { error: options.error } : {})}
        {...(options.notice ? { notice: options.notice } : {})}
        footerLinks={[{ label: 'Locked out by single sign-on?', href: '/manage-sso' }]}
      />
    )
  }

  function passwordStep(c: Context, email: string, returnPath: string, error?: string) {
    return (
      <ControlHubSignInPage
        pageTitle="Sign in"
        heading="Enter your password"
        account={{ email, changeHref: signInUrl(returnPath) }}
        action="/admin/login/password"
        csrfToken={signInFlowToken(c, deps)}
        hidden={{ email, return: returnPath }}
        field={{
          label: 'Password',
          name: 'password',
          type: 'password',
          autocomplete: 'current-password',
          maxLength: 256,
          hint: 'The Control Hub admin password from the sandbox ready banner (or running.json).',
        }}
        submitLabel="Sign In"
        {...(error ? { error } : {})}
      />
    )
  }

  function recoveryEmailStep(c: Context, options: { email?: string; error?: string } = {}) {
    return (
      <ControlHubSignInPage
        pageTitle="Manage SSO"
        heading="Enter your email address"
        intro={
          <p>
            Locked out of Control Hub by single sign-on? Enter the administrator's email address to get a
            one-time PIN. With it you can turn off single sign-on or update its certificates.
          </p>
        }
        action="/manage-sso"
        csrfToken={signInFlowToken(c, deps)}
        hidden={{}}
        field={emailField(options.email)}
        submitLabel="Send PIN"
        {...(options.error ? { error: options.error } : {})}
        footerLinks={[{ label: 'Back to sign in', href: '/admin/login' }]}
      />
    )
  }

  function pinStep(c: Context, email: string, error?: string) {
    return (
      <ControlHubSignInPage
        pageTitle="Manage SSO"
        heading="Enter the PIN"
        account={{ email, changeHref: '/manage-sso' }}
        intro={
          <p>
            Webex would now email a 6-digit PIN to this address. The sandbox sends no email: the PIN is
            printed in the console where the sandbox runs (the terminal of pnpm start). It works once, for 10
            minutes.
          </p>
        }
        action="/manage-sso/pin"
        csrfToken={signInFlowToken(c, deps)}
        hidden={{ email }}
        field={{ label: 'PIN', name: 'pin', type: 'text', autocomplete: 'one-time-code', maxLength: 16 }}
        submitLabel="Sign In"
        {...(error ? { error } : {})}
        footerLinks={[{ label: 'Send a new PIN', href: '/manage-sso' }]}
      />
    )
  }

  const PIN_ERRORS = {
    'no-pin': 'No PIN is waiting for this address (it was used, or never sent). Send a new PIN.',
    expired: 'This PIN has expired (a PIN works for 10 minutes). Send a new PIN.',
    'wrong-pin':
      'That PIN is not right. Type the latest PIN the sandbox console shows (a new one replaces the old).',
    'too-many-tries': 'Too many wrong PINs: this PIN no longer works. Send a new PIN.',
  } as const

  return new Hono<SpEnv>()
    .get('/admin/login', (c) => {
      const returnPath = safeReturnPath(c.req.query('return'))
      if (currentConsoleAdmin(c, deps)) return c.redirect(returnPath, 303)
      const notice = c.req.query('expired')
        ? 'Your session has expired due to inactivity.'
        : c.req.query('signed-out')
          ? 'You have signed out of Control Hub.'
          : undefined
      return renderPage(c, emailStep(c, returnPath, notice ? { notice } : {}))
    })
    .post('/admin/login', async (c) => {
      const form = await c.req.parseBody()
      const returnPath = safeReturnPath(formText(form, 'return'))
      if (!signInFlowTokenMatches(c, deps, form[CSRF_FIELD])) return formRefused(c, signInUrl(returnPath))
      const email = formText(form, 'email', 254).trim()
      if (!EMAIL_SHAPE.test(email))
        return renderPage(
          c,
          emailStep(c, returnPath, {
            email,
            error: 'Enter a valid email address, such as admin@contoso.com.',
          }),
          422,
        )
      if (!admin.isAdminEmail(email))
        return renderPage(c, emailStep(c, returnPath, { email, error: `${email} ${NOT_ADMIN}` }), 422)
      return renderPage(c, passwordStep(c, email, returnPath))
    })
    .post('/admin/login/password', async (c) => {
      const form = await c.req.parseBody()
      const returnPath = safeReturnPath(formText(form, 'return'))
      if (!signInFlowTokenMatches(c, deps, form[CSRF_FIELD])) return formRefused(c, signInUrl(returnPath))
      const email = formText(form, 'email', 254).trim()
      const checked = admin.checkPassword(email, formText(form, 'password', 256))
      if (!checked.ok) {
        if (checked.error === 'unknown-admin')
          return renderPage(c, emailStep(c, returnPath, { email, error: `${email} ${NOT_ADMIN}` }), 422)
        return renderPage(
          c,
          passwordStep(
            c,
            email,
            returnPath,
            'Incorrect password. Use the Control Hub admin password the sandbox printed when it started.',
          ),
          422,
        )
      }
      startConsoleSession(c, deps, checked.value)
      return c.redirect(returnPath, 303)
    })
    .post('/admin/logout', requireControlHubAdmin(deps), (c) => {
      endConsoleSession(c, deps)
      return c.redirect(signInUrl('/admin', 'signed-out'), 303)
    })
    .get('/manage-sso', (c) => renderPage(c, recoveryEmailStep(c)))
    .post('/manage-sso', async (c) => {
      const form = await c.req.parseBody()
      if (!signInFlowTokenMatches(c, deps, form[CSRF_FIELD])) return formRefused(c, '/manage-sso')
      const email = formText(form, 'email', 254).trim()
      if (!EMAIL_SHAPE.test(email))
        return renderPage(
          c,
          recoveryEmailStep(c, { email, error: 'Enter a valid email address, such as admin@contoso.com.' }),
          422,
        )
      if (!admin.isAdminEmail(email))
        return renderPage(c, recoveryEmailStep(c, { email, error: `${email} ${NOT_ADMIN}` }), 422)
      recovery.issue(email)
      return renderPage(c, pinStep(c, email))
    })
    .post('/manage-sso/pin', async (c) => {
      const form = await c.req.parseBody()
      if (!signInFlowTokenMatches(c, deps, form[CSRF_FIELD])) return formRefused(c, '/manage-sso')
      const email = formText(form, 'email', 254).trim()
      const identity = admin.identity()
      const redeemed = recovery.redeem(email, formText(form, 'pin', 16))
      if (!redeemed.ok || !identity)
        return renderPage(c, pinStep(c, email, PIN_ERRORS[redeemed.ok ? 'no-pin' : redeemed.error]), 422)
      startConsoleSession(c, deps, identity)
      return redirectWithToasts(c, deps, '/admin/settings', [{ code: 'recovery-signed-in' }])
    })
}
