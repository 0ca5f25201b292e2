import { type DocumentStore, ok, type Result } from '@sandbox/shared'
import { type AdminError, notFound } from '../errors/admin-error'
import type { DeepState } from './deep-state'
import type { IdpState } from './idp-state'

/** The object `find` finds by `key` in the committed state, or NOT_FOUND naming the key. */
export function readFound<T>(
  store: DocumentStore<IdpState>,
  find: (state: DeepState, key: string) => T | undefined,
  key: string,
): Result<T, AdminError> {
  const found = find(store.read(), key)
  return found === undefined ? notFound(key) : ok(found)
}

/**
 * Changes the object `find` finds by `key` in a draft of the state, all or nothing (an error
 * from `change` commits nothing), or answers NOT_FOUND naming the key.
 */
export function updateFound<T, R>(
  store: DocumentStore<IdpState>,
  find: (draft: IdpState, key: string) => T | undefined,
  key: string,
  change: (found: T, draft: IdpState) => Result<R, AdminError>,
): Promise<Result<R, AdminError>> {
  return store.update((draft) => {
    const found = find(draft, key)
    return found === undefined ? notFound(key) : change(found, draft)
  })
}

/** Like {@link updateFound} for a change that only validates and sets: answers the changed object. */
export function patchFound<T>(
  store: DocumentStore<IdpState>,
  find: (draft: IdpState, key: string) => T | undefined,
  key: string,
  apply: (found: T, draft: IdpState) => Result<void, AdminError>,
): Promise<Result<T, AdminError>> {
  return updateFound(store, find, key, (found, draft) => {
    const applied = apply(found, draft)
    return applied.ok ? ok(found) : applied
  })
}
