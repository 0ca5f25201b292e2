import { findUser } from '../directory/users'
import { myAppsOf } from '../enterprise-apps/access'
import type { SsoDeps } from './sso-deps'

/** One tile of My Apps. */
export interface AppTile {
  readonly servicePrincipalId: string
  readonly displayName: string
}

/** What My Apps shows a signed-in user. */
export interface MyAppsView {
  readonly displayName: string
  readonly userPrincipalName: string
  readonly tenantId: string
  readonly apps: readonly AppTile[]
}

/** My Apps: the enabled, visible SAML apps assigned to the signed-in user (or to a group of theirs). */
export function createMyAppsService(deps: Pick<SsoDeps, 'store' | 'sessions'>) {
  return {
    /** The page for the browser's session, or null when it has none (sign in first). */
    view(sessionId: string | undefined): MyAppsView | null {
      const session = deps.sessions.get(sessionId)
      if (!session) return null
      const state = deps.store.read()
      const user = findUser(state, session.userId)
      if (!user?.accountEnabled) return null
      return {
        displayName: user.displayName,
        userPrincipalName: user.userPrincipalName,
        tenantId: state.tenant.id,
        apps: myAppsOf(state, user.id).map((app) => ({
          servicePrincipalId: app.servicePrincipal.id,
          displayName: app.servicePrincipal.displayName,
        })),
      }
    },
  }
}
