import type { DeepReadonly } from '@sandbox/shared'
import type { DirectoryState, WebexGroup, WebexUser } from './user-schema'

/** Control Hub's Groups list query: a case-insensitive search of the name and offset paging. */
export interface GroupListQuery {
  readonly search?: string
  /** 0-based offset of the first group returned. */
  readonly offset?: number
  /** At most this many groups (default 100, at most 1000). */
  readonly limit?: number
}

/** One row of the Groups list: the group with its member count, as Control Hub lists it. */
export interface GroupSummary {
  readonly id: string
  readonly displayName: string
  readonly memberCount: number
  /** Groups reach Webex only over SCIM (from Entra's provisioning), never typed in Control Hub. */
  readonly source: 'scim'
  readonly lastModified: string
}

export interface GroupPage {
  readonly total: number
  readonly offset: number
  readonly limit: number
  readonly items: readonly GroupSummary[]
}

/** A member as the group's page shows it: the user when it still exists, the bare reference otherwise. */
export interface GroupMember {
  readonly id: string
  readonly displayName: string
  readonly email: string | null
  readonly exists: boolean
}

export interface GroupDetail extends GroupSummary {
  readonly externalId: string | null
  readonly created: string
  readonly members: readonly GroupMember[]
}

const DEFAULT_PAGE_SIZE = 100
const MAX_PAGE_SIZE = 1000

type Directory = DeepReadonly<DirectoryState>

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback
  return Math.min(Math.max(Math.trunc(value), min), max)
}

function summaryOf(group: DeepReadonly<WebexGroup>): GroupSummary {
  return {
    id: group.id,
    displayName: group.displayName,
    memberCount: group.members.length,
    source: 'scim',
    lastModified: group.lastModified,
  }
}

/** The page of groups (in creation order) a query asks for. */
export function pageOfGroups(directory: Directory, query: GroupListQuery): GroupPage {
  const needle = query.search?.trim().toLowerCase() ?? ''
  const matching = needle
    ? directory.groups.filter((g) => g.displayName.toLowerCase().includes(needle))
    : directory.groups
  const offset = clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER)
  const limit = clampInt(query.limit, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
  return {
    total: matching.length,
    offset,
    limit,
    items: matching.slice(offset, offset + limit).map(summaryOf),
  }
}

/** One group with its members resolved to the org's users; null when no group has this id. */
export function groupDetail(directory: Directory, id: string): GroupDetail | null {
  const group = directory.groups.find((g) => g.id === id)
  if (!group) return null
  const wanted = new Set(group.members.map((m) => m.value))
  const users = new Map<string, DeepReadonly<WebexUser>>()
  for (const user of directory.users) if (wanted.has(user.id)) users.set(user.id, user)
  return {
    ...summaryOf(group),
    externalId: group.externalId,
    created: group.created,
    members: group.members.map((member) => {
      const user = users.get(member.value)
      return user
        ? { id: user.id, displayName: user.displayName || user.userName, email: user.userName, exists: true }
        : { id: member.value, displayName: member.display ?? member.value, email: null, exists: false }
    }),
  }
}
