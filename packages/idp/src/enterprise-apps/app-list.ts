import { compareNames } from '../lists/list-page'
import type { DeepState } from '../state/deep-state'
import { galleryEntry } from './gallery'

/** All applications' list query: the search box, the "Assignment required" filter and how many rows are shown. */
export interface AppListQuery {
  readonly search: string
  readonly assignmentRequired: 'any' | 'yes' | 'no'
  readonly shown: number
}

/** One row of All applications (the columns of the real list). */
export interface AppListRow {
  readonly servicePrincipalId: string
  readonly displayName: string
  readonly objectId: string
  readonly appId: string
  readonly homepageUrl: string | null
}

/** How many rows the list shows at first and adds with each "Load more". */
export const APP_LIST_PAGE = 50

/** Reads the list query from the URL's values, with defaults for anything missing or malformed. */
export function readAppListQuery(values: {
  readonly search?: string | undefined
  readonly assignmentRequired?: string | undefined
  readonly shown?: string | undefined
}): AppListQuery {
  const shown = Number.parseInt(values.shown ?? '', 10)
  const filter = values.assignmentRequired
  return {
    search: (values.search ?? '').trim().slice(0, 256),
    assignmentRequired: filter === 'yes' || filter === 'no' ? filter : 'any',
    shown: Number.isFinite(shown) && shown > 0 ? Math.min(shown, 10_000) : APP_LIST_PAGE,
  }
}

/**
 * The rows of All applications: the search matches the name (contains, any case) or an object
 * or application id (starts with), as the real search box does; sorted by name.
 */
export function findApps(apps: DeepState['apps'], query: AppListQuery) {
  const needle = query.search.toLowerCase()
  const matching = apps.filter((app) => {
    const sp = app.servicePrincipal
    if (
      query.assignmentRequired !== 'any' &&
      sp.appRoleAssignmentRequired !== (query.assignmentRequired === 'yes')
    )
      return false
    return (
      needle === '' ||
      sp.displayName.toLowerCase().includes(needle) ||
      sp.id.toLowerCase().startsWith(needle) ||
      sp.appId.toLowerCase().startsWith(needle)
    )
  })
  const sorted = [...matching].sort((a, b) =>
    compareNames(a.servicePrincipal.displayName, b.servicePrincipal.displayName),
  )
  const rows: AppListRow[] = sorted.slice(0, query.shown).map((app) => ({
    servicePrincipalId: app.servicePrincipal.id,
    displayName: app.servicePrincipal.displayName,
    objectId: app.servicePrincipal.id,
    appId: app.servicePrincipal.appId,
    homepageUrl: galleryEntry(app.servicePrincipal.applicationTemplateId ?? '')?.template.homePageUrl ?? null,
  }))
  return { rows, total: matching.length, more: matching.length > rows.length }
}
