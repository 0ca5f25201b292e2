import { closeSync, fsyncSync, openSync, readdirSync, unlinkSync } from 'node:fs'
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import { err, ok, type Result } from '../result'
import { isProcessAlive } from '../server/process-alive'

/**
 * Every state file is an envelope that says what it holds and which version wrote it, so a
 * file from another tool or a newer sandbox is refused by name instead of misread.
 */
export interface StateEnvelope<T> {
  readonly format: string
  readonly version: number
  readonly savedAt: string
  readonly data: T
}

/** Why a state file could not be loaded. The message names the file, the problem and the way out. */
export interface StateFileError {
  readonly code: 'UNREADABLE' | 'CORRUPT' | 'WRONG_FORMAT' | 'NEWER_VERSION' | 'INVALID_CONTENT'
  readonly path: string
  readonly message: string
}

/** What a state file must contain. */
export interface StateFileSpec<T> {
  /** e.g. `sso-sandbox/idp-state`. */
  readonly format: string
  /** The version this code writes; files with a higher version are refused. */
  readonly version: number
  readonly schema: z.ZodType<T>
}

const HOW_TO_RECOVER =
  'Restore it from a backup, move it away, or start with --reset to begin with a fresh state.'

/**
 * Reads and checks a state file. Returns `ok(null)` when the file does not exist (first start);
 * every other problem is an error that stops start-up: a corrupt file is never silently replaced.
 */
export async function readStateFile<T>(
  path: string,
  spec: StateFileSpec<T>,
): Promise<Result<T | null, StateFileError>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return ok(null)
    return err({
      code: 'UNREADABLE',
      path,
      message: `Cannot read state file ${path}: ${code ?? (error as Error).message}. Check its permissions.`,
    })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return err({
      code: 'CORRUPT',
      path,
      message: `State file ${path} is not valid JSON (${(error as Error).message}); it may have been truncated or edited by hand. ${HOW_TO_RECOVER}`,
    })
  }
  const envelope = parsed as Partial<StateEnvelope<unknown>> | null
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== spec.format) {
    return err({
      code: 'WRONG_FORMAT',
      path,
      message: `State file ${path} is not a ${spec.format} file (its "format" is ${JSON.stringify(envelope?.format ?? null)}). ${HOW_TO_RECOVER}`,
    })
  }
  if (typeof envelope.version !== 'number' || envelope.version > spec.version) {
    return err({
      code: 'NEWER_VERSION',
      path,
      message: `State file ${path} was written by a newer sandbox (state version ${String(envelope.version)}, this one reads up to ${spec.version}). Upgrade the sandbox, or ${HOW_TO_RECOVER.toLowerCase()}`,
    })
  }
  const checked = spec.schema.safeParse(envelope.data)
  if (!checked.success) {
    const first = checked.error.issues[0]
    const where = first ? first.path.map(String).join('.') || '(root)' : '(root)'
    return err({
      code: 'INVALID_CONTENT',
      path,
      message: `State file ${path} has invalid content at "data.${where}": ${first?.message ?? 'unknown problem'}. ${HOW_TO_RECOVER}`,
    })
  }
  return ok(checked.data)
}

let tempCounter = 0

function tempPathFor(path: string): string {
  tempCounter += 1
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`)
}

async function writeDurably(tempPath: string, text: string): Promise<void> {
  const handle = await open(tempPath, 'w', 0o600)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function syncDirectory(dir: string): void {
  // Makes the rename itself durable. Some filesystems refuse fsync on a directory; the rename
  // is still atomic there, only its durability across power loss is weaker.
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    /* best effort, see above */
  }
}

/**
 * Writes the envelope of `data` to a fresh temp file beside `path` (fsynced), then lets
 * `publish` put it in place, and makes that durable. The temp file never outlives the call.
 */
async function publishEnvelope<T>(
  path: string,
  spec: Omit<StateFileSpec<T>, 'schema'>,
  data: T,
  publish: (tempPath: string) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const envelope: StateEnvelope<T> = {
    format: spec.format,
    version: spec.version,
    savedAt: new Date().toISOString(),
    data,
  }
  const tempPath = tempPathFor(path)
  try {
    await writeDurably(tempPath, `${JSON.stringify(envelope, null, 2)}\n`)
    await publish(tempPath)
  } finally {
    // After a rename there is nothing left to remove; after a link or a failure, the temp file.
    await unlink(tempPath).catch(() => undefined)
  }
  syncDirectory(dirname(path))
}

/**
 * Writes a state file atomically: the whole envelope goes to a temp file in the same
 * directory, is fsynced, then renamed over the old file. A crash at any point leaves either
 * the old or the new file, never a mixture.
 */
export async function writeStateFile<T>(
  path: string,
  spec: Omit<StateFileSpec<T>, 'schema'>,
  data: T,
): Promise<void> {
  await publishEnvelope(path, spec, data, (tempPath) => rename(tempPath, path))
}

/**
 * Publishes a state file only if none exists yet (hard-link, which fails on an existing
 * target). Two processes creating the same shared file at once (the CA) then agree on one.
 * Returns false when another writer got there first.
 */
export async function createStateFileExclusively<T>(
  path: string,
  spec: Omit<StateFileSpec<T>, 'schema'>,
  data: T,
): Promise<boolean> {
  try {
    await publishEnvelope(path, spec, data, (tempPath) => link(tempPath, path))
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** Removes temp files that a killed process left behind next to `path` (never a live writer's). */
export function removeStaleTempFiles(path: string): void {
  const dir = dirname(path)
  const prefix = `.${basename(path)}.`
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue
    const pid = Number(entry.slice(prefix.length).split('.')[0])
    if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) continue
    try {
      unlinkSync(join(dir, entry))
    } catch {
      /* another process may have removed it */
    }
  }
}
