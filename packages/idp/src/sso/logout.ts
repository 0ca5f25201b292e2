import { encodeRedirectBinding, entraIssuer } from '@sandbox/shared'
import { signingCertificateFor } from '../federation-metadata/metadata-service'
import type { IdpSession } from '../sessions/idp-sessions'
import type { ReceivedMessage } from './decode-message'
import { LOGOUT_REQUEST_CHECKS } from './logout-request-checks'
import type { SsoResult } from './outcome'
import { signInOutcomes } from './sign-in-outcomes'
import type { BrowserCaller, SsoDeps } from './sso-deps'
import { buildLogoutResponse } from './status-messages'

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`
}

/**
 * Single logout at `/{tenant}/saml2`: a LogoutRequest from an app (either binding) ends the IdP
 * session and is answered with a LogoutResponse sent to the app's Logout URL over the Redirect
 * binding (the only SLO binding Entra's metadata lists), signed with the app's key. A
 * LogoutResponse (to a logout the IdP never starts) just shows the signed-out page.
 */
export function createLogoutHandler(deps: SsoDeps) {
  const { runtime, store } = deps
  const outcomes = signInOutcomes(deps)
  return {
    receive(message: ReceivedMessage, session: IdpSession | null, caller: BrowserCaller): SsoResult {
      if (message.kind === 'LogoutResponse') {
        return { outcome: { kind: 'signed-out', note: null }, session: session ? 'end' : 'keep' }
      }
      const state = store.read()
      const correlationId = runtime.ids.guid()
      const checked = LOGOUT_REQUEST_CHECKS.run({ state, message })
      if (!checked.ok) {
        const { error, app } = checked.error.rejection
        const facts = { correlationId, ip: caller.ip, app, user: null, initiatedBy: 'sp' as const }
        return { outcome: outcomes.fail(error, facts), session: 'keep' }
      }
      const { app, request } = checked.value
      if (session) deps.sessions.end(session.id)
      const logoutUrl = app.application.logoutUrl
      if (!logoutUrl) {
        return {
          outcome: {
            kind: 'signed-out',
            note: `${app.servicePrincipal.displayName} has no Logout URL in Basic SAML Configuration, so no LogoutResponse was sent back to it.`,
          },
          session: 'end',
        }
      }
      const now = runtime.clock.now()
      const xml = buildLogoutResponse({
        issuer: entraIssuer(state.tenant.id),
        id: runtime.ids.samlId(),
        now,
        destination: logoutUrl,
        inResponseTo: request.id,
      })
      const key = deps.keys.load(signingCertificateFor(state, app, now))
      const query = encodeRedirectBinding({
        parameter: 'SAMLResponse',
        xml,
        relayState: message.relayState,
        signing: { privateKey: key.privateKey, algorithm: app.saml.signingAlgorithm },
      })
      return { outcome: { kind: 'redirect', location: withQuery(logoutUrl, query) }, session: 'end' }
    },
  }
}
