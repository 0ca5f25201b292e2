import { findUser } from '../directory/users'
import { myAppsOf } from '../enterprise-apps/access'
import { CUSTOM_TEMPLATE_ID, galleryEntry } from '../enterprise-apps/gallery'
import type { SsoDeps } from './sso-deps'

/** One tile of My Apps, with where it launches and where "Manage your application" goes. */
export interface AppTile {
  readonly servicePrincipalId: string
  readonly displayName: string
  readonly launchHref: string
  readonly detailsHref: string
}

/** The signed-in user of My Apps, and where the account menu's "Sign out" goes. */
export interface MyAppsAccount {
  readonly displayName: string
  readonly userPrincipalName: string
  readonly signOutHref: string
}

/** What My Apps shows a signed-in user: the tiles the search keeps, and what the search was. */
export interface MyAppsView {
  readonly account: MyAppsAccount
  /** The "Search apps" text as typed (trimmed), '' when there is none. */
  readonly query: string
  /** The user's apps the search keeps (all of them without a search). */
  readonly apps: readonly AppTile[]
  /** How many apps the user has before the search. */
  readonly totalApps: number
}

/** "Manage your application": the details of one of the user's apps. */
export interface MyAppDetails {
  readonly account: MyAppsAccount
  readonly app: AppTile
  readonly publisher: string
  /** The app's own address: its Sign-on URL, else the gallery's home page, else null. */
  readonly url: string | null
  /** What differs from the real page: nothing here can be changed. */
  readonly sandboxNote: string
}

/** The answer of "Manage your application". */
export type MyAppDetailsAnswer =
  | ({ readonly kind: 'found' } & MyAppDetails)
  | { readonly kind: 'not-yours'; readonly account: MyAppsAccount }
  | { readonly kind: 'signed-out' }

/** Longer searches are cut: no app name is that long, and the page echoes the text. */
const MAX_QUERY_LENGTH = 100

export const MY_APP_DETAILS_NOTE =
  'In the sandbox this page only shows the app; real My Apps also lets you copy its link, add it to a collection or remove a self-service app.'

/** True when a tile's name holds the search text, ignoring case (as My Apps' search box does). */
export function matchesSearch(displayName: string, query: string): boolean {
  return query === '' || displayName.toLowerCase().includes(query.toLowerCase())
}

/** The search text as the page uses it: trimmed and bounded. */
export function searchTextOf(raw: string | undefined): string {
  return (raw ?? '').trim().slice(0, MAX_QUERY_LENGTH)
}

/** My Apps: the enabled, visible SAML apps assigned to the signed-in user (or to a group of theirs). */
export function createMyAppsService(deps: Pick<SsoDeps, 'store' | 'sessions'>) {
  /** The signed-in user and their apps, or null when the browser has no session (sign in first). */
  function signedIn(sessionId: string | undefined) {
    const session = deps.sessions.get(sessionId)
    if (!session) return null
    const state = deps.store.read()
    const user = findUser(state, session.userId)
    if (!user?.accountEnabled) return null
    const account: MyAppsAccount = {
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      signOutHref: `/${state.tenant.id}/logout`,
    }
    return { account, tenantName: state.tenant.displayName, apps: myAppsOf(state, user.id) }
  }

  const tileOf = (app: {
    readonly servicePrincipal: { readonly id: string; readonly displayName: string }
  }) => ({
    servicePrincipalId: app.servicePrincipal.id,
    displayName: app.servicePrincipal.displayName,
    launchHref: `/myapps/launch/${app.servicePrincipal.id}`,
    detailsHref: `/myapps/apps/${app.servicePrincipal.id}`,
  })

  return {
    /** The page for the browser's session and the "Search apps" text, or null without a session. */
    view(sessionId: string | undefined, search?: string): MyAppsView | null {
      const user = signedIn(sessionId)
      if (!user) return null
      const query = searchTextOf(search)
      return {
        account: user.account,
        query,
        apps: user.apps.filter((app) => matchesSearch(app.servicePrincipal.displayName, query)).map(tileOf),
        totalApps: user.apps.length,
      }
    },

    /**
     * "Manage your application" for one of the user's apps; `signed-out` without a session and
     * `not-yours` for an app that is not on the user's My Apps (unknown, hidden or not assigned).
     */
    details(sessionId: string | undefined, servicePrincipalId: string): MyAppDetailsAnswer {
      const user = signedIn(sessionId)
      if (!user) return { kind: 'signed-out' }
      const app = user.apps.find((a) => a.servicePrincipal.id === servicePrincipalId)
      if (!app) return { kind: 'not-yours', account: user.account }
      const templateId = app.servicePrincipal.applicationTemplateId
      const template = galleryEntry(templateId)?.template
      // The Custom template's Graph publisher is Microsoft; a non-gallery app is the tenant's own.
      const custom = !template || templateId === CUSTOM_TEMPLATE_ID
      return {
        kind: 'found',
        account: user.account,
        app: tileOf(app),
        publisher: custom ? user.tenantName || 'Custom application' : template.publisher,
        url: app.servicePrincipal.loginUrl ?? template?.homePageUrl ?? null,
        sandboxNote: MY_APP_DETAILS_NOTE,
      }
    },
  }
}
