/** Identity > Groups > All groups. */
export const GROUPS_HREF = '/groups'
export const NEW_GROUP_HREF = '/groups/new'

/** A group's Overview. */
export function groupHref(id: string): string {
  return `${GROUPS_HREF}/${encodeURIComponent(id)}`
}
