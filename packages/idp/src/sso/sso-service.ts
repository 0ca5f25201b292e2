// sso/: SAML sign-in and logout: the request check tables, the sign-in page's flow, issued Responses, My Apps launches.
import { clientSourceOf } from '@sandbox/shared'
import { findUser } from '../directory/users'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type AadstsError, aadstsMessage } from '../errors/catalogue'
import type { IdpSession } from '../sessions/idp-sessions'
import { AUTHN_REQUEST_CHECKS, samlSignInOf } from './authn-request-checks'
import type { SamlEndpointInput } from './decode-message'
import { answerIssued, assertionFaultOf } from './fault-answers'
import { issueResponse } from './issue-response'
import { createLogoutHandler } from './logout'
import type { SsoResult } from './outcome'
import type { PendingSignIn, PortalTarget, SamlSignIn } from './pending-sign-ins'
import type { RequestRejection } from './request-rejection'
import { SAML_MESSAGE_CHECKS } from './saml-message-checks'
import { signInOutcomes } from './sign-in-outcomes'
import type { BrowserCaller, SsoDeps } from './sso-deps'
import { statusResponse } from './status-response'

/** The application id Entra's sign-in logs give the Azure portal, which hosts the admin center. */
const ADMIN_CENTER_APP_ID = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'

/**
 * The SAML endpoint and everything that ends in a Response: SP-initiated sign-in (with or
 * without an IdP session), IdP-initiated launches from My Apps and "Test this application",
 * and the continuation after the sign-in page.
 */
