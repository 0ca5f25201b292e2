import { locationHeaderValue } from '@sandbox/shared'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { describeError } from '../errors/catalogue'
import type { Outbound } from '../sign-in/authn-request'
import type { LogoutHandling } from '../sign-in/session-service'
import { AutoPostForm, HomePage, MessagePage, SignInErrorPage, TestResultPage } from '../views/sign-in-pages'
import { browserIdOf, clearSessionCookie, sessionIdOf, setSessionCookie } from './cookies'
import { clientSource, type HttpDeps, NO_STORE, type SpEnv } from './env'

/** The largest form the ACS reads: real Responses are under 20 KB. */
const ACS_BODY_LIMIT = 512 * 1024

/**
 * The browser side of Webex SSO: the Sign-on URL (a GET on the ACS path, or `/`), the ACS,
 * Test SSO Connection, the signed-in home page, sign-out, and the session description the
 * headless sign-in client reads.
 */
export function signInRoutes(deps: HttpDeps) {
  const { signIn, sessions } = deps.services
  const orgName = () => deps.services.org.current().name
  const orgId = () => deps.services.org.current().id

  function send(c: Context<SpEnv>, outbound: Outbound) {
    if (outbound.kind === 'redirect') return c.redirect(locationHeaderValue(outbound.url), 302)
    c.set('formActionOrigins', [new URL(outbound.action).origin])
    return c.html(
      <AutoPostForm action={outbound.action} fields={outbound.fields} nonce={c.get('secureHeadersNonce')} />,
      200,
      NO_STORE,
    )
  }

  function startSignIn(c: Context<SpEnv>, purpose: 'sign-in' | 'test') {
    const browserId = browserIdOf(c, deps, true) as string
    const relayState = purpose === 'sign-in' ? c.req.query('RelayState') : undefined
    const started = signIn.start({ browserId, source: clientSource(c), relayState, purpose })
    if (!started.ok)
      return c.html(
        <MessagePage
          orgName={orgName()}
          title="Single sign-on is not available"
          message={(({ message, fix }) => `${message} ${fix}`)(describeError(started.error))}
        />,
        400,
        NO_STORE,
      )
    return send(c, started.value)
  }

  function logoutAnswer(c: Context<SpEnv>, handled: LogoutHandling) {
    if (handled.kind === 'respond') return send(c, handled.outbound)
    if (handled.kind === 'error') return c.text(`Error code: ${handled.code}\n${handled.message}`, 400)
    return c.html(
      <MessagePage
        orgName={orgName()}
        title="You signed out"
        message="You signed out of Webex and of your identity provider."
        link={{ href: '/', text: 'Sign in again' }}
      />,
      200,
      NO_STORE,
    )
  }

  return new Hono<SpEnv>()
    .get('/', (c) => {
      if (sessions.current(sessionIdOf(c))) return c.redirect('/webex/home', 302)
      return startSignIn(c, 'sign-in')
    })
    .get('/idb/Consumer/metaAlias/:orgId/sp', (c) => {
      if (c.req.param('orgId') !== orgId()) return c.text('Unknown organization.', 404)
      return startSignIn(c, 'sign-in')
    })
    .get('/admin/sso/test/:ticket', (c) => {
      if (!signIn.redeemTestTicket(c.req.param('ticket')))
        return c.html(
          <MessagePage
            orgName={orgName()}
            title="Test link expired"
            message="This Test SSO Connection link was used or has expired. Start the test again from Control Hub."
          />,
          410,
          NO_STORE,
        )
      return startSignIn(c, 'test')
    })
    .post(
      '/idb/Consumer/metaAlias/:orgId/sp',
      bodyLimit({
        maxSize: ACS_BODY_LIMIT,
        onError: (c) => c.text('The SAML Response is larger than 512 KB; Webex refuses it.', 413),
      }),
      async (c) => {
        if (c.req.param('orgId') !== orgId()) return c.text('Unknown organization.', 404)
        let form: Record<string, string | File | (string | File)[]>
        try {
          form = await c.req.parseBody()
        } catch {
          return c.text('The ACS expects an HTML form post (application/x-www-form-urlencoded).', 400)
        }
        const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined)
        const outcome = await signIn.consume({
          samlResponse: text('SAMLResponse'),
          relayState: text('RelayState'),
          browserId: browserIdOf(c, deps, false),
        })
        if (outcome.kind === 'signed-in') {
          setSessionCookie(c, deps, outcome.session.id)
          return c.redirect(locationHeaderValue(outcome.landing), 303)
        }
        if (outcome.kind === 'test') {
          const checks = outcome.accepted?.checks ?? outcome.refusal?.checks ?? []
          return c.html(
            <TestResultPage
              orgName={orgName()}
              passed={outcome.result.status === 'passed'}
              code={outcome.result.code}
              message={outcome.result.message}
              nameId={outcome.result.nameId}
              certificate={outcome.result.certificate}
              attributes={outcome.result.attributes}
              checks={checks}
              at={outcome.result.at}
              timing={outcome.result.timing}
              samlify={{ agrees: outcome.result.samlifyAgrees, detail: outcome.result.samlifyDetail }}
            />,
            200,
            NO_STORE,
          )
        }
        const r = outcome.refusal
        return c.html(
          <SignInErrorPage
            orgName={orgName()}
            code={r.code}
            message={r.message}
            fix={r.fix}
            checks={r.checks}
          />,
          403,
          NO_STORE,
        )
      },
    )
    .get('/webex/home', (c) => {
      const session = sessions.current(sessionIdOf(c))
      if (!session) return c.redirect('/', 302)
      return c.html(
        <HomePage
          orgName={orgName()}
          userName={session.user.userName}
          displayName={session.user.displayName}
          nameId={session.nameId}
          issuer={session.issuer}
          attributes={session.attributes}
          checks={session.checks}
        />,
        200,
        NO_STORE,
      )
    })
    .get('/webex/logout', (c) => {
      const next = sessions.signOut(sessionIdOf(c))
      clearSessionCookie(c, deps)
      if (next) return send(c, next)
      return c.html(
        <MessagePage
          orgName={orgName()}
          title="You signed out"
          message="You signed out of Webex."
          link={{ href: '/', text: 'Sign in again' }}
        />,
        200,
        NO_STORE,
      )
    })
    .get('/idb/SPSloRedirect/metaAlias/:orgId/sp', (c) => {
      if (c.req.param('orgId') !== orgId()) return c.text('Unknown organization.', 404)
      return logoutAnswer(c, sessions.handleLogoutMessage(new URL(c.req.url).search))
    })
    .post(
      '/idb/SPSloPOST/metaAlias/:orgId/sp',
      bodyLimit({
        maxSize: ACS_BODY_LIMIT,
        onError: (c) => c.text('The logout message is larger than 512 KB.', 413),
      }),
      async (c) => {
        if (c.req.param('orgId') !== orgId()) return c.text('Unknown organization.', 404)
        let form: Record<string, string | File | (string | File)[]>
        try {
          form = await c.req.parseBody()
        } catch {
          return c.text(
            'The SLO endpoint expects an HTML form post (application/x-www-form-urlencoded).',
            400,
          )
        }
        const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined)
        return logoutAnswer(
          c,
          sessions.handlePostedLogoutMessage({
            samlRequest: text('SAMLRequest'),
            samlResponse: text('SAMLResponse'),
            relayState: text('RelayState'),
          }),
        )
      },
    )
    .get('/api/v1/session', (c) => {
      const session = sessions.current(sessionIdOf(c))
      if (!session)
        return c.json(
          {
            error: {
              code: 'NO_SESSION',
              message: 'This browser has no Webex session.',
              fix: 'Sign in first.',
            },
          },
          401,
          NO_STORE,
        )
      const { id: _id, expiresAt: _expires, ...visible } = session
      return c.json(visible, 200, NO_STORE)
    })
}
