/** The limits of an {@link OwnedBoundedMap}. */
export interface OwnedBounds<Kind extends string> {
  /** Entries in all. */
  readonly capacity: number
  /** How many entries one owner of each kind may hold; past it, that owner's oldest entry goes. */
  readonly perOwner: Readonly<Record<Kind, number>>
  /** When the map is full: the kind whose owner holding the most entries gives up its oldest. */
  readonly fairBy: Kind
}

/** Who an entry belongs to, one owner per kind (`null`: none of that kind, e.g. no cookie). */
export type Owners<Kind extends string> = Readonly<Record<Kind, string | null>>

interface Group<K> {
  readonly kind: string
  readonly id: string
  /** This owner's keys, oldest first. */
  readonly keys: Set<K>
}

interface Slot<K, V> {
  value: V
  readonly groups: readonly Group<K>[]
}

/**
 * A Map for tables that clients fill (pending sign-ins, sessions): bounded in all and per
 * owner, so that a flood from one client costs that client its own entries and nobody else's.
 *
 * Each entry belongs to owners of several kinds (the browser's cookie, the client source, the
 * user). Adding an entry past an owner's limit evicts that owner's oldest entry. Adding one past
 * the capacity evicts the oldest entry of the owner of kind `fairBy` that holds the most: a
 * client flooding the map is always the largest, so it only ever replaces its own entries,
 * while a client with a few entries keeps them. Every operation is O(number of kinds).
 */
export class OwnedBoundedMap<K, V, Kind extends string> {
  private readonly slots = new Map<K, Slot<K, V>>()
  private readonly groups = new Map<string, Group<K>>()
  /** Owners of kind `fairBy` by how many entries they hold, to find the largest in O(1). */
  private readonly bySize = new Map<number, Set<Group<K>>>()
  private largest = 0

  constructor(private readonly bounds: OwnedBounds<Kind>) {}

  get(key: K): V | undefined {
    return this.slots.get(key)?.value
  }

  /** Adds (or replaces, as the newest entry of its owners) `key`, then evicts what the limits demand. */
  set(key: K, value: V, owners: Owners<Kind>): void {
    this.delete(key)
    const groups: Group<K>[] = []
    for (const kind of Object.keys(owners) as Kind[]) {
      const owner = owners[kind]
      if (owner === null) continue
      const id = `${kind}\u0000${owner}`
      const group = this.groups.get(id) ?? { kind, id, keys: new Set<K>() }
      this.groups.set(id, group)
      this.resize(group, () => group.keys.add(key))
      groups.push(group)
    }
    this.slots.set(key, { value, groups })
    for (const group of groups) {
      const limit = this.bounds.perOwner[group.kind as Kind]
      while (group.keys.size > limit) this.delete(group.keys.values().next().value as K)
    }
    while (this.slots.size > this.bounds.capacity) {
      const heaviest = this.bySize.get(this.largest)?.values().next().value
      const oldest = heaviest ? heaviest.keys.values().next() : this.slots.keys().next()
      if (oldest.done) break
      this.delete(oldest.value)
    }
  }

  /** Changes an entry's value in place: same owners, same age. False when `key` is absent. */
  update(key: K, value: V): boolean {
    const slot = this.slots.get(key)
    if (!slot) return false
    slot.value = value
    return true
  }

  delete(key: K): boolean {
    const slot = this.slots.get(key)
    if (!slot) return false
    this.slots.delete(key)
    for (const group of slot.groups) {
      this.resize(group, () => group.keys.delete(key))
      if (group.keys.size === 0) this.groups.delete(group.id)
    }
    return true
  }

  *values(): IterableIterator<V> {
    for (const slot of this.slots.values()) yield slot.value
  }

  get size(): number {
    return this.slots.size
  }

  /** How many entries `owner` (of `kind`) holds. */
  countOf(kind: Kind, owner: string): number {
    return this.groups.get(`${kind}\u0000${owner}`)?.keys.size ?? 0
  }

  clear(): void {
    this.slots.clear()
    this.groups.clear()
    this.bySize.clear()
    this.largest = 0
  }

  /** Applies `change` to a group's keys, keeping the size index of `fairBy` owners current. */
  private resize(group: Group<K>, change: () => void): void {
    if (group.kind !== this.bounds.fairBy) {
      change()
      return
    }
    const before = group.keys.size
    change()
    const after = group.keys.size
    if (after === before) return
    this.bySize.get(before)?.delete(group)
    if (this.bySize.get(before)?.size === 0) this.bySize.delete(before)
    if (after > 0) {
      const bucket = this.bySize.get(after) ?? new Set<Group<K>>()
      bucket.add(group)
      this.bySize.set(after, bucket)
    }
    if (after > this.largest) this.largest = after
    while (this.largest > 0 && !this.bySize.has(this.largest)) this.largest -= 1
  }
}
