/** Identity > Users > All users. */
export const USERS_HREF = '/users'
export const NEW_USER_HREF = '/users/new'

/** A user's profile. */
export function userHref(id: string): string {
  return `${USERS_HREF}/${encodeURIComponent(id)}`
}

/** A user's Properties tab (where Edit properties leaves you). */
export function userPropertiesHref(id: string): string {
  return `${userHref(id)}?tab=properties`
}
