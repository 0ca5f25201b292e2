import type { UserProfile } from '../../views/console/pages/users/user-profile-page'
import type { HttpDeps } from '../env'

/** What a user's profile shows (the user, their groups, their app assignments), or null when gone. */
export function profileOf(deps: HttpDeps, id: string): UserProfile | null {
  const { directory, assignments } = deps.services
  const user = directory.getUser(id)
  if (!user.ok) return null
  const memberOf = directory.groupsOf(user.value.id)
  const granted = [user.value.id, ...memberOf.map((g) => g.id)].flatMap((p) =>
    assignments.listForPrincipal(p),
  )
  return { user: user.value, groups: memberOf, assignments: granted }
}
