import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'

/** Debian's Chromium; `npx playwright install` cannot work offline, so the system browser is used. */
const CHROMIUM_PATH = process.env.SANDBOX_CHROMIUM ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
]

/**
 * A home directory whose NSS database (`~/.pki/nssdb`, where Chromium on Linux reads the
 * certificate authorities a user added) trusts `rootsPem` for TLS servers, as a person does by
 * importing the sandbox root under Settings > Manage certificates > Authorities. Chromium then
 * verifies the sandbox's certificates itself (chain, validity, host name) instead of having its
 * errors ignored.
 */
function homeTrusting(rootsPem: readonly string[]): string {
  const home = mkdtempSync(join(tmpdir(), 'chromium-home-'))
  const db = join(home, '.pki', 'nssdb')
  mkdirSync(db, { recursive: true })
  const certutil = (args: string[]) => {
    try {
      execFileSync('certutil', args, { stdio: 'pipe' })
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      throw new Error(
        missing
          ? 'certutil not found: the https browser journeys trust the sandbox root CA through an NSS database. Run "bash scripts/install-test-deps.sh" (Debian package libnss3-tools).'
          : `certutil ${args.join(' ')} failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
      )
    }
  }
  certutil(['-N', '-d', `sql:${db}`, '--empty-password'])
  rootsPem.forEach((pem, index) => {
    const file = join(home, `root-${index}.pem`)
    writeFileSync(file, pem)
    certutil(['-A', '-d', `sql:${db}`, '-n', `sso-sandbox-root-${index}`, '-t', 'C,,', '-i', file])
  })
  return home
}

/**
 * Launches headless Chromium with the flags this machine needs: no sandbox (root in CI), no GPU,
 * and no background networking (every outbound connection is refused here anyway). With
 * `trustedRootsPem`, Chromium trusts those certificate authorities (the sandbox root under
 * `--https`) the way a user-imported authority is trusted.
 */
export async function launchChromium(
  options: { trustedRootsPem?: readonly string[] } = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Run "bash scripts/install-test-deps.sh" (Debian package chromium).`,
    )
  }
  const roots = options.trustedRootsPem ?? []
  const home = roots.length > 0 ? homeTrusting(roots) : null
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(home ? { env: { ...process.env, HOME: home } } : {}),
  })
  if (home) browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }))
  return browser
}

/** The CSP violations of a browser context, as they happen. */
export interface CspViolations {
  readonly list: readonly string[]
  /** Resolves with the first violation (a blocked submission leaves the page where it was). */
  readonly first: Promise<string>
}

/**
 * Records every Content Security Policy violation in `context`'s pages: the
 * `securitypolicyviolation` events the pages see (reported through a binding, so that they
 * survive navigations) and Chromium's console reports (which also name blocked form targets).
 */
export async function recordCspViolations(context: BrowserContext): Promise<CspViolations> {
  const list: string[] = []
  let reportFirst: (text: string) => void = () => undefined
  const first = new Promise<string>((resolve) => {
    reportFirst = resolve
  })
  const record = (text: string) => {
    list.push(text)
    reportFirst(text)
  }
  await context.exposeBinding('reportCspViolation', (_source, text: string) => record(text))
  await context.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => { window.reportCspViolation('securitypolicyviolation: ' + e.effectiveDirective + ' blocked ' + e.blockedURI + ' on ' + e.documentURI) })`,
  )
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) record(`console: ${message.text()}`)
  })
  return { list, first }
}
