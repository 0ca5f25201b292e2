import type { Context } from 'hono'
import { Hono } from 'hono'
import type { LogoutHandling } from '../sign-in/session-service'
import { MessagePage } from '../views/sign-in-pages'
import { clearSessionCookie, sessionIdOf } from './cookies'
import { type HttpDeps, NO_STORE, type SpEnv } from './env'
import { textError } from './error-responses'
import { readSamlForm, samlFormLimit, sendOutbound, thisOrgOnly } from './saml-bindings'

/** Webex's Sign out (SP-initiated single logout) and the SLO endpoint the IdP calls (both bindings). */
export function logoutRoutes(deps: HttpDeps) {
  const { sessions, org } = deps.services

  function signedOut(c: Context<SpEnv>, message: string) {
    return c.html(
      <MessagePage
        orgName={org.current().name}
        title="You signed out"
        message={message}
        link={{ href: '/', text: 'Sign in again' }}
      />,
      200,
      NO_STORE,
    )
  }

  function logoutAnswer(c: Context<SpEnv>, handled: LogoutHandling) {
    if (handled.kind === 'respond') return sendOutbound(c, handled.outbound)
    if (handled.kind === 'refused') return textError(c, handled.error)
    return signedOut(c, 'You signed out of Webex and of your identity provider.')
  }

  return new Hono<SpEnv>()
    .get('/webex/logout', (c) => {
      const next = sessions.signOut(sessionIdOf(c))
      clearSessionCookie(c, deps)
      return next ? sendOutbound(c, next) : signedOut(c, 'You signed out of Webex.')
    })
    .get('/idb/SPSloRedirect/metaAlias/:orgId/sp', thisOrgOnly(deps), (c) =>
      logoutAnswer(c, sessions.handleLogoutMessage(new URL(c.req.url).search)),
    )
    .post('/idb/SPSloPOST/metaAlias/:orgId/sp', thisOrgOnly(deps), samlFormLimit('logout'), async (c) => {
      const form = await readSamlForm(c, 'SLO endpoint')
      if (!form.ok) return textError(c, form.error)
      const field = form.value
      return logoutAnswer(
        c,
        sessions.handlePostedLogoutMessage({
          samlRequest: field('SAMLRequest'),
          samlResponse: field('SAMLResponse'),
          relayState: field('RelayState'),
        }),
      )
    })
}
