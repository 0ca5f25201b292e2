// collections/: in-memory tables with bounds, so that no client can grow a server's memory.
/**
 * A Map that forgets its oldest entries beyond `capacity`, so a flood of requests costs memory
 * up to a cap and no more. Its eviction is global: a table whose entries clients depend on
 * (sessions, pending sign-ins, tokens) uses `OwnedBoundedMap` instead, so that one
 * client's flood evicts only its own entries, and a replay cache uses `ExpiringSet`.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key)
  }

  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key)
  }

  values(): IterableIterator<V> {
    return this.entries.values()
  }

  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
  }
}
