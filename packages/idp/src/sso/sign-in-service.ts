import { type DeepReadonly, err, ok, type Result, secretMatches } from '@sandbox/shared'
import { findUser, signInAccountOf } from '../directory/users'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { aadstsText } from '../errors/catalogue'
import type { DirectoryUser } from '../state/idp-state'
import { isThisTenant } from '../state/tenant-path'
import type { SsoResult } from './outcome'
import type { PendingSignIn } from './pending-sign-ins'
import { signInOutcomes } from './sign-in-outcomes'
import {
  type RememberedAnswer,
  SIGN_IN_TEXT,
  type SignInForm,
  type SignInStep,
  type SignInSubmission,
} from './sign-in-steps'
import type { BrowserCaller, SsoDeps } from './sso-deps'
import type { SsoService } from './sso-service'

export type { SignInForm, SignInStep, SignInSubmission } from './sign-in-steps'

/** A caller of the sign-in page: the browser, and the "Stay signed in?" answer it remembers. */
export interface SignInCaller extends BrowserCaller {
  readonly remembered?: RememberedAnswer | null
}

const MAX_LOGIN_LENGTH = 256

/**
 * The sign-in page in Entra's steps: the account (an unknown one is named as such, AADSTS50034),
 * the password (throttled per account and per client source, AADSTS50053; one answer for an
 * unknown account and a wrong password, AADSTS50126; a disabled account only after its password,
 * AADSTS50057), "Stay signed in?", and "Pick an account" when the browser has a session. Every
 * step's form carries a flow token bound to the pending sign-in (CSRF); the token changes once
 * the password is right, and a new session id is issued at the end.
 */
