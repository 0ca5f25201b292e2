// users/: the org's groups as Control Hub shows them. Groups are written only by SCIM (scim/),
// so this service only reads; it is the console's door to them.
import type { DocumentStore } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
import {
  type GroupDetail,
  type GroupListQuery,
  type GroupPage,
  groupDetail,
  pageOfGroups,
} from './group-list'

export function createGroupService(deps: { readonly store: DocumentStore<SpState> }) {
  return {
    /** Groups in creation order, optionally searched by name, one page at a time. */
    list(query: GroupListQuery = {}): GroupPage {
      return pageOfGroups(deps.store.read().directory, query)
    },
    /** One group with its members; null when no group has this id. */
    get(id: string): GroupDetail | null {
      return groupDetail(deps.store.read().directory, id)
    },
  }
}

export type GroupService = ReturnType<typeof createGroupService>
