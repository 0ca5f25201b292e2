import { Hono } from 'hono'
import { SignInTraceCard } from '../../views/console/pages/sign-in-trace-card'
import { SignInAttemptPage, SignInLogPage } from '../../views/console/pages/troubleshooting-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleEnv } from './console-env'
import { consoleChrome, renderPage } from './console-page'

/** Control Hub > Troubleshooting: the sign-in log (`GET /api/v1/sign-ins` as a page) and one attempt. */
export function consoleTroubleshootingRoutes(deps: HttpDeps) {
  const { signIn, traces } = deps.services
  return new Hono<ConsoleEnv>()
    .use('/admin/troubleshooting', requireControlHubAdmin(deps))
    .use('/admin/troubleshooting/*', requireControlHubAdmin(deps))
    .get('/admin/troubleshooting', (c) =>
      renderPage(
        c,
        <SignInLogPage
          chrome={consoleChrome(c, deps, 'troubleshooting')}
          attempts={[...signIn.attempts()].reverse()}
        />,
      ),
    )
    .get('/admin/troubleshooting/sign-ins/:id', (c) => {
      const attempt = signIn.attempts().find((a) => a.id === c.req.param('id'))
      const chrome = consoleChrome(c, deps, 'troubleshooting')
      if (!attempt)
        return renderPage(
          c,
          <SignInLogPage chrome={chrome} attempts={[...signIn.attempts()].reverse()} />,
          404,
        )
      const trace = attempt.traceId ? traces.trace(attempt.traceId) : null
      return renderPage(
        c,
        <SignInAttemptPage
          chrome={chrome}
          attempt={attempt}
          trace={
            <SignInTraceCard
              trace={trace?.ok ? trace.value : null}
              downloadHref={`/admin/troubleshooting/sign-ins/${encodeURIComponent(attempt.id)}/trace.har`}
            />
          }
        />,
      )
    })
    .get('/admin/troubleshooting/sign-ins/:id/trace.har', (c) => {
      // The API's export: the messages as HAR entries, every secret the SP holds redacted.
      const traceId = signIn.attempts().find((a) => a.id === c.req.param('id'))?.traceId
      const har = traceId ? traces.exportHar(traceId) : null
      if (!har?.ok) return c.text('No trace was kept for this attempt.', 404, { 'Cache-Control': 'no-store' })
      return c.json(har.value, 200, {
        'Content-Disposition': 'attachment; filename="sign-in-trace.har"',
        'Cache-Control': 'no-store',
      })
    })
}
