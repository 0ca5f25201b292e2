// store/: the servers' state: one document each, in memory or in a crash-safe JSON file.
import { closeSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { err, ok, type Result } from '../result'
import { isProcessAlive } from '../server/process-alive'
import {
  readStateFile,
  removeStaleTempFiles,
  type StateFileError,
  type StateFileSpec,
  writeStateFile,
} from './state-file'

/** Recursively read-only view of committed state. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

/**
 * The root of the state as {@link DocumentStore.updateShared} hands it to a change: its fields
 * can be replaced, everything below them is the committed (frozen) state itself.
 */
export type SharedDraft<T> = { -readonly [K in keyof T]: DeepReadonly<T[K]> }

/**
 * The storage port: one document per server, changed only through `update`, which works on a
 * private copy and commits it (to disk first, for the file store) only when the change
 * succeeds. A rejected input therefore never leaves anything half-written.
 */
export interface DocumentStore<T> {
  /** The last committed state. It is frozen: change it through {@link DocumentStore.update}. */
  read(): DeepReadonly<T>
  /**
   * Applies `change` to a copy of the state. Commits when it returns `ok`, discards the copy
   * when it returns `err` or throws. Changes run one at a time, in call order.
   */
  update<R, E>(change: (draft: T) => Result<R, E>): Promise<Result<R, E>>
  /**
   * Like {@link DocumentStore.update}, but without the copy: the change gets a shallow copy of
   * the root whose fields are the committed, frozen values, and replaces the fields it changes
   * with new values that reuse the unchanged parts (`{ ...draft.directory, users: [...users, u] }`).
   * Only those new objects are frozen at commit, so a change costs what it changes, not the
   * size of the state: what a hot path (a SCIM create among thousands of users) needs. Writing
   * into a committed value throws (it is frozen), which discards the change like any throw.
   */
  updateShared<R, E>(change: (draft: SharedDraft<T>) => Result<R, E>): Promise<Result<R, E>>
  /** Replaces the whole state (reset, import). */
  replace(next: T): Promise<void>
  /** Resolves once every started change is committed. */
  flush(): Promise<void>
  /** Flushes and releases the data directory lock. */
  close(): Promise<void>
}

/**
 * Freezes `value` and everything below it, stopping at frozen objects: committed state is
 * frozen all the way down, so a state that reuses committed parts is frozen in the time its
 * new parts take.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) freezeFresh(value)
  return value
}

function freezeFresh(value: object): void {
  Object.freeze(value)
  // Indexes, not Object.values, and the frozen test before the call: a new list of thousands
  // of reused (frozen) records is walked without a copy of it or a call per record.
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value)
  for (let i = 0; i < children.length; i += 1) {
    const child = children[i]
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) freezeFresh(child)
  }
}

/**
 * A deep copy of a JSON-shaped state (plain objects, arrays, strings, numbers, booleans, null).
 * Every state the store holds is JSON (it is what the file holds), and this copy is several
 * times faster than `structuredClone` on one: an update of a state with 5 000 users copies it
 * in a few milliseconds rather than tens.
 */
function copyState<V>(value: V): V {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(copyState) as V
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const child = copyState((value as Record<string, unknown>)[key])
    // An own "__proto__" key (JSON can hold one) must stay a key, not become the prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true })
    else copy[key] = child
  }
  return copy as V
}

/**
 * For a shared update ({@link DocumentStore.updateShared}): `list` with `item` put at `index`
 * (`list.length` appends), frozen now, `item` all the way down. Committing freezes a new list
 * by visiting each element; a list of thousands of committed records built with this is not
 * visited again, which keeps a create among thousands of users from costing a pass over them.
 */
export function frozenWith<T>(list: DeepReadonly<T[]>, index: number, item: T): DeepReadonly<T[]> {
  // Committed lists are frozen all the way down; any other list is frozen here, as a commit would.
  deepFreeze(list)
  const next = index === list.length ? [...list, item] : list.with(index, item as DeepReadonly<T>)
  deepFreeze(item)
  return Object.freeze(next) as DeepReadonly<T[]>
}

type Persist<T> = (next: T) => Promise<void>

