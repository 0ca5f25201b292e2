/**
 * A value read from posted XML that no verified signature covers. A check may compare it with
 * what Webex expects, and quote it in a refusal; it is never a fact about the user. Reading it
 * takes `.unverified`, so every such read says so.
 */
export interface Unverified<T> {
  readonly unverified: T
}

export function unverified<T>(value: T): Unverified<T> {
  return { unverified: value }
}
