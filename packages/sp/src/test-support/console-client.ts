import { CONSOLE_FLOW_COOKIE, CONSOLE_SESSION_COOKIE } from '../http/console/console-auth'
import type { SpSnapshot } from '../state/sp-state'

/** What the client needs of a test SP: its app and its state (both harnesses have them). */
export interface ConsoleTarget {
  readonly app: { request(path: string, init?: RequestInit): Response | Promise<Response> }
  readonly store: { read(): SpSnapshot }
}

/** A browser on Control Hub's pages over `app.request`: its cookies, and the page's CSRF token. */
export interface ConsoleClient {
  /** The `Cookie` header this browser sends. */
  cookieHeader(): string
  /** The CSRF token of the last page that had one. */
  csrfToken(): string
  get(path: string): Promise<Response>
  /** Posts a form; `csrf_token` is added unless the fields set it (to '' to leave it out). */
  post(path: string, fields: Record<string, string | readonly string[]>): Promise<Response>
}

const TOKEN_FIELD = /name="csrf_token" value="([^"]*)"/

/** A browser with no cookies yet. */
export function consoleBrowser(sp: ConsoleTarget): ConsoleClient {
  const cookies = new Map<string, string>()
  let token = ''
  const remember = async (response: Response): Promise<Response> => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at)
      const value = pair.slice(at + 1)
      if (value === '' || /max-age=0/i.test(line)) cookies.delete(name)
      else cookies.set(name, value)
    }
    if ((response.headers.get('content-type') ?? '').includes('text/html')) {
      const text = await response.clone().text()
      const found = TOKEN_FIELD.exec(text)?.[1]
      if (found) token = found
    }
    return response
  }
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  return {
    cookieHeader,
    csrfToken: () => token,
    get: async (path) => remember(await sp.app.request(path, { headers: { cookie: cookieHeader() } })),
    post: async (path, fields) => {
      const body = new URLSearchParams()
      if (!('csrf_token' in fields)) body.append('csrf_token', token)
      for (const [name, value] of Object.entries(fields))
        for (const one of typeof value === 'string' ? [value] : value) if (one !== '') body.append(name, one)
      return remember(
        await sp.app.request(path, {
          method: 'POST',
          headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        }),
      )
    },
  }
}

/** The org administrator's email and password (what the ready banner prints). */
export function adminCredentialsOf(sp: ConsoleTarget): { email: string; password: string } {
  const admin = sp.store.read().controlHubAdmin
  if (!admin) throw new Error('the test org has no Control Hub administrator')
  return { email: admin.email, password: admin.password }
}

/** A browser signed in to Control Hub as the org administrator, on Overview. */
export async function signedInConsole(sp: ConsoleTarget): Promise<ConsoleClient> {
  const browser = consoleBrowser(sp)
  const { email, password } = adminCredentialsOf(sp)
  await browser.get('/admin/login')
  await browser.post('/admin/login', { email })
  const done = await browser.post('/admin/login/password', { email, password })
  if (done.status !== 303) throw new Error(`Control Hub sign-in failed: ${done.status}`)
  await browser.get('/admin')
  return browser
}

export { CONSOLE_FLOW_COOKIE, CONSOLE_SESSION_COOKIE }