function createStore<T>(initial: T, persist: Persist<T>, release: () => void): DocumentStore<T> {
  let committed = deepFreeze(copyState(initial))
  let queue: Promise<unknown> = Promise.resolve()

  function enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  return {
    read: () => committed as DeepReadonly<T>,
    update: (change) =>
      enqueue(async () => {
        const draft = copyState(committed) as T
        const outcome = change(draft)
        if (outcome.ok) {
          await persist(draft)
          committed = deepFreeze(draft)
        }
        return outcome
      }),
    updateShared: (change) =>
      enqueue(async () => {
        // A spread keeps an own "__proto__" key a key (it defines properties, it does not set them).
        const draft = { ...(committed as T) } as SharedDraft<T>
        const outcome = change(draft)
        if (outcome.ok) {
          const next = deepFreeze(draft) as T
          await persist(next)
          committed = next
        }
        return outcome
      }),
    replace: (next) =>
      enqueue(async () => {
        const copy = copyState(next)
        await persist(copy)
        committed = deepFreeze(copy)
      }),
    flush: () => enqueue(async () => undefined),
    close: async () => {
      await enqueue(async () => undefined)
      release()
    },
  }
}

/** A store that lives only in memory: the ephemeral mode for tests and `startSandbox()`. */
export function createMemoryStore<T>(initial: T): DocumentStore<T> {
  return createStore(
    initial,
    async () => undefined,
    () => undefined,
  )
}

/** Why a file-backed store could not be opened. */
export type OpenStoreError =
  | StateFileError
  | { readonly code: 'LOCKED'; readonly path: string; readonly message: string }

/** How to open a file-backed store. */
export interface FileStoreOptions<T> {
  readonly path: string
  readonly spec: StateFileSpec<T>
  /** Builds the first state when the file does not exist (or on reset). */
  readonly createInitial: () => Promise<T>
  /** Ignore the existing file and start from `createInitial()`. */
  readonly reset?: boolean
}

/**
 * State files open in this process. The lock file holds a pid, which cannot tell two stores of
 * one process apart (two servers started by `startSandbox()` on one data directory): this
 * registry does, and makes the lock file's pid mean "another process" only.
 */
const openInThisProcess = new Set<string>()

/**
 * One store owns a state file at a time: a second IdP on the same data directory, in this
 * process or another, would otherwise overwrite the first one's changes (the last writer
 * wins). A lock left by a dead process, or by an earlier process that had this pid, is taken over.
 */
function acquireLock(statePath: string): Result<() => void, OpenStoreError> {
  const key = join(realpathSync(dirname(statePath)), basename(statePath))
  const lockPath = `${statePath}.lock`
  if (openInThisProcess.has(key)) {
    return err({
      code: 'LOCKED',
      path: statePath,
      message: `The state file ${statePath} is already open in this process: another server started here uses the same data directory. Close that server first, or give each server its own data directory (--data-dir, or dataDir in startSandbox()).`,
    })
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600)
      writeSync(fd, String(process.pid))
      closeSync(fd)
      openInThisProcess.add(key)
      let released = false
      return ok(() => {
        if (released) return
        released = true
        openInThisProcess.delete(key)
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath)
        } catch {
          /* already gone */
        }
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(lockPath, 'utf8').trim())
      // Our own pid here is stale: nothing in this process holds the file (the registry says
      // so), so it was left by an earlier process that had this pid.
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isProcessAlive(owner)) {
        return err({
          code: 'LOCKED',
          path: statePath,
          message: `The state file ${statePath} is in use by another sandbox process (pid ${owner}). Stop that process (pnpm sandbox stop), or give this one its own --data-dir.`,
        })
      }
      unlinkSync(lockPath)
    }
  }
  return err({
    code: 'LOCKED',
    path: statePath,
    message: `Could not lock ${lockPath}; remove it if no sandbox is running.`,
  })
}

/**
 * Opens (or creates) a JSON-file-backed store. An unreadable, corrupt or newer-version file is
 * an error naming the file; it is never replaced unless `reset` is set.
 */
export async function openFileStore<T>(
  options: FileStoreOptions<T>,
): Promise<Result<DocumentStore<T>, OpenStoreError>> {
  await mkdir(dirname(options.path), { recursive: true, mode: 0o700 })
  const lock = acquireLock(options.path)
  if (!lock.ok) return lock
  try {
    removeStaleTempFiles(options.path)
    const existing = options.reset ? ok(null) : await readStateFile(options.path, options.spec)
    if (!existing.ok) {
      lock.value()
      return existing
    }
    const persist: Persist<T> = (next) => writeStateFile(options.path, options.spec, next)
    let initial = existing.value
    if (initial === null) {
      initial = await options.createInitial()
      await persist(initial)
    }
    return ok(createStore(initial, persist, lock.value))
  } catch (error) {
    lock.value()
    throw error
  }
}
