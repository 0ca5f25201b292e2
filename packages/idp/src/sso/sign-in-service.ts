import { err, ok, type Result, secretMatches } from '@sandbox/shared'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { isThisTenant } from '../state/tenant-path'
import { entraError } from './entra-errors'
import type { SsoResult } from './outcome'
import type { PendingSignIn } from './pending-sign-ins'
import { type RequestContext, type SsoDeps, ssoHelpers } from './sso-context'
import type { SsoService } from './sso-service'

/** What the sign-in page shows. */
export interface SignInPageModel {
  readonly ctx: string
  readonly flowToken: string
  readonly login: string
  /** "to continue to {app}". */
  readonly appName: string | null
  readonly error: string | null
}

/** The sign-in form as posted. */
export interface SignInForm {
  readonly ctx?: string | undefined
  readonly flowToken?: string | undefined
  readonly login?: string | undefined
  readonly passwd?: string | undefined
}

/** After a POST of the form: the form again (with an error), or where to go. */
export type SignInSubmission =
  | {
      readonly kind: 'form'
      readonly status: 200 | 429
      readonly page: SignInPageModel
      readonly retryAfterSeconds: number | null
    }
  | { readonly kind: 'result'; readonly result: SsoResult }

/** Entra's sign-in page texts. */
export const SIGN_IN_TEXT = {
  wrongCredentials:
    "Your account or password is incorrect. If you don't remember your password, reset it now.",
  locked:
    'Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin.',
  disabled: 'Your account has been locked. Contact your support person to unlock it, then try again.',
  noLogin: 'Enter a valid email address, phone number, or Skype name.',
  noPassword: 'Please enter your password.',
} as const

/**
 * The sign-in page (account and password): CSRF-protected by a flow token bound to the pending
 * sign-in, throttled per account and per client source (AADSTS50053), identical answers for unknown
 * accounts and wrong passwords, a new session id on success.
 */
export function createSignInService(deps: SsoDeps, sso: SsoService) {
  const h = ssoHelpers(deps)

  function model(pending: PendingSignIn, login: string, error: string | null): SignInPageModel {
    const next = pending.next
    const app =
      next.kind === 'saml' || next.kind === 'launch'
        ? appByServicePrincipalId(deps.store.read(), next.servicePrincipalId)
        : undefined
    return {
      ctx: pending.id,
      flowToken: pending.flowToken,
      login,
      appName: app?.servicePrincipal.displayName ?? null,
      error,
    }
  }

  function expired(correlationId: string, ip: string): SsoResult {
    return {
      outcome: h.fail(
        entraError(
          { code: 'AADSTS50089' },
          'The sign-in page was open too long or was already used; start the sign-in again from the app.',
        ),
        { correlationId, ip, app: null, user: null, initiatedBy: 'sp' },
      ),
      session: 'keep',
    }
  }

  return {
    page(tenant: string, ctx: string | undefined, ip: string): Result<SignInPageModel, SsoResult> {
      const state = deps.store.read()
      if (!isThisTenant(state, tenant)) {
        return err({
          outcome: h.fail(entraError({ code: 'AADSTS90002', tenant }), {
            correlationId: deps.runtime.ids.guid(),
            ip,
            app: null,
            user: null,
            initiatedBy: 'sp',
          }),
          session: 'keep',
        })
      }
      const pending = deps.pending.get(ctx)
      if (!pending) return err(expired(deps.runtime.ids.guid(), ip))
      return ok(model(pending, pending.loginHint ?? '', null))
    },

    async submit(tenant: string, form: SignInForm, ctx: RequestContext): Promise<SignInSubmission> {
      const state = deps.store.read()
      if (!isThisTenant(state, tenant)) {
        return {
          kind: 'result',
          result: {
            outcome: h.fail(entraError({ code: 'AADSTS90002', tenant }), {
              correlationId: deps.runtime.ids.guid(),
              ip: ctx.ip,
              app: null,
              user: null,
              initiatedBy: 'sp',
            }),
            session: 'keep',
          },
        }
      }
      const pending = deps.pending.get(form.ctx)
      if (!pending || !secretMatches(form.flowToken ?? '', pending.flowToken)) {
        return { kind: 'result', result: expired(pending?.correlationId ?? deps.runtime.ids.guid(), ctx.ip) }
      }
      const login = (form.login ?? '').trim().slice(0, 256)
      const password = form.passwd ?? ''
      const again = (
        status: 200 | 429,
        error: string,
        retryAfterSeconds: number | null = null,
      ): SignInSubmission => ({
        kind: 'form',
        status,
        page: model(pending, login, error),
        retryAfterSeconds,
      })
      if (login.length === 0) return again(200, SIGN_IN_TEXT.noLogin)
      if (password.length === 0 || password.length > 256) return again(200, SIGN_IN_TEXT.noPassword)
      const facts = {
        correlationId: pending.correlationId,
        ip: ctx.ip,
        app: null,
        user: null,
        initiatedBy: 'sp' as const,
        error: null,
      }
      const checked = await deps.credentials.check(login, password, ctx.ip)
      if (!checked.ok) {
        if (checked.error.code === 'LOCKED') {
          h.record(
            { ...facts, errorCode: 50053, failureReason: SIGN_IN_TEXT.locked },
            deps.runtime.ids.guid(),
          )
          return again(429, SIGN_IN_TEXT.locked, checked.error.retryAfterSeconds)
        }
        if (checked.error.code === 'ACCOUNT_DISABLED') {
          h.record(
            { ...facts, errorCode: 50057, failureReason: 'The user account is disabled.' },
            deps.runtime.ids.guid(),
          )
          return again(200, SIGN_IN_TEXT.disabled)
        }
        h.record(
          {
            ...facts,
            errorCode: 50126,
            failureReason: 'Error validating credentials due to invalid username or password.',
          },
          deps.runtime.ids.guid(),
        )
        return again(200, SIGN_IN_TEXT.wrongCredentials)
      }
      deps.pending.finish(pending.id)
      deps.sessions.end(ctx.sessionId)
      const session = deps.sessions.create(checked.value.id)
      const result = sso.continueAfterSignIn(pending, session, ctx.ip)
      return {
        kind: 'result',
        result: { outcome: result.outcome, session: result.session === 'end' ? 'end' : session },
      }
    },
  }
}
