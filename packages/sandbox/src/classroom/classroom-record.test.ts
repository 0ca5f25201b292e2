import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  classroomRecordPath,
  EMPTY_RECORD,
  loadClassroomRecord,
  parseClassroomRecord,
  saveClassroomRecord,
} from './classroom-record'

const RECORD = {
  setUp: {
    stepsDone: 6,
    at: '2026-12-02T05:00:00.000Z',
    testUser: { userPrincipalName: 'B.Simon@contoso.com', password: 'Pw1' },
  },
  exercise: {
    id: 'clock-skew',
    appliedAt: '2026-12-02T05:00:00.000Z',
    did: "Moved the Entra emulator's clock back two hours",
    testUser: { userPrincipalName: 'B.Simon@contoso.com', password: 'Pw1' },
  },
}

describe('the classroom record in the data directory', () => {
  it('keeps the active exercise across starts, in a file only its owner can read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'classroom-'))
    try {
      await saveClassroomRecord(dir, RECORD)
      expect(await loadClassroomRecord(dir)).toEqual(RECORD)
      expect((await stat(classroomRecordPath(dir))).mode & 0o077).toBe(0)
      expect(JSON.parse(await readFile(classroomRecordPath(dir), 'utf8'))).toEqual(RECORD)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('reads a missing, corrupt or tampered file as no record, never as half of one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'classroom-'))
    try {
      expect(await loadClassroomRecord(dir)).toEqual(EMPTY_RECORD)
      await saveClassroomRecord(dir, RECORD)
      await writeFile(classroomRecordPath(dir), '{"setUp": ')
      expect(await loadClassroomRecord(dir)).toEqual(EMPTY_RECORD)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    expect(parseClassroomRecord('null')).toEqual(EMPTY_RECORD)
    expect(
      parseClassroomRecord(JSON.stringify({ exercise: { id: 7, appliedAt: 'x', did: 'y' } })).exercise,
    ).toBeNull()
    expect(parseClassroomRecord(JSON.stringify({ setUp: { stepsDone: 1.5, at: 'x' } })).setUp).toBeNull()
    expect(await loadClassroomRecord(null)).toEqual(EMPTY_RECORD)
  })
})
