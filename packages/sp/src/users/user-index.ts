/** What the index reads of a user: its id and the addresses it holds. */
interface Holder {
  readonly id: string
  readonly userName: string
  readonly emails: readonly { readonly value: string }[]
}

/** The users of one frozen users array by id and by each address they hold (userName and emails, lower-cased). */
interface EmailIndex<U> {
  readonly byId: Map<string, U>
  readonly byAddress: Map<string, Set<U>>
  readonly position: Map<U, number>
}

/**
 * A rebuild costs a pass over the users; following a new array from the last one costs a
 * pass of identity comparisons plus the changed users. Past this many changes, rebuild.
 */
const MAX_FOLLOWED_CHANGES = 64

const indexes = new WeakMap<readonly Holder[], EmailIndex<Holder>>()
let latest: { readonly users: readonly Holder[]; readonly index: EmailIndex<Holder> } | null = null

function addressesOf(user: Holder): string[] {
  return [user.userName, ...user.emails.map((e) => e.value)].map((a) => a.toLowerCase())
}

/** Frozen all the way to its addresses: a committed user, which can never change under the index. */
function isFrozenUser(user: Holder): boolean {
  return Object.isFrozen(user) && Object.isFrozen(user.emails) && user.emails.every(Object.isFrozen)
}

function add(index: EmailIndex<Holder>, user: Holder, position: number): void {
  index.position.set(user, position)
  // Ids are unique (the store makes them); were two records to share one, the first keeps it.
  const same = index.byId.get(user.id)
  if (!same || (index.position.get(same) ?? 0) > position) index.byId.set(user.id, user)
  for (const address of addressesOf(user)) {
    const holders = index.byAddress.get(address)
    if (holders) holders.add(user)
    else index.byAddress.set(address, new Set([user]))
  }
}

function remove(index: EmailIndex<Holder>, user: Holder): void {
  index.position.delete(user)
  if (index.byId.get(user.id) === user) index.byId.delete(user.id)
  for (const address of addressesOf(user)) {
    const holders = index.byAddress.get(address)
    holders?.delete(user)
    if (holders?.size === 0) index.byAddress.delete(address)
  }
}

function build(users: readonly Holder[]): EmailIndex<Holder> | null {
  if (!users.every(isFrozenUser)) return null
  const index: EmailIndex<Holder> = { byId: new Map(), byAddress: new Map(), position: new Map() }
  for (const [i, user] of users.entries()) add(index, user, i)
  return index
}

/**
 * The last index, moved onto `users` when they are its users with a few replaced and some
 * appended (what a store update that reuses the committed users makes); null otherwise.
 * The old array loses its index, which no longer describes it.
 */
function follow(users: readonly Holder[]): EmailIndex<Holder> | null {
  if (!latest || users.length < latest.users.length) return null
  const previous = latest.users
  const replaced: number[] = []
  for (let i = 0; i < previous.length; i += 1) {
    if (users[i] === previous[i]) continue
    replaced.push(i)
    if (replaced.length > MAX_FOLLOWED_CHANGES) return null
  }
  if (users.length - previous.length > MAX_FOLLOWED_CHANGES) return null
  const added = users.slice(previous.length)
  if (!replaced.every((i) => isFrozenUser(users[i] as Holder)) || !added.every(isFrozenUser)) return null
  const { index } = latest
  indexes.delete(previous)
  for (const i of replaced) {
    remove(index, previous[i] as Holder)
    add(index, users[i] as Holder, i)
  }
  for (const [i, user] of added.entries()) add(index, user, previous.length + i)
  return index
}

/** The index of a frozen users array; null when it may still change (a draft inside a store update). */
function indexOf(users: readonly Holder[]): EmailIndex<Holder> | null {
  if (!Object.isFrozen(users)) return null
  const known = indexes.get(users)
  if (known) return known
  const made = follow(users) ?? build(users)
  if (!made) return null
  indexes.set(users, made)
  latest = { users, index: made }
  return made
}

/**
 * The users that hold `address` as userName or email (compared case-insensitively, as Webex
 * does), in the array's order; null when `users` cannot be indexed because it may still
 * change (a draft inside a store update), where the caller scans instead. The index is
 * derived from the frozen array itself, so it cannot disagree with what is stored.
 */
export function usersHolding<U extends Holder>(users: readonly U[], address: string): readonly U[] | null {
  const index = indexOf(users)
  if (!index) return null
  const holders = index.byAddress.get(address.toLowerCase())
  if (!holders) return []
  const found = [...holders] as U[]
  if (found.length > 1) found.sort((a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0))
  return found
}

/** The user with `id` (what `users.find((u) => u.id === id)` finds), from the index when there is one. */
export function userById<U extends Holder>(users: readonly U[], id: string): U | undefined {
  const index = indexOf(users)
  if (!index) return users.find((u) => u.id === id)
  return index.byId.get(id) as U | undefined
}
