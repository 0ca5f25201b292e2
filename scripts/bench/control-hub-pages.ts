// The Control Hub pages with a big directory: server time of each page (in-process, the request
// handed to the app without sockets), with 5 000 users against the same pages with one page of users.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from 'sso-rehearsal-sandbox'
import { type Summary, sample, summarize } from './stats'

/** How big the directory gets and how long each page is sampled. */
export interface ControlHubPagesLimits {
  readonly users: number
  readonly maxRuns: number
  readonly maxMs: number
  /** Unmeasured passes over every page first. */
  readonly warmupPasses: number
}

/** One page's server time with the baseline directory and with the full one. */
export interface ControlHubPageTiming {
  readonly page: string
  readonly path: string
  readonly baseline: Summary
  readonly full: Summary
  /** Bytes of HTML the full-directory page answered with. */
  readonly bytes: number
}

export interface ControlHubPagesResult {
  /** Users in the baseline directory: one Users page's worth. */
  readonly baselineUsers: number
  readonly users: number
  readonly pages: readonly ControlHubPageTiming[]
}

/** One Users page's rows (the list pages; more users never make a page longer). */
const BASELINE_USERS = 50
const BULK_OPERATIONS = 100

type Fetch = (request: Request) => Response | Promise<Response>

/** A browser over `fetch`: keeps cookies and the CSRF token of the last page that had one. */
function consoleBrowser(fetch: Fetch, origin: string) {
  const cookies = new Map<string, string>()
  let csrfToken = ''
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await fetch(new Request(`${origin}${path}`, { ...init, headers, redirect: 'manual' }))
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      if (/max-age=0/i.test(line)) cookies.delete(pair.slice(0, at))
      else cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return response
  }
  return {
    async get(path: string): Promise<string> {
      const response = await send(path)
      const html = await response.text()
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
      csrfToken = /name="csrf_token" value="([^"]*)"/.exec(html)?.[1] ?? csrfToken
      return html
    },
    async post(path: string, fields: Record<string, string>): Promise<Response> {
      const body = new URLSearchParams({ csrf_token: csrfToken, ...fields })
      const response = await send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      })
      await response.arrayBuffer()
      return response
    },
  }
}

/** Adds users `from`..`to`-1 through SCIM Bulk, the way a directory sync fills an org. */
async function addUsers(fetch: Fetch, scimBaseUrl: string, token: string, from: number, to: number) {
  for (let start = from; start < to; start += BULK_OPERATIONS) {
    const Operations = []
    for (let i = start; i < Math.min(to, start + BULK_OPERATIONS); i += 1)
      Operations.push({
        method: 'POST',
        path: '/Users',
        bulkId: `u${i}`,
        data: {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: `user${i}@contoso.com`,
          name: { givenName: `Given${i}`, familyName: `Family${i}` },
          displayName: `Given${i} Family${i}`,
        },
      })
    const response = await fetch(
      new Request(`${scimBaseUrl}/Bulk`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations }),
      }),
    )
    const answer = await response.text()
    if (response.status !== 200 || answer.includes('"status":"4'))
      throw new Error(`SCIM Bulk answered ${response.status}: ${answer.slice(0, 300)}`)
  }
}

/** Where the Webex emulator keeps its state in a data directory. */
function spStateFile(dir: string): string {
  const file = join(dir, 'sp', 'state.json')
  if (!existsSync(file)) throw new Error(`no Webex state file at ${file}`)
  return file
}

/**
 * Grows the stopped emulator's directory to `users` by copying the shape of a user SCIM created:
 * writing the file is seconds, where 5 000 SCIM creations one store update at a time are minutes.
 */
function growDirectory(dir: string, users: number): void {
  const file = spStateFile(dir)
  const document = JSON.parse(readFileSync(file, 'utf8'))
  const state = document.data
  const list = state.directory.users as Record<string, unknown>[]
  const template = list[0]
  if (!template) throw new Error('the baseline directory is empty')
  for (let i = list.length; i < users; i += 1) {
    const email = `user${i}@contoso.com`
    list.push({
      ...template,
      id: randomUUID(),
      userName: email,
      givenName: `Given${i}`,
      familyName: `Family${i}`,
      displayName: `Given${i} Family${i}`,
      emails: [{ value: email, type: 'work', primary: true }],
      externalId: null,
    })
  }
  writeFileSync(file, JSON.stringify(document))
}

/** Samples each page, signed in to Control Hub of a sandbox on `dir`. */
async function samplePages(
  dir: string,
  pages: readonly { path: string }[],
  limits: ControlHubPagesLimits,
  fill?: number,
): Promise<{ summaries: Summary[]; bytes: number[] }> {
  const sandbox = await startSandbox({ dataDir: dir })
  try {
    const { fetch, url, scimToken, orgId } = sandbox.sp
    if (fill) await addUsers(fetch, `${url}/identity/scim/${orgId}/v2`, scimToken, 0, fill)
    const browser = consoleBrowser(fetch, url)
    const admin = sandbox.sp.controlHubAdmin
    await browser.get('/admin/login')
    await browser.post('/admin/login', { email: admin.email })
    const signedIn = await browser.post('/admin/login/password', {
      email: admin.email,
      password: admin.password,
    })
    if (signedIn.status !== 303) throw new Error(`Control Hub sign-in answered ${signedIn.status}`)
    // JIT warm-up over every page first, so the first page sampled is not the one paying for it.
    for (let i = 0; i < limits.warmupPasses; i += 1) for (const p of pages) await browser.get(p.path)
    const summaries: Summary[] = []
    const bytes: number[] = []
    for (const p of pages) {
      summaries.push(summarize(await sample(() => browser.get(p.path), { ...limits, warmup: 2 })))
      bytes.push(Buffer.byteLength(await browser.get(p.path)))
    }
    return { summaries, bytes }
  } finally {
    await sandbox.close()
  }
}

/**
 * Samples each page with one Users page of users (the baseline, created over SCIM Bulk), grows
 * the directory to `limits.users`, and samples the same pages again in a restarted emulator on the
 * same data directory. Loops are bounded by count and time.
 */
export async function measureControlHubPages(limits: ControlHubPagesLimits): Promise<ControlHubPagesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-control-hub-'))
  try {
    const last = Math.ceil(limits.users / BASELINE_USERS)
    const pages = [
      { page: 'Users, first page', path: '/admin/users' },
      { page: 'Users, last page', path: `/admin/users?page=${last}` },
      { page: 'Users, search for one user', path: `/admin/users?q=user${limits.users - 1}%40` },
      { page: 'Overview', path: '/admin' },
    ]
    const baseline = await samplePages(dir, pages, limits, BASELINE_USERS)
    growDirectory(dir, limits.users)
    const full = await samplePages(dir, pages, limits)
    return {
      baselineUsers: BASELINE_USERS,
      users: limits.users,
      pages: pages.map((p, i) => ({
        ...p,
        baseline: baseline.summaries[i] as Summary,
        full: full.summaries[i] as Summary,
        bytes: full.bytes[i] ?? 0,
      })),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
