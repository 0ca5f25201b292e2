import { Hono } from 'hono'
import { describeError } from '../../errors/catalogue'
import { ScimSection } from '../../views/console/pages/scim-section'
import { type OrganizationSettings, SettingsPage } from '../../views/console/pages/settings-page'
import type { HttpDeps } from '../env'
import { authenticationSection } from './authentication-routes'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import { consoleChrome, formText, postedForm, redirectWithToasts, renderPage } from './console-page'

/** Control Hub > Organization Settings: the organization's name and id, SCIM (more sections join here). */
export function consoleSettingsRoutes(deps: HttpDeps) {
  const { org, scimToken } = deps.services

  function page(c: ConsoleContext, organization: Partial<OrganizationSettings> = {}, newToken?: string) {
    const scim = (
      <ScimSection
        urls={org.scimBaseUrls()}
        csrfToken={c.get('consoleAdmin').csrfToken}
        {...(newToken ? { newToken } : {})}
      />
    )
    return (
      <SettingsPage
        chrome={consoleChrome(c, deps, 'settings')}
        organization={{ ...org.current(), ...organization }}
        sections={
          <>
            {authenticationSection(deps)}
            {scim}
          </>
        }
      />
    )
  }

  return (
    new Hono<ConsoleEnv>()
      .use('/admin/settings', requireControlHubAdmin(deps))
      .use('/admin/settings/*', requireControlHubAdmin(deps))
      .get('/admin/settings', (c) => renderPage(c, page(c)))
      // The new token is on this answer only (no-store), never in a redirect, cookie or log.
      .post('/admin/settings/scim/token', async (c) =>
        renderPage(c, page(c, {}, await scimToken.regenerate())),
      )
      .post('/admin/settings/organization', async (c) => {
        const name = formText(await postedForm(c), 'name', 200)
        const renamed = await org.rename(name)
        if (!renamed.ok) {
          const { message } = describeError(renamed.error)
          return renderPage(c, page(c, { draftName: name, nameError: message }), 422)
        }
        return redirectWithToasts(c, deps, '/admin/settings', [{ code: 'org-renamed' }])
      })
  )
}
