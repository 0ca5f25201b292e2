import { clientSourceOf, STATUS } from '@sandbox/shared'
import { findUser } from '../directory/users'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import type { IdpSession } from '../sessions/idp-sessions'
import { isThisTenant } from '../state/tenant-path'
import { readAuthnRequest } from './authn-request'
import { decodeSamlMessage, type SamlEndpointInput } from './decode-message'
import { entraError } from './entra-errors'
import { issueResponse } from './issue-response'
import { createLogoutHandler } from './logout'
import type { SsoResult } from './outcome'
import type { PendingSignIn, PortalTarget, SamlSignIn } from './pending-sign-ins'
import { validateAuthnRequest } from './request-validation'
import { type RequestContext, type SsoDeps, ssoHelpers } from './sso-context'
import { statusResponse } from './status-response'

/**
 * The SAML endpoint and everything that ends in a Response: SP-initiated sign-in (with or
 * without an IdP session), IdP-initiated launches from My Apps and "Test this application",
 * and the continuation after the sign-in page.
 */
export function createSsoService(deps: SsoDeps) {
  const { runtime, store } = deps
  const h = ssoHelpers(deps)
  const logout = createLogoutHandler(deps)

  function signInFirst(
    next: SamlSignIn | PortalTarget,
    correlationId: string,
    loginHint: string | null,
    from: { ip: string; session: IdpSession | null },
  ): SsoResult {
    const owner = { source: clientSourceOf(from.ip), sessionId: from.session?.id ?? null }
    return {
      outcome: { kind: 'sign-in', pending: deps.pending.start(next, { correlationId, loginHint, owner }) },
      session: 'keep',
    }
  }

  /** Issues the Response when a session exists (and ForceAuthn does not ask for a new sign-in), else shows the sign-in page. */
  function proceed(
    signIn: SamlSignIn,
    session: IdpSession | null,
    ctx: RequestContext,
    correlationId: string,
    loginHint: string | null,
  ): SsoResult {
    const state = store.read()
    if (!session || signIn.forceAuthn) {
      const upn = session ? (findUser(state, session.userId)?.userPrincipalName ?? null) : null
      return signInFirst(signIn, correlationId, upn ?? loginHint, { ip: ctx.ip, session })
    }
    const issued = issueResponse(deps, state, signIn, session)
    const facts = { correlationId, ip: ctx.ip, initiatedBy: signIn.initiatedBy }
    if (issued.ok) return { outcome: h.deliver(issued.value, session, facts), session: 'keep' }
    if (issued.error.reauthenticate || !issued.error.error) {
      deps.sessions.end(session.id)
      return {
        ...signInFirst(signIn, correlationId, loginHint, { ip: ctx.ip, session: null }),
        session: 'end',
      }
    }
    return {
      outcome: h.fail(issued.error.error, { ...facts, app: issued.error.app, user: issued.error.user }),
      session: 'keep',
    }
  }

  function receive(
    tenant: string,
    input: SamlEndpointInput,
    ctx: RequestContext & { loginHint: string | null },
  ): SsoResult {
    const state = store.read()
    const correlationId = runtime.ids.guid()
    const facts = { correlationId, ip: ctx.ip, app: null, user: null, initiatedBy: 'sp' as const }
    const fail = (
      error: Parameters<typeof h.fail>[0],
      app: Parameters<typeof h.fail>[1]['app'] = null,
    ): SsoResult => ({
      outcome: h.fail(error, { ...facts, app }),
      session: 'keep',
    })
    if (!isThisTenant(state, tenant)) return fail(entraError({ code: 'AADSTS90002', tenant }))
    const message = decodeSamlMessage(input)
    if (!message.ok) return fail(message.error)
    const session = deps.sessions.get(ctx.sessionId)
    if (message.value.kind !== 'AuthnRequest') return logout.receive(message.value, session, ctx)
    const request = readAuthnRequest(message.value.root)
    if (!request.ok) {
      return fail(
        request.error.code === 'INVALID_ID'
          ? entraError({ code: 'AADSTS7500529', id: request.error.id })
          : entraError({ code: 'AADSTS75005', detail: request.error.detail }, request.error.detail),
      )
    }
    const validated = validateAuthnRequest(state, request.value, message.value)
    if (!validated.ok) {
      const rejection = validated.error
      if (rejection.kind === 'page') return fail(rejection.error, rejection.app)
      return statusResponse(deps, rejection, correlationId, ctx.ip)
    }
    if (request.value.isPassive && (!session || request.value.forceAuthn)) {
      const app = appByServicePrincipalId(state, validated.value.servicePrincipalId) ?? null
      return statusResponse(
        deps,
        {
          app,
          destination: validated.value.acsUrl,
          inResponseTo: request.value.id,
          relayState: validated.value.relayState,
          topCode: STATUS.requester,
          secondCode: STATUS.noPassive,
          errorCode: 50058,
          message: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
        },
        correlationId,
        ctx.ip,
      )
    }
    return proceed(validated.value, session, ctx, correlationId, ctx.loginHint)
  }

  /**
   * My Apps tile and "Test this application": with a Sign-on URL, a redirect there (the app
   * starts SP-initiated sign-in, the Webex case); without one, an IdP-initiated Response to the
   * default reply URL (AADSTS900971 when several exist and none is default).
   */
  function launch(servicePrincipalId: string, via: 'my-apps' | 'test', ctx: RequestContext): SsoResult {
    const state = store.read()
    const correlationId = runtime.ids.guid()
    const app = appByServicePrincipalId(state, servicePrincipalId) ?? null
    const session = deps.sessions.get(ctx.sessionId)
    const facts = {
      correlationId,
      ip: ctx.ip,
      app,
      user: session ? (findUser(state, session.userId) ?? null) : null,
      initiatedBy: 'idp' as const,
    }
    const fail = (error: Parameters<typeof h.fail>[0]): SsoResult => ({
      outcome: h.fail(error, facts),
      session: 'keep',
    })
    if (app?.servicePrincipal.preferredSingleSignOnMode !== 'saml') {
      return fail(
        entraError(
          { code: 'AADSTS700016', identifier: servicePrincipalId, tenantName: state.tenant.displayName },
          app
            ? `${app.servicePrincipal.displayName} does not use SAML single sign-on yet: select SAML as its sign-on method.`
            : null,
        ),
      )
    }
    if (!session)
      return signInFirst({ kind: 'launch', servicePrincipalId, via }, correlationId, null, {
        ip: ctx.ip,
        session: null,
      })
    if (app.servicePrincipal.loginUrl)
      return { outcome: { kind: 'redirect', location: app.servicePrincipal.loginUrl }, session: 'keep' }
    if (app.saml.requestVerification.required) {
      return fail(
        entraError(
          { code: 'AADSTS76021' },
          'This app requires signed requests, which disables IdP-initiated sign-in ("Test this application" and My Apps); set a Sign-on URL so that the app starts the sign-in.',
        ),
      )
    }
    const replyUrls = app.application.replyUrls
    if (replyUrls.length === 0)
      return fail(entraError({ code: 'AADSTS500113' }, 'Add a Reply URL in Basic SAML Configuration.'))
    const reply = replyUrls.length === 1 ? replyUrls[0] : replyUrls.find((r) => r.isDefault)
    if (!reply) {
      return fail(
        entraError(
          { code: 'AADSTS900971' },
          `The app has ${replyUrls.length} Reply URLs and none is marked Default; IdP-initiated sign-in needs a default one.`,
        ),
      )
    }
    const audience = app.application.defaultIdentifier ?? app.application.identifierUris[0]
    if (!audience) {
      return fail(
        entraError(
          { code: 'AADSTS700016', identifier: '', tenantName: state.tenant.displayName },
          'Set an Identifier (Entity ID) in Basic SAML Configuration.',
        ),
      )
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
    return proceed(signIn, session, ctx, correlationId, null)
  }

  return {
    receive,
    launch,

    /** Where a completed sign-in goes next: the Response, My Apps, or a launch. */
    continueAfterSignIn(pending: PendingSignIn, session: IdpSession, ip: string): SsoResult {
      const ctx = { sessionId: session.id, ip }
      const next = pending.next
      if (next.kind === 'saml')
        return proceed({ ...next, forceAuthn: false }, session, ctx, pending.correlationId, null)
      if (next.kind === 'my-apps')
        return { outcome: { kind: 'redirect', location: '/myapps' }, session: 'keep' }
      return launch(next.servicePrincipalId, next.via, ctx)
    },

    /** Starts a sign-in for a portal page (My Apps) when the browser has no session. */
    signInFor(target: PortalTarget, ip: string): SsoResult {
      return signInFirst(target, runtime.ids.guid(), null, { ip, session: null })
    },
  }
}

/** The SSO service's interface. */
export type SsoService = ReturnType<typeof createSsoService>
