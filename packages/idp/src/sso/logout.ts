import { attributeOf, childNamed, encodeRedirectBinding, entraIssuer, NS, textOf } from '@sandbox/shared'
import { appByIdentifier } from '../enterprise-apps/lookup'
import { signingCertificateFor } from '../federation-metadata/metadata-service'
import type { IdpSession } from '../sessions/idp-sessions'
import type { ReceivedMessage } from './decode-message'
import { entraError } from './entra-errors'
import type { SsoResult } from './outcome'
import { checkRequestSignature } from './request-validation'
import { type RequestContext, type SsoDeps, ssoHelpers } from './sso-context'
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
  const h = ssoHelpers(deps)
  return {
    receive(message: ReceivedMessage, session: IdpSession | null, ctx: RequestContext): SsoResult {
      if (message.kind === 'LogoutResponse') {
        return { outcome: { kind: 'signed-out', note: null }, session: session ? 'end' : 'keep' }
      }
      const state = store.read()
      const correlationId = runtime.ids.guid()
      const facts = { correlationId, ip: ctx.ip, app: null, user: null, initiatedBy: 'sp' as const }
      const root = message.root
      const id = attributeOf(root, 'ID')
      const issuerElement = childNamed(root, NS.assertion, 'Issuer')
      const issuer = issuerElement ? textOf(issuerElement).trim() : ''
      if (!id || !issuer) {
        const detail = 'The LogoutRequest needs an ID and an Issuer.'
        return {
          outcome: h.fail(entraError({ code: 'AADSTS75005', detail }, detail), facts),
          session: 'keep',
        }
      }
      const app = appByIdentifier(state, issuer)
      if (!app) {
        const error = entraError({
          code: 'AADSTS700016',
          identifier: issuer,
          tenantName: state.tenant.displayName,
        })
        return { outcome: h.fail(error, facts), session: 'keep' }
      }
      const signature = checkRequestSignature(app, root, message)
      if (!signature.ok) {
        const error =
          signature.error.kind === 'page'
            ? signature.error.error
            : entraError({ code: 'AADSTS50061', detail: '' })
        return { outcome: h.fail(error, { ...facts, app }), session: 'keep' }
      }
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
        inResponseTo: id,
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
