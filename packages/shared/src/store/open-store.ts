import { StartupError } from '../startup-error'
import { createMemoryStore, type DocumentStore, openFileStore } from './document-store'
import type { StateFileSpec } from './state-file'

/** A store plus whatever its first creation produced (one-time secrets to show). */
export interface OpenedStore<T, F> {
  readonly store: DocumentStore<T>
  /** What the first start produced; null when the state already existed. */
  readonly firstStart: F | null
}

/**
 * Opens a server's state: from its file (created on first start), or in memory when `path`
 * is null. A corrupt, unreadable or newer-version file throws a {@link StartupError} that
 * names the file.
 */
export async function openServerState<T, F>(options: {
  readonly path: string | null
  readonly spec: StateFileSpec<T>
  readonly reset: boolean
  readonly create: () => Promise<{ state: T; firstStart: F }>
}): Promise<OpenedStore<T, F>> {
  let firstStart: F | null = null
  const createInitial = async (): Promise<T> => {
    const fresh = await options.create()
    firstStart = fresh.firstStart
    return fresh.state
  }
  if (options.path === null) {
    return { store: createMemoryStore(await createInitial()), firstStart }
  }
  const opened = await openFileStore({
    path: options.path,
    spec: options.spec,
    createInitial,
    reset: options.reset,
  })
  if (!opened.ok) throw new StartupError(opened.error.message)
  return { store: opened.value, firstStart }
}
