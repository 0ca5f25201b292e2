import { err, ok, type Result, secretMatches } from '@sandbox/shared'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { aadstsText } from '../errors/catalogue'
import { isThisTenant } from '../state/tenant-path'
import type { SsoResult } from './outcome'
import type { PendingSignIn } from './pending-sign-ins'
import { signInOutcomes } from './sign-in-outcomes'
import type { BrowserCaller, SsoDeps } from './sso-deps'
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
      readonly page: SignInPageModel
      /** Set when the account is locked (AADSTS50053): how long until it may try again. */
      readonly lockedForSeconds: number | null
    }
  | { readonly kind: 'result'; readonly result: SsoResult }

/** Entra's sign-in page texts. */
const SIGN_IN_TEXT = {
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
  const outcomes = signInOutcomes(deps)

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
      outcome: outcomes.fail(
        { code: 'AADSTS50089' },
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
          outcome: outcomes.fail(
            { code: 'AADSTS90002', tenant },
            {
              correlationId: deps.runtime.ids.guid(),
              ip,
              app: null,
              user: null,
              initiatedBy: 'sp',
            },
          ),
          session: 'keep',
        })
      }
      const pending = deps.pending.get(ctx)
      if (!pending) return err(expired(deps.runtime.ids.guid(), ip))
      return ok(model(pending, pending.loginHint ?? '', null))
    },

    async submit(tenant: string, form: SignInForm, caller: BrowserCaller): Promise<SignInSubmission> {
      const state = deps.store.read()
      if (!isThisTenant(state, tenant)) {
        return {
          kind: 'result',
          result: {
            outcome: outcomes.fail(
              { code: 'AADSTS90002', tenant },
              {
                correlationId: deps.runtime.ids.guid(),
                ip: caller.ip,
                app: null,
                user: null,
                initiatedBy: 'sp',
              },
            ),
            session: 'keep',
          },
        }
      }
      const pending = deps.pending.get(form.ctx)
      if (!pending || !secretMatches(form.flowToken ?? '', pending.flowToken)) {
        return {
          kind: 'result',
          result: expired(pending?.correlationId ?? deps.runtime.ids.guid(), caller.ip),
        }
      }
      const login = (form.login ?? '').trim().slice(0, 256)
      const password = form.passwd ?? ''
      const again = (error: string, lockedForSeconds: number | null = null): SignInSubmission => ({
        kind: 'form',
        page: model(pending, login, error),
        lockedForSeconds,
      })
      if (login.length === 0) return again(SIGN_IN_TEXT.noLogin)
      if (password.length === 0 || password.length > 256) return again(SIGN_IN_TEXT.noPassword)
      const checked = await deps.credentials.check(login, password, caller.ip)
      if (!checked.ok) {
        const refusal = checked.error
        outcomes.record(
          {
            correlationId: pending.correlationId,
            ip: caller.ip,
            app: null,
            user: null,
            initiatedBy: 'sp',
            error: refusal,
            failureReason: aadstsText(refusal),
          },
          deps.runtime.ids.guid(),
        )
        if (refusal.code === 'AADSTS50053') return again(SIGN_IN_TEXT.locked, refusal.retryAfterSeconds)
        return again(refusal.code === 'AADSTS50057' ? SIGN_IN_TEXT.disabled : SIGN_IN_TEXT.wrongCredentials)
      }
      deps.pending.finish(pending.id)
      deps.sessions.end(caller.sessionId)
      const session = deps.sessions.create(checked.value.id)
      const result = sso.continueAfterSignIn(pending, session, caller.ip)
      return {
        kind: 'result',
        result: { ...result, session: result.session === 'end' ? 'end' : session },
      }
    },
  }
}
