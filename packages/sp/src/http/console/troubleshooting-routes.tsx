import { Hono } from 'hono'
import { SignInAttemptPage, SignInLogPage } from '../../views/console/pages/troubleshooting-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleEnv } from './console-env'
import { consoleChrome, renderPage } from './console-page'

/** Control Hub > Troubleshooting: the sign-in log (`GET /api/v1/sign-ins` as a page) and one attempt. */
export function consoleTroubleshootingRoutes(deps: HttpDeps) {
  const { signIn } = deps.services
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
      return renderPage(c, <SignInAttemptPage chrome={chrome} attempt={attempt} />)
    })
}
