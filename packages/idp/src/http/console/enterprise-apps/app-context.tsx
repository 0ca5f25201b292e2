import type { AdminError } from '../../../errors/admin-error'
import type { AppRef } from '../../../views/console/pages/enterprise-apps/app-blade'
import { appHrefs } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import type { HttpDeps, IdpContext } from '../../env'

/** The app of a `/enterprise-apps/:id/…` route, or null (the route answers 404). */
export function appOf(c: IdpContext, deps: HttpDeps) {
  const found = deps.services.apps.getByServicePrincipal(c.req.param('id') ?? '')
  if (!found.ok) return null
  const sp = found.value.servicePrincipal
  const ref: AppRef = { servicePrincipalId: sp.id, displayName: sp.displayName, hrefs: appHrefs(sp.id) }
  return { app: found.value, ref }
}

/** The 404 of an app that does not exist (deleted, or a mistyped link). */
export function appNotFound(c: IdpContext) {
  return c.text(
    'This application does not exist in the tenant (it may have been deleted). Go back to Enterprise applications.',
    404,
  )
}

/** The message of a failed service call, for a toast or a banner. */
export function messageOf(error: AdminError): string {
  return error.message
}
