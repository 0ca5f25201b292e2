import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../support/cli'

const run = promisify(execFile)
const WAIT_MS = 10 * 60_000
const POLL_MS = 250

/** What goes into the tarball: every package's sources and manifest, the SP's assets, the build. */
const INPUTS = ['packages', 'scripts/esbuild-config.mjs']
const SKIPPED = new Set(['node_modules', 'dist'])

function fingerprint(): string {
  const hash = createHash('sha256')
  const visit = (path: string): void => {
    const stat = statSync(path)
    if (!stat.isDirectory()) {
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`)
      return
    }
    for (const name of readdirSync(path).sort()) if (!SKIPPED.has(name)) visit(join(path, name))
  }
  for (const input of INPUTS) visit(join(ROOT, input))
  return hash.digest('hex').slice(0, 16)
}

const tarballIn = (dir: string): string | undefined =>
  existsSync(dir) ? readdirSync(dir).find((name) => /^sso-rehearsal-sandbox-.*\.tgz$/.test(name)) : undefined

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/**
 * The package packed exactly as for publishing (`pnpm pack`, which builds it first), once per
 * state of the sources: every test file that installs the tarball shares it, and a file that
 * asks while another packs waits for that pack instead of building a second time.
 */
export async function packedTarball(): Promise<string> {
  const dir = join(tmpdir(), `sso-sandbox-pack-${fingerprint()}`)
  const lock = `${dir}.lock`
  const deadline = Date.now() + WAIT_MS
  while (Date.now() < deadline) {
    const ready = tarballIn(dir)
    if (ready) return join(dir, ready)
    try {
      mkdirSync(lock)
    } catch {
      // Another test file packs these sources now; its tarball appears in `dir` when done.
      await sleep(POLL_MS)
      continue
    }
    try {
      const staging = `${dir}.staging-${process.pid}`
      rmSync(staging, { recursive: true, force: true })
      mkdirSync(staging)
      await run('pnpm', ['--filter', 'sso-rehearsal-sandbox', 'pack', '--pack-destination', staging], {
        cwd: ROOT,
      })
      if (!tarballIn(staging)) throw new Error(`pnpm pack wrote no tarball into ${staging}`)
      renameSync(staging, dir)
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
  throw new Error(`No tarball in ${dir} after ${WAIT_MS / 60_000} min (is ${lock} left by a killed run?)`)
}
