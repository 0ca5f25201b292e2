import { locationHeaderValue } from '@sandbox/shared'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { describeError, meaningOf, type SpError, spError, statusOf } from '../errors/catalogue'
import { acsCheckReport } from '../sign-in/acs/acs-check-report'
import { EmailSignInPage, HomePage, MessagePage, SignInErrorPage } from '../views/sign-in-pages'
import { TestResultPage } from '../views/test-result-page'
import { browserIdOf, sessionIdOf, setSessionCookie } from './cookies'
import { clientSource, type HttpDeps, NO_STORE, type SpEnv } from './env'
import { apiError, textError } from './error-responses'
import { readSamlForm, samlFormLimit, sendOutbound, thisOrgOnly } from './saml-bindings'

/** A sign-in that cannot start, or a link that no longer works: a Webex message page. */
function messagePage(c: Context<SpEnv>, deps: HttpDeps, title: string, error: SpError) {
  const { message, fix } = describeError(error)
  return c.html(
    <MessagePage orgName={deps.services.org.current().name} title={title} message={`${message} ${fix}`} />,
    statusOf(error.code),
    NO_STORE,
  )
}

/**
 * The browser side of Webex SSO: the Sign-on URL (a GET on the ACS path, or `/`), the ACS,
 * Test SSO Connection, the signed-in home page, and the session description the headless
 * sign-in client reads. Sign-out and single logout: logout-routes.tsx.
 */
export function signInRoutes(deps: HttpDeps) {
  const { signIn, sessions, org } = deps.services
  const orgName = () => org.current().name

  function startSignIn(c: Context<SpEnv>, purpose: 'sign-in' | 'test') {
    const browserId = browserIdOf(c, deps, true) as string
    const relayState = purpose === 'sign-in' ? c.req.query('RelayState') : undefined
    const started = signIn.start({ browserId, source: clientSource(c), relayState, purpose })
    if (!started.ok) return messagePage(c, deps, 'Single sign-on is not available', started.error)
    return sendOutbound(c, started.value)
  }

  /** The email-first page; its form may lead to the org's IdP (the CSP's form-action says so). */
  function emailPage(c: Context<SpEnv>, shown: { email?: string; error?: SpError } = {}) {
    c.set('formActionOrigins', signIn.emailSignInOrigins())
    const problem = shown.error ? describeError(shown.error) : null
    return c.html(
      <EmailSignInPage
        email={shown.email}
        error={problem ? `${problem.message} ${problem.fix}` : undefined}
        year={new Date().getUTCFullYear()}
      />,
      shown.error ? statusOf(shown.error.code) : 200,
      NO_STORE,
    )
  }

  return (
    new Hono<SpEnv>()
      .get('/', (c) => {
        if (sessions.current(sessionIdOf(c))) return c.redirect('/webex/home', 302)
        browserIdOf(c, deps, true)
        return emailPage(c)
      })
      // No CSRF token: the form only starts a sign-in, as a link to the Sign-on URL does from any page.
      .post(
        '/',
        bodyLimit({
          maxSize: 16 * 1024,
          onError: (c) => emailPage(c, { error: spError('SIGN_IN_EMAIL_INVALID') }),
        }),
        async (c) => {
          const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
          const email = typeof form.email === 'string' ? form.email.slice(0, 320) : ''
          const browserId = browserIdOf(c, deps, true) as string
          const started = signIn.startForEmail({ email, browserId, source: clientSource(c) })
          if (!started.ok) return emailPage(c, { email, error: started.error })
          return sendOutbound(c, started.value)
        },
      )
      .get('/webex/terms', (c) =>
        c.html(
          <MessagePage
            orgName={orgName()}
            title="Terms of Service and Privacy Statement"
            message="This is an SSO rehearsal sandbox running on this machine: it is not Cisco Webex, keeps no real accounts and sends nothing anywhere. Its state lives in the sandbox's state file."
            link={{ href: '/', text: 'Back to sign in' }}
          />,
        ),
      )
      .get('/idb/Consumer/metaAlias/:orgId/sp', thisOrgOnly(deps), (c) => startSignIn(c, 'sign-in'))
      .get('/admin/sso/test/:ticket', (c) => {
        if (!signIn.redeemTestTicket(c.req.param('ticket')))
          return messagePage(c, deps, 'Test link expired', spError('TEST_LINK_EXPIRED'))
        return startSignIn(c, 'test')
      })
      .post('/idb/Consumer/metaAlias/:orgId/sp', thisOrgOnly(deps), samlFormLimit('response'), async (c) => {
        const form = await readSamlForm(c, 'ACS')
        if (!form.ok) return textError(c, form.error)
        const field = form.value
        const outcome = await signIn.consume({
          samlResponse: field('SAMLResponse'),
          relayState: field('RelayState'),
          browserId: browserIdOf(c, deps, false),
        })
        if (outcome.kind === 'signed-in') {
          setSessionCookie(c, deps, outcome.session.id)
          return c.redirect(locationHeaderValue(outcome.landing), 303)
        }
        if (outcome.kind === 'test') {
          const { result, accepted, refusal } = outcome
          const seen = accepted?.facts ?? refusal?.seen ?? {}
          const problem = refusal ? describeError(refusal.error) : null
          return c.html(
            <TestResultPage
              orgName={orgName()}
              passed={result.status === 'passed'}
              failure={problem ? { ...problem, meaning: meaningOf(problem.code) } : null}
              message={result.message}
              sent={{
                nameId: result.nameId,
                nameIdFormat: seen.nameIdFormat ?? null,
                issuer: seen.issuer ?? null,
                attributes: result.attributes,
                certificate: seen.certificate ?? null,
                timing: result.timing,
                receivedAt: result.at,
              }}
              checks={acsCheckReport(accepted?.checks ?? refusal?.checks ?? [], result.code)}
              samlify={{ agrees: result.samlifyAgrees, detail: result.samlifyDetail }}
            />,
            200,
            NO_STORE,
          )
        }
        // A refused sign-in is 403 whatever the reason: the ACS refused to sign this browser in.
        const refusal = outcome.refusal
        return c.html(
          <SignInErrorPage orgName={orgName()} {...describeError(refusal.error)} checks={refusal.checks} />,
          403,
          NO_STORE,
        )
      })
      .get('/webex/home', (c) => {
        const session = sessions.current(sessionIdOf(c))
        if (!session) return c.redirect('/', 302)
        return c.html(
          <HomePage
            orgName={orgName()}
            userName={session.user.userName}
            displayName={session.user.displayName}
            sent={{
              nameId: session.nameId,
              nameIdFormat: session.nameIdFormat,
              issuer: session.issuer,
              attributes: session.attributes,
              certificate: session.certificate,
              timing: session.timing,
              receivedAt: session.signedInAt,
            }}
            checks={session.checks}
          />,
          200,
          NO_STORE,
        )
      })
      .get('/api/v1/session', (c) => {
        const session = sessions.current(sessionIdOf(c))
        if (!session) return apiError(c, spError('NO_SESSION'))
        const { id: _id, expiresAt: _expires, ...visible } = session
        return c.json(visible, 200, NO_STORE)
      })
  )
}
