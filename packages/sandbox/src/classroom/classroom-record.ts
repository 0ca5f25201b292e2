import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ClassroomSetUp, TestUserCredentials } from '@sandbox/shared'

/** What the classroom remembers between requests (and, with a data directory, between starts). */
export interface ClassroomRecord {
  readonly setUp: ClassroomSetUp | null
  readonly exercise: {
    readonly id: string
    readonly appliedAt: string
    readonly did: string
    readonly testUser: TestUserCredentials | null
  } | null
}

export const EMPTY_RECORD: ClassroomRecord = { setUp: null, exercise: null }

/** Where the record lives under a data directory. */
export function classroomRecordPath(dataDir: string): string {
  return join(dataDir, 'training', 'classroom.json')
}

const isText = (value: unknown, max = 2000): value is string =>
  typeof value === 'string' && value.length <= max

function credentialsOf(value: unknown): TestUserCredentials | null {
  const v = value as { userPrincipalName?: unknown; password?: unknown } | null
  return v && isText(v.userPrincipalName, 256) && isText(v.password, 256)
    ? { userPrincipalName: v.userPrincipalName, password: v.password }
    : null
}

/** Reads a record written by {@link saveClassroomRecord}; anything else counts as no record. */
export function parseClassroomRecord(text: string): ClassroomRecord {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return EMPTY_RECORD
  }
  const r = raw as { setUp?: Record<string, unknown> | null; exercise?: Record<string, unknown> | null }
  const setUp =
    r?.setUp && Number.isInteger(r.setUp.stepsDone) && isText(r.setUp.at, 64)
      ? { stepsDone: r.setUp.stepsDone as number, at: r.setUp.at, testUser: credentialsOf(r.setUp.testUser) }
      : null
  const e = r?.exercise
  const exercise =
    e && isText(e.id, 80) && isText(e.appliedAt, 64) && isText(e.did)
      ? { id: e.id, appliedAt: e.appliedAt, did: e.did, testUser: credentialsOf(e.testUser) }
      : null
  return { setUp, exercise }
}

export async function loadClassroomRecord(dataDir: string | null): Promise<ClassroomRecord> {
  if (dataDir === null) return EMPTY_RECORD
  const text = await readFile(classroomRecordPath(dataDir), 'utf8').catch(() => null)
  return text === null ? EMPTY_RECORD : parseClassroomRecord(text)
}

/** Writes the record whole (a temporary file renamed over the old one), readable by its owner only. */
export async function saveClassroomRecord(dataDir: string | null, record: ClassroomRecord): Promise<void> {
  if (dataDir === null) return
  const path = classroomRecordPath(dataDir)
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 })
  await rename(temporary, path)
}