export function createSsoService(deps: SsoDeps) {
  const { runtime, store } = deps
  const outcomes = signInOutcomes(deps)
  const logout = createLogoutHandler(deps)

  function signInFirst(
    next: SamlSignIn | PortalTarget,
    correlationId: string,
    loginHint: string | null,
    from: { ip: string; session: IdpSession | null },
  ): SsoResult {
    const owner = { source: clientSourceOf(from.ip), sessionId: from.session?.id ?? null }
    deps.traces.signInPage(correlationId)
    return {
      outcome: { kind: 'sign-in', pending: deps.pending.start(next, { correlationId, loginHint, owner }) },
      session: 'keep',
    }
  }

  /** Issues the Response when a session exists (and ForceAuthn does not ask for a new sign-in), else shows the sign-in page. */
  function proceed(
    signIn: SamlSignIn,
    session: IdpSession | null,
    caller: BrowserCaller,
    correlationId: string,
    loginHint: string | null,
  ): SsoResult {
    const state = store.read()
    // With a session, the sign-in page offers its account ("Pick an account") for ForceAuthn.
    if (!session || signIn.forceAuthn)
      return signInFirst(signIn, correlationId, loginHint, { ip: caller.ip, session })
    const app = appByServicePrincipalId(state, signIn.servicePrincipalId)
    const fault = app ? deps.faults.peek(app.application.appId) : null
    const issued = issueResponse(deps, state, signIn, session, assertionFaultOf(fault))
    const facts = { correlationId, ip: caller.ip, initiatedBy: signIn.initiatedBy }
    if (issued.ok) return answerIssued(deps, issued.value, signIn, session, facts, fault)
    if (issued.error.reauthenticate || !issued.error.error) {
      deps.sessions.end(session.id)
      return {
        ...signInFirst(signIn, correlationId, loginHint, { ip: caller.ip, session: null }),
        session: 'end',
      }
    }
    return {
      outcome: outcomes.fail(issued.error.error, {
        ...facts,
        app: issued.error.app,
        user: issued.error.user,
      }),
      session: 'keep',
    }
  }

  function receive(
    tenant: string,
    input: SamlEndpointInput,
    caller: BrowserCaller & { loginHint: string | null },
  ): SsoResult {
    const state = store.read()
    const correlationId = runtime.ids.guid()
    const facts = { correlationId, ip: caller.ip, user: null, initiatedBy: 'sp' as const }
    const reject = (rejection: RequestRejection): SsoResult =>
      rejection.kind === 'page'
        ? { outcome: outcomes.fail(rejection.error, { ...facts, app: rejection.app }), session: 'keep' }
        : statusResponse(deps, rejection, correlationId, caller.ip)
    const received = SAML_MESSAGE_CHECKS.run({ state, tenantPath: tenant, input })
    const endpoint = `${deps.url}/${tenant}/saml2`
    if (!received.ok) {
      deps.traces.requestReceived(correlationId, input, endpoint)
      deps.traces.requestChecked(correlationId, aadstsMessage(received.error.rejection.error), null)
      return reject(received.error.rejection)
    }
    const { message } = received.value
    const session = deps.sessions.get(caller.sessionId)
    if (message.kind !== 'AuthnRequest') return logout.receive(message, session, caller)
    deps.traces.requestReceived(correlationId, input, endpoint)
    const checked = AUTHN_REQUEST_CHECKS.run({ state, message, session })
    if (!checked.ok) {
      deps.traces.requestChecked(correlationId, aadstsMessage(checked.error.rejection.error), null)
      return reject(checked.error.rejection)
    }
    deps.traces.requestChecked(correlationId, null, checked.value.app?.servicePrincipal.displayName ?? null)
    return proceed(samlSignInOf(checked.value), session, caller, correlationId, caller.loginHint)
  }

  /**
   * My Apps tile and "Test this application": with a Sign-on URL, a redirect there (the app
   * starts SP-initiated sign-in, the Webex case); without one, an IdP-initiated Response to the
   * default reply URL (AADSTS900971 when several exist and none is default).
   */
  function launch(servicePrincipalId: string, via: 'my-apps' | 'test', caller: BrowserCaller): SsoResult {
    const state = store.read()
    const correlationId = runtime.ids.guid()
    const app = appByServicePrincipalId(state, servicePrincipalId) ?? null
    const session = deps.sessions.get(caller.sessionId)
    const facts = {
      correlationId,
      ip: caller.ip,
      app,
      user: session ? (findUser(state, session.userId) ?? null) : null,
      initiatedBy: 'idp' as const,
    }
    const fail = (error: AadstsError): SsoResult => ({
      outcome: outcomes.fail(error, facts),
      session: 'keep',
    })
    if (app?.servicePrincipal.preferredSingleSignOnMode !== 'saml') {
      return fail({
        code: 'AADSTS700016',
        identifier: servicePrincipalId,
        tenantName: state.tenant.displayName,
        lookup: app ? { by: 'launch', appName: app.servicePrincipal.displayName } : { by: 'id' },
      })
    }
    if (!session)
      return signInFirst({ kind: 'launch', servicePrincipalId, via }, correlationId, null, {
        ip: caller.ip,
        session: null,
      })
    if (app.servicePrincipal.loginUrl)
      return { outcome: { kind: 'redirect', location: app.servicePrincipal.loginUrl }, session: 'keep' }
    deps.traces.launched(correlationId, app.servicePrincipal.displayName)
    if (app.saml.requestVerification.required) {
      return fail({ code: 'AADSTS76021', during: 'idp-initiated' })
    }
    const replyUrls = app.application.replyUrls
    if (replyUrls.length === 0) return fail({ code: 'AADSTS500113' })
    const reply = replyUrls.length === 1 ? replyUrls[0] : replyUrls.find((r) => r.isDefault)
    if (!reply) {
      return fail({ code: 'AADSTS900971', replyUrlCount: replyUrls.length })
    }
    const audience = app.application.defaultIdentifier ?? app.application.identifierUris[0]
    if (!audience) {
      return fail({
        code: 'AADSTS700016',
        identifier: '',
        tenantName: state.tenant.displayName,
        lookup: { by: 'launch-without-identifier' },
      })
    }
    const signIn: SamlSignIn = {
      kind: 'saml',
      servicePrincipalId: app.servicePrincipal.id,
      requestId: null,
      acsUrl: reply.url,
      audience,
      relayState: app.servicePrincipal.relayState ?? undefined,
      forceAuthn: false,
      nameIdPolicy: null,
      requestedClassRefs: null,
      initiatedBy: 'idp',
    }
    return proceed(signIn, session, caller, correlationId, null)
  }

  return {
    receive,
    launch,

    /** Where a completed sign-in goes next: the Response, My Apps, or a launch. */
    continueAfterSignIn(pending: PendingSignIn, session: IdpSession, ip: string): SsoResult {
      const caller = { sessionId: session.id, ip }
      const next = pending.next
      if (next.kind === 'saml')
        return proceed({ ...next, forceAuthn: false }, session, caller, pending.correlationId, null)
      if (next.kind === 'my-apps')
        return { outcome: { kind: 'redirect', location: '/myapps' }, session: 'keep' }
      if (next.kind === 'console') {
        const started = deps.consoleSessions.start(session.userId)
        const user = findUser(store.read(), session.userId)
        const upn = user?.userPrincipalName ?? ''
        // The admin center is an app of its own in Entra's sign-in logs ("Azure Portal").
        deps.log.record({
          id: runtime.ids.guid(),
          createdDateTime: new Date(runtime.clock.now()).toISOString(),
          userId: user?.id ?? null,
          userPrincipalName: user?.userPrincipalName ?? null,
          userDisplayName: user?.displayName ?? null,
          appId: ADMIN_CENTER_APP_ID,
          appDisplayName: 'Microsoft Entra admin center',
          servicePrincipalId: null,
          ipAddress: ip,
          correlationId: pending.correlationId,
          errorCode: 0,
          status: 'success',
          failureReason: null,
          initiatedBy: 'idp',
        })
        return {
          outcome: {
            kind: 'console',
            cookie: started?.cookie ?? null,
            returnTo: next.returnTo,
            userPrincipalName: upn,
          },
          session: 'keep',
        }
      }
      return launch(next.servicePrincipalId, next.via, caller)
    },

    /** Starts a sign-in for a portal page (My Apps, the admin center) when the browser has no session. */
    signInFor(target: PortalTarget, ip: string): SsoResult {
      return signInFirst(target, runtime.ids.guid(), null, { ip, session: null })
    },
  }
}

/** The SSO service's interface. */
export type SsoService = ReturnType<typeof createSsoService>
