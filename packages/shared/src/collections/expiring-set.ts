/**
 * Keys each held until their own expiry and never forgotten before it: a replay cache, where
 * forgetting a key early would let it be used again. It is bounded by refusing, not by
 * evicting: once `capacity` unexpired keys are held, `add` answers false until one expires.
 *
 * Expired keys are dropped from the oldest end as new ones arrive (keys mostly arrive in order
 * of expiry); when the set is full, one scan drops every expired key and notes when the next
 * one expires, so refusals until then cost nothing.
 */
export class ExpiringSet<K> {
  private readonly expiries = new Map<K, number>()
  /** No held key expires before this (valid while the set stays full). */
  private fullUntil = Number.NEGATIVE_INFINITY

  constructor(private readonly capacity: number) {}

  /** True while `key` is held (until and including its expiry). */
  has(key: K, now: number): boolean {
    const until = this.expiries.get(key)
    if (until === undefined) return false
    if (until < now) {
      this.expiries.delete(key)
      return false
    }
    return true
  }

  /** Holds `key` until `until`; false (and nothing held) when the set is full of unexpired keys. */
  add(key: K, until: number, now: number): boolean {
    this.dropExpiredHead(now)
    if (!this.expiries.has(key) && this.expiries.size >= this.capacity) {
      if (now <= this.fullUntil) return false
      this.sweep(now)
      if (this.expiries.size >= this.capacity) return false
    }
    const held = this.expiries.get(key)
    this.expiries.set(key, held === undefined ? until : Math.max(held, until))
    if (until < this.fullUntil) this.fullUntil = until
    return true
  }

  /** When the earliest held key expires (room for one more), or null when nothing is held. */
  nextExpiry(now: number): number | null {
    this.sweep(now)
    return this.expiries.size === 0 ? null : this.fullUntil
  }

  get size(): number {
    return this.expiries.size
  }

  clear(): void {
    this.expiries.clear()
    this.fullUntil = Number.NEGATIVE_INFINITY
  }

  private dropExpiredHead(now: number): void {
    for (const [key, until] of this.expiries) {
      if (until >= now) return
      this.expiries.delete(key)
    }
  }

  private sweep(now: number): void {
    let earliest = Number.POSITIVE_INFINITY
    for (const [key, until] of this.expiries) {
      if (until < now) this.expiries.delete(key)
      else earliest = Math.min(earliest, until)
    }
    this.fullUntil = earliest
  }
}
