// The Entra admin center pages with a big tenant: server time of each page (in-process, the
// request handed to the app without sockets), with 1 000 users and 200 apps against the same
// pages of a small tenant, measured in the same run.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInProcessTransport, HeadlessBrowser, signIn } from '@sandbox/shared'
import { type Sandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { type Summary, sample, summarize } from './stats'

/** How big the tenant gets and how long each page is sampled. */
export interface EntraPagesLimits {
  readonly users: number
  readonly apps: number
  readonly maxRuns: number
  readonly maxMs: number
  /** Unmeasured passes over every page first. */
  readonly warmupPasses: number
}

/** One page's server time with the small tenant and with the big one. */
export interface EntraPageTiming {
  readonly page: string
  readonly path: string
  readonly baseline: Summary
  readonly full: Summary
  /** Bytes of HTML the big tenant's page answered with. */
  readonly bytes: number
}

export interface EntraPagesResult {
  readonly baselineUsers: number
  readonly baselineApps: number
  readonly users: number
  readonly apps: number
  readonly pages: readonly EntraPageTiming[]
}

/** The small tenant: one All users page of users, a few apps (each one's certificate is real). */
const BASELINE_USERS = 50
const BASELINE_APPS = 3
const WEBEX = 'Cisco Webex'

type Fetch = (request: Request) => Response | Promise<Response>
type Credentials = { readonly userPrincipalName: string; readonly password: string }

/** Where the Entra emulator keeps its state in a data directory. */
function idpStateFile(dir: string): string {
  const file = join(dir, 'idp', 'state.json')
  if (!existsSync(file)) throw new Error(`no Entra state file at ${file}`)
  return file
}

/**
 * Grows the stopped emulator's tenant to `users` users and `apps` apps by copying the shape of
 * what the Graph API created, and assigns every user to the first app (its Users and groups page
 * is the biggest a tenant can make): writing the file is seconds, where a thousand Graph
 * creations with password hashes and two hundred certificates are minutes.
 */
function growTenant(dir: string, users: number, apps: number): void {
  const file = idpStateFile(dir)
  const document = JSON.parse(readFileSync(file, 'utf8'))
  const state = document.data
  const userList = state.users as Record<string, unknown>[]
  const template = userList.at(-1)
  if (!template) throw new Error('the baseline tenant has no users')
  for (let i = userList.length; i < users; i += 1) {
    const upn = `user${i}@contoso.com`
    userList.push({
      ...template,
      id: randomUUID(),
      userPrincipalName: upn,
      mail: upn,
      mailNickname: `user${i}`,
      displayName: `Given${i} Family${i}`,
      givenName: `Given${i}`,
      surname: `Family${i}`,
      directoryRoles: [],
    })
  }
  const appList = state.apps as {
    application: Record<string, unknown>
    servicePrincipal: Record<string, unknown>
  }[]
  // Copies of the last (a non-gallery app: Webex may exist once); every user gets the first (Webex).
  const appTemplate = appList.at(-1)
  const webex = appList[0]
  if (!appTemplate || !webex) throw new Error('the baseline tenant has no apps')
  for (let i = appList.length; i < apps; i += 1) {
    const copy = structuredClone(appTemplate)
    const appId = randomUUID()
    const displayName = `App ${i}`
    copy.application = { ...copy.application, id: randomUUID(), appId, displayName }
    copy.servicePrincipal = { ...copy.servicePrincipal, id: randomUUID(), appId, displayName }
    appList.push(copy)
  }
  const assignments = state.appRoleAssignments as Record<string, unknown>[]
  const first = assignments.find((a) => a.resourceId === webex.servicePrincipal.id)
  if (!first) throw new Error('the baseline tenant has no assignment to copy')
  const assigned = new Set(assignments.map((a) => a.principalId))
  for (const user of userList) {
    if (assigned.has(user.id)) continue
    assignments.push({ ...first, id: randomUUID(), principalId: user.id, principalType: 'User' })
  }
  writeFileSync(file, JSON.stringify(document))
}

/** A signed-in admin center session over the app's own handler: GETs with its cookies. */
async function consoleSession(fetch: Fetch, url: string, admin: Credentials) {
  const browser = new HeadlessBrowser({
    transport: createInProcessTransport({ [new URL(url).origin]: fetch }),
  })
  // The admin center's sign-in ends on its Home page, not with a SAML Response to an SP: the
  // result says so, and the first GET (a 200, not a redirect to sign-in) shows it worked.
  await signIn({ startUrl: `${url}/`, username: admin.userPrincipalName, password: admin.password, browser })
  const cookie = () =>
    browser.jar
      .cookiesFor(new URL(url))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
  const get = async (path: string): Promise<string> => {
    const response = await fetch(new Request(`${url}${path}`, { headers: { cookie: cookie() } }))
    const html = await response.text()
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
    return html
  }
  await get('/')
  return get
}

/** The small tenant, through the Graph API: users, apps with SAML, a few assignments. */
async function fillBaseline(sandbox: Sandbox): Promise<void> {
  const { client } = sandbox.entra
  const webex = await client.galleryTemplate(WEBEX)
  const custom = await client.galleryTemplate('Custom')
  if (!webex || !custom) throw new Error(`no ${WEBEX} or Custom gallery template`)
  // Webex allows one instance per tenant; the others are non-gallery apps.
  const made = [await client.instantiate(webex.id, WEBEX)]
  for (let i = 1; i < BASELINE_APPS; i += 1) made.push(await client.instantiate(custom.id, `App ${i}`))
  const roles = await client.servicePrincipalByName(WEBEX)
  const role = roles?.appRoles[0]?.id ?? '00000000-0000-0000-0000-000000000000'
  for (let i = 0; i < BASELINE_USERS; i += 1) {
    const user = await client.createUser({
      userPrincipalName: `user${i}@contoso.com`,
      displayName: `Given${i} Family${i}`,
      givenName: `Given${i}`,
      surname: `Family${i}`,
      mailNickname: `user${i}`,
      accountEnabled: true,
      passwordProfile: { password: 'Bench-Passw0rd!', forceChangePasswordNextSignIn: false },
    })
    await client.assign(made[0]?.servicePrincipal.id ?? '', user.id, role)
  }
}

/** Samples each page, signed in to the admin center of a sandbox on `dir`. */
async function samplePages(
  dir: string,
  pages: (spId: string) => readonly { path: string }[],
  limits: EntraPagesLimits,
  admin: Credentials | null,
): Promise<{ summaries: Summary[]; bytes: number[]; admin: Credentials }> {
  const sandbox = await startSandbox({ dataDir: dir })
  try {
    const signedInAs = admin ?? sandbox.entra.admin
    if (!signedInAs) throw new Error('the first start named no admin')
    if (!admin) await fillBaseline(sandbox)
    const sp = await sandbox.entra.client.servicePrincipalByName(WEBEX)
    if (!sp) throw new Error(`no ${WEBEX} app`)
    const get = await consoleSession(sandbox.idp.fetch, sandbox.idp.url, signedInAs)
    const paths = pages(sp.id)
    // JIT warm-up over every page first, so the first page sampled is not the one paying for it.
    for (let i = 0; i < limits.warmupPasses; i += 1) for (const p of paths) await get(p.path)
    const summaries: Summary[] = []
    const bytes: number[] = []
    for (const p of paths) {
      summaries.push(summarize(await sample(() => get(p.path), { ...limits, warmup: 2 })))
      bytes.push(Buffer.byteLength(await get(p.path)))
    }
    return { summaries, bytes, admin: signedInAs }
  } finally {
    await sandbox.close()
  }
}

/**
 * Samples each page with the small tenant (made over the Graph API), grows the tenant to
 * `limits.users` users and `limits.apps` apps, and samples the same pages again in a restarted
 * emulator on the same data directory. Loops are bounded by count and time.
 */
export async function measureEntraPages(limits: EntraPagesLimits): Promise<EntraPagesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-entra-'))
  try {
    const pages = (spId: string) => [
      { page: 'All users', path: '/users' },
      { page: 'All users, search for one user', path: `/users?search=user${limits.users - 1}%40` },
      { page: 'Enterprise applications', path: '/enterprise-apps' },
      { page: 'App Overview', path: `/enterprise-apps/${spId}` },
      { page: 'Users and groups', path: `/enterprise-apps/${spId}/users` },
      { page: 'Overview', path: '/' },
    ]
    const named = pages('')
    const baseline = await samplePages(dir, pages, limits, null)
    growTenant(dir, limits.users, limits.apps)
    const full = await samplePages(dir, pages, limits, baseline.admin)
    return {
      baselineUsers: BASELINE_USERS + 1,
      baselineApps: BASELINE_APPS,
      users: limits.users,
      apps: limits.apps,
      pages: named.map((p, i) => ({
        page: p.page,
        path: p.path,
        baseline: baseline.summaries[i] as Summary,
        full: full.summaries[i] as Summary,
        bytes: full.bytes[i] ?? 0,
      })),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
