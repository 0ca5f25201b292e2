import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  createNodeTransport,
  isProcessAlive,
  readStateFile,
  type StateFileSpec,
  type Transport,
  writeStateFile,
} from '@sandbox/shared'
import { z } from 'zod'
import type { ApiTarget } from '../index'
import { sandboxTrust } from './sandbox-trust'

/**
 * What a running `pnpm start` leaves in its data directory so that `pnpm rehearse`,
 * `pnpm sandbox login` and `pnpm sandbox stop` can find it: the process, both URLs, the
 * admin API tokens and Control Hub's administrator. The file is private to the user (0600 in a 0700 directory), like the
 * state files that hold the same tokens.
 */
const runningRecordSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  idp: z.object({ url: z.string().url(), tenantId: z.string(), graphApiToken: z.string() }),
  sp: z.object({
    url: z.string().url(),
    orgId: z.string(),
    adminApiToken: z.string(),
    /** Control Hub's built-in administrator, for a person or a browser suite to sign in with. */
    controlHubAdmin: z.object({ email: z.string(), password: z.string() }).optional(),
  }),
})
export type RunningRecord = z.infer<typeof runningRecordSchema>

const RUNNING_FILE: StateFileSpec<RunningRecord> = {
  format: 'sso-sandbox/running',
  version: 1,
  schema: runningRecordSchema,
}

function runningRecordPath(dataDir: string): string {
  return join(dataDir, 'running.json')
}

export async function writeRunningRecord(dataDir: string, record: RunningRecord): Promise<void> {
  await writeStateFile(runningRecordPath(dataDir), RUNNING_FILE, record)
}

/** Removes the record, but only if it is still this process's (a newer start may own it). */
export async function removeRunningRecord(dataDir: string, pid: number = process.pid): Promise<void> {
  const current = await readStateFile(runningRecordPath(dataDir), RUNNING_FILE)
  if (current.ok && current.value?.pid === pid) await rm(runningRecordPath(dataDir), { force: true })
}

async function answersHealth(baseUrl: string, transport: Transport): Promise<boolean> {
  try {
    const response = await transport({ method: 'GET', url: new URL('/healthz', baseUrl), headers: {} })
    return response.status === 200
  } catch {
    return false
  }
}

/** A running sandbox, and the root to trust when it serves https. */
export type FoundSandbox = RunningRecord & { readonly ca?: string }

/**
 * The sandbox running on `dataDir`, or null when none is: no record, a record left by a
 * process that died (SIGKILL leaves one), or servers that do not answer.
 */
export async function findRunningSandbox(dataDir: string): Promise<FoundSandbox | null> {
  const read = await readStateFile(runningRecordPath(dataDir), RUNNING_FILE)
  if (!read.ok || read.value === null) return null
  const record = read.value
  if (!isProcessAlive(record.pid)) return null
  // Under --https the servers present certificates of the sandbox CA in this data directory.
  const secure = record.idp.url.startsWith('https:') || record.sp.url.startsWith('https:')
  const ca = secure ? await sandboxTrust(dataDir) : undefined
  const transport = createNodeTransport({ timeoutMs: 2000, ...(ca ? { ca } : {}) })
  const [idpUp, spUp] = await Promise.all([
    answersHealth(record.idp.url, transport),
    answersHealth(record.sp.url, transport),
  ])
  if (!idpUp || !spUp) return null
  return ca ? { ...record, ca } : record
}

/** The admin API targets of a running sandbox (with its root under --https). */
export function apiTargetsOf(found: FoundSandbox): { idp: ApiTarget; sp: ApiTarget } {
  const trust = found.ca ? { ca: found.ca } : {}
  return {
    idp: { baseUrl: found.idp.url, token: found.idp.graphApiToken, ...trust },
    sp: { baseUrl: found.sp.url, token: found.sp.adminApiToken, ...trust },
  }
}