export function createSignInService(deps: SsoDeps, sso: SsoService) {
  const outcomes = signInOutcomes(deps)

  /** The app the sign-in is for, if it is for one (not My Apps or the admin center). */
  function appOf(pending: PendingSignIn) {
    const next = pending.next
    return next.kind === 'saml' || next.kind === 'launch'
      ? appByServicePrincipalId(deps.store.read(), next.servicePrincipalId)
      : undefined
  }

  function base(pending: PendingSignIn) {
    const app = appOf(pending)
    return {
      ctx: pending.id,
      flowToken: pending.flowToken,
      appName: app?.servicePrincipal.displayName ?? null,
    }
  }

  const emailStep = (pending: PendingSignIn, login: string, error: string | null, fromPicker = false) =>
    ({ ...base(pending), step: 'email', login, error, fromPicker }) as const
  const passwordStep = (pending: PendingSignIn, login: string, error: string | null) =>
    ({ ...base(pending), step: 'password', login, error }) as const
  const shown = (page: SignInStep, lockedForSeconds: number | null = null): SignInSubmission => ({
    kind: 'form',
    page,
    lockedForSeconds,
  })

  const noLog = { app: null, user: null, initiatedBy: 'sp' as const }

  function refused(code: 'AADSTS50089', correlationId: string, ip: string): SsoResult {
    return { outcome: outcomes.fail({ code }, { correlationId, ip, ...noLog }), session: 'keep' }
  }

  /** The signed-in user of the browser's session, if it has one. */
  function sessionUser(sessionId: string | undefined) {
    const session = deps.sessions.get(sessionId)
    return session ? findUser(deps.store.read(), session.userId) : undefined
  }

  /** The pending sign-in a POST belongs to, or the result that refuses it (wrong tenant, spent form). */
  function opened(tenant: string, form: SignInForm, ip: string): Result<PendingSignIn, SsoResult> {
    if (!isThisTenant(deps.store.read(), tenant)) {
      const facts = { correlationId: deps.runtime.ids.guid(), ip, ...noLog }
      return err({ outcome: outcomes.fail({ code: 'AADSTS90002', tenant }, facts), session: 'keep' })
    }
    const pending = deps.pending.get(form.ctx)
    if (!pending || !secretMatches(form.flowToken ?? '', pending.flowToken))
      return err(refused('AADSTS50089', pending?.correlationId ?? deps.runtime.ids.guid(), ip))
    return ok(pending)
  }

  /** Ends the sign-in: a new session (rotation), then wherever it was going. */
  function complete(pending: PendingSignIn, userId: string, persistent: boolean, caller: BrowserCaller) {
    deps.pending.finish(pending.id)
    deps.sessions.end(caller.sessionId)
    const session = deps.sessions.create(userId, { persistent })
    const result = sso.continueAfterSignIn(pending, session, caller.ip)
    // The spread keeps what the answer carries besides its outcome (a slow fault's delay).
    return { ...result, session: result.session === 'end' ? ('end' as const) : session }
  }

  /**
   * Entra logs "Stay signed in?" as an interrupted sign-in (AADSTS50140) when it shows the page;
   * the answer then logs the sign-in's own entry under the same correlation id.
   */
  function logStaySignedInInterrupt(
    pending: PendingSignIn,
    user: DeepReadonly<DirectoryUser>,
    ip: string,
  ): void {
    const next = pending.next
    const app = appOf(pending) ?? null
    const error = { code: 'AADSTS50140' } as const
    // My Apps and the admin center are the IdP's own portals, as their own log entries say.
    const initiatedBy = next.kind === 'saml' ? next.initiatedBy : 'idp'
    outcomes.record(
      {
        correlationId: pending.correlationId,
        ip,
        app,
        user,
        initiatedBy,
        error,
        failureReason: aadstsText(error),
      },
      deps.runtime.ids.guid(),
    )
  }

  function email(pending: PendingSignIn, form: SignInForm, ip: string): SignInSubmission {
    const login = (form.login ?? '').trim()
    if (login.length === 0 || login.length > MAX_LOGIN_LENGTH || /\s/.test(login))
      return shown(emailStep(pending, login.slice(0, MAX_LOGIN_LENGTH), SIGN_IN_TEXT.noLogin))
    const state = deps.store.read()
    if (!signInAccountOf(state, login).user) {
      const error = { code: 'AADSTS50034', directory: state.tenant.defaultDomain } as const
      outcomes.record(
        { correlationId: pending.correlationId, ip, ...noLog, error, failureReason: aadstsText(error) },
        deps.runtime.ids.guid(),
      )
      return shown(emailStep(pending, login, SIGN_IN_TEXT.unknownAccount))
    }
    return shown(passwordStep(pending, login, null))
  }

  async function password(
    pending: PendingSignIn,
    form: SignInForm,
    caller: SignInCaller,
  ): Promise<SignInSubmission> {
    const login = (form.login ?? '').trim().slice(0, MAX_LOGIN_LENGTH)
    const secret = form.passwd ?? ''
    if (login.length === 0) return shown(emailStep(pending, login, SIGN_IN_TEXT.noLogin))
    if (secret.length === 0 || secret.length > 256)
      return shown(passwordStep(pending, login, SIGN_IN_TEXT.noPassword))
    const checked = await deps.credentials.check(login, secret, caller.ip)
    if (!checked.ok) {
      const refusal = checked.error
      outcomes.record(
        {
          correlationId: pending.correlationId,
          ip: caller.ip,
          ...noLog,
          error: refusal,
          failureReason: aadstsText(refusal),
        },
        deps.runtime.ids.guid(),
      )
      if (refusal.code === 'AADSTS50053')
        return shown(passwordStep(pending, login, SIGN_IN_TEXT.locked), refusal.retryAfterSeconds)
      const text = refusal.code === 'AADSTS50057' ? SIGN_IN_TEXT.disabled : SIGN_IN_TEXT.wrongCredentials
      return shown(passwordStep(pending, login, text))
    }
    if (caller.remembered)
      return {
        kind: 'result',
        result: complete(pending, checked.value.id, caller.remembered === 'yes', caller),
      }
    const proved = deps.pending.authenticate(pending.id, checked.value.id)
    if (!proved) return { kind: 'result', result: refused('AADSTS50089', pending.correlationId, caller.ip) }
    logStaySignedInInterrupt(proved, checked.value, caller.ip)
    return shown({ ...base(proved), step: 'stay-signed-in', login: checked.value.userPrincipalName })
  }

  return {
    /** The step a GET of the sign-in page shows. */
    page(
      tenant: string,
      ctx: string | undefined,
      caller: BrowserCaller & { readonly askAccount?: boolean },
    ): Result<SignInStep, SsoResult> {
      if (!isThisTenant(deps.store.read(), tenant)) {
        const facts = { correlationId: deps.runtime.ids.guid(), ip: caller.ip, ...noLog }
        return err({ outcome: outcomes.fail({ code: 'AADSTS90002', tenant }, facts), session: 'keep' })
      }
      const pending = deps.pending.get(ctx)
      if (!pending) return err(refused('AADSTS50089', deps.runtime.ids.guid(), caller.ip))
      if (pending.authenticatedUserId) {
        const user = findUser(deps.store.read(), pending.authenticatedUserId)
        return ok({ ...base(pending), step: 'stay-signed-in', login: user?.userPrincipalName ?? '' })
      }
      // The password step's back arrow asks for the account again.
      if (caller.askAccount) return ok(emailStep(pending, pending.loginHint ?? '', null))
      // login_hint names the account: the email step is skipped.
      if (pending.loginHint)
        return ok(passwordStep(pending, pending.loginHint.slice(0, MAX_LOGIN_LENGTH), null))
      const user = sessionUser(caller.sessionId)
      if (user)
        return ok({
          ...base(pending),
          step: 'pick',
          accounts: [{ userPrincipalName: user.userPrincipalName, displayName: user.displayName }],
        })
      return ok(emailStep(pending, '', null))
    },

    /** A POST of the account step, or of the password step (it carries `passwd`). */
    async submit(tenant: string, form: SignInForm, caller: SignInCaller): Promise<SignInSubmission> {
      const pending = opened(tenant, form, caller.ip)
      if (!pending.ok) return { kind: 'result', result: pending.error }
      if (pending.value.authenticatedUserId)
        return { kind: 'result', result: refused('AADSTS50089', pending.value.correlationId, caller.ip) }
      return form.passwd === undefined
        ? email(pending.value, form, caller.ip)
        : password(pending.value, form, caller)
    },

    /** "Pick an account": go on as the signed-in account, or "Use another account". */
    pick(tenant: string, form: SignInForm, caller: BrowserCaller): SignInSubmission {
      const opening = opened(tenant, form, caller.ip)
      if (!opening.ok) return { kind: 'result', result: opening.error }
      const pending = opening.value
      const session = deps.sessions.get(caller.sessionId)
      const user = session ? findUser(deps.store.read(), session.userId) : undefined
      if (form.account !== 'current' || !session || !user) return shown(emailStep(pending, '', null, true))
      // ForceAuthn asks for the password again even though the account is signed in.
      if (pending.next.kind === 'saml' && pending.next.forceAuthn)
        return shown(passwordStep(pending, user.userPrincipalName, null))
      deps.pending.finish(pending.id)
      const result = sso.continueAfterSignIn(pending, session, caller.ip)
      return { kind: 'result', result: { ...result, session: result.session } }
    },

    /** "Stay signed in?": Yes keeps the session past the browser's closing; No does not. */
    staySignedIn(tenant: string, form: SignInForm, caller: BrowserCaller): SignInSubmission {
      const opening = opened(tenant, form, caller.ip)
      if (!opening.ok) return { kind: 'result', result: opening.error }
      const pending = opening.value
      if (!pending.authenticatedUserId)
        return { kind: 'result', result: refused('AADSTS50089', pending.correlationId, caller.ip) }
      const answer: RememberedAnswer = form.staySignedIn === 'yes' ? 'yes' : 'no'
      const result = complete(pending, pending.authenticatedUserId, answer === 'yes', caller)
      return form.dontShowAgain ? { kind: 'result', result, remember: answer } : { kind: 'result', result }
    },
  }
}
