import { Hono } from 'hono'
import { describeError } from '../../errors/catalogue'
import { AlertDialog } from '../../views/console/modal'
import { ScimActivitySection } from '../../views/console/pages/scim-activity-section'
import { ScimSection, type ScimSectionProps } from '../../views/console/pages/scim-section'
import { type OrganizationSettings, SettingsPage } from '../../views/console/pages/settings-page'
import type { HttpDeps } from '../env'
import { authenticationSection } from './authentication-routes'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import { consoleChrome, formText, postedForm, redirectWithToasts, renderPage } from './console-page'

/** How many SCIM activity entries the settings page shows (the API gives up to the whole log). */
const SCIM_ACTIVITY_SHOWN = 50

type ScimState = Omit<ScimSectionProps, 'urls' | 'csrfToken' | 'tokens'>

/** Control Hub > Organization Settings: the organization's name and id, SCIM (more sections join here). */
export function consoleSettingsRoutes(deps: HttpDeps) {
  const { org, scimToken, scim: scimService } = deps.services
  const { connectors } = scimToken

  function page(
    c: ConsoleContext,
    organization: Partial<OrganizationSettings> = {},
    scimState: ScimState = {},
    confirmRevokeId?: string,
  ) {
    const csrfToken = c.get('consoleAdmin').csrfToken
    const tokens = scimToken.list()
    const revoking = tokens.find((t) => t.id === confirmRevokeId)
    const modal = revoking ? (
      <AlertDialog
        title="Revoke token"
        message={`${revoking.name} will stop working at once: connectors that send it can no longer call SCIM. This cannot be undone.`}
        cancel={{ label: 'Cancel', action: { method: 'get', href: '/admin/settings#scim' } }}
        confirm={{
          label: 'Revoke',
          action: { method: 'post', href: `/admin/settings/scim/tokens/${revoking.id}/revoke`, csrfToken },
        }}
      />
    ) : undefined
    return (
      <SettingsPage
        chrome={consoleChrome(c, deps, 'settings')}
        organization={{ ...org.current(), ...organization }}
        modal={modal}
        sections={
          <>
            {authenticationSection(deps, csrfToken)}
            <ScimSection urls={org.scimBaseUrls()} csrfToken={csrfToken} tokens={tokens} {...scimState} />
            <ScimActivitySection
              entries={scimService.activity({ limit: SCIM_ACTIVITY_SHOWN })}
              shown={SCIM_ACTIVITY_SHOWN}
            />
          </>
        }
      />
    )
  }

  return (
    new Hono<ConsoleEnv>()
      .use('/admin/settings', requireControlHubAdmin(deps))
      .use('/admin/settings/*', requireControlHubAdmin(deps))
      .get('/admin/settings', (c) => renderPage(c, page(c, {}, {}, c.req.query('revoke')?.slice(0, 64))))
      // The new token is on this answer only (no-store), never in a redirect, cookie or log.
      .post('/admin/settings/scim/token', async (c) => {
        const name = formText(await postedForm(c), 'name', 200)
        const issued = await connectors.issue(name)
        if (!issued.ok) {
          const { message } = describeError(issued.error)
          return renderPage(c, page(c, {}, { draftName: name, nameError: message }), 422)
        }
        const newToken = { name: issued.value.issued.name, token: issued.value.token }
        return renderPage(c, page(c, {}, { newToken }))
      })
      .post('/admin/settings/scim/tokens/:id/revoke', async (c) => {
        const revoked = await scimToken.revoke(c.req.param('id'))
        if (!revoked.ok) {
          const { message } = describeError(revoked.error)
          return renderPage(c, page(c, {}, { revokeError: message }), 404)
        }
        return redirectWithToasts(c, deps, '/admin/settings', [{ code: 'scim-token-revoked' }])
      })
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
