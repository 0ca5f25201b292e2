import { Hono } from 'hono'
import type { SpDeps } from '../app'
import { spEntityOf } from '../sso-setup/sp-entity'
import { OverviewPage } from '../views/overview'

/** Control Hub's home page (its stylesheet and script are served by `consoleAssetRoutes`). */
export function landingRoutes(deps: SpDeps) {
  return new Hono().get('/admin', (c) => {
    const state = deps.store.read()
    const entity = spEntityOf(state, deps.url)
    return c.html(
      <OverviewPage
        orgName={state.organization.name}
        orgId={state.organization.id}
        entityId={entity.entityId}
        acsUrl={entity.acsUrl}
        ssoEnabled={state.sso.enabled}
        idpEntityId={state.sso.active?.entityId ?? null}
        pendingIdp={state.sso.pending?.entityId ?? null}
        trustMode={(state.sso.active ?? state.sso.pending)?.trustMode ?? null}
        lastTest={state.sso.lastTest}
        userCount={state.directory.users.length}
      />,
    )
  })
}
