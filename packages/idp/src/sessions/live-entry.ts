/** An in-memory table whose entries expire. */
interface ExpiringTable<T> {
  get(id: string): T | undefined
  delete(id: string): unknown
}

/** The entry under `id` if it has not expired, else null; an expired entry is dropped on the way. */
export function liveEntry<T extends { readonly expiresAt: number }>(
  table: ExpiringTable<T>,
  id: string | undefined,
  now: number,
): T | null {
  if (!id) return null
  const entry = table.get(id)
  if (!entry) return null
  if (entry.expiresAt > now) return entry
  table.delete(id)
  return null
}
