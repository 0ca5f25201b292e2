/** Identity > Users > All users. */
export const USERS_HREF = '/users'
export const NEW_USER_HREF = '/users/new'

/** A user's profile. */
export function userHref(id: string): string {
  return `${USERS_HREF}/${encodeURIComponent(id)}`
}
