import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliRun, ROOT, runCli } from '../support/cli'

const base = mkdtempSync(join(tmpdir(), 'cli-rough-edges-'))
const httpsDir = join(base, 'https')
let started: CliRun

beforeAll(async () => {
  // A sandbox started by hand with --https on its own data directory, as a trainer would.
  started = runCli('scripts/start.ts', [
    '--https',
    '--data-dir',
    httpsDir,
    '--idp-port',
    '0',
    '--sp-port',
    '0',
  ])
  await started.waitFor(/Sandbox ready/, 60_000)
}, 90_000)

afterAll(async () => {
  if (started.child.exitCode === null) started.child.kill('SIGTERM')
  await started.exited
  rmSync(base, { recursive: true, force: true })
})

/** Runs `pnpm <args>` as a person types it, from the repository root. */
function pnpm(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('pnpm', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (code) => resolve({ code, out }))
  })
}

describe('--help prints the command’s own help', () => {
  it('pnpm run start --help and pnpm start -- --help (pnpm answers a bare "pnpm start --help" itself)', async () => {
    for (const args of [
      ['run', 'start', '--help'],
      ['start', '--', '--help'],
    ]) {
      const { code, out } = await pnpm(args)
      expect({ args, code }).toEqual({ args, code: 0 })
      expect(out).toContain('Usage: pnpm start [options]')
      expect(out).toContain('--idp-port')
    }
  }, 60_000)

  it('pnpm rehearse --help and every pnpm sandbox command’s --help, without acting', async () => {
    const rehearse = await pnpm(['rehearse', '--help'])
    expect(rehearse.out).toContain('Usage: pnpm rehearse [options]')
    expect(rehearse.out).toContain('--idp-port')
    const commands = [['ca', 'export'], ['inspect'], ['login'], ['status'], ['stop']]
    const runs = commands.map((command) =>
      runCli('scripts/sandbox.ts', [...command, '--help', '--data-dir', httpsDir]),
    )
    for (const [index, run] of runs.entries()) {
      expect(await run.exited).toBe(0)
      expect(run.stdout()).toContain(`Usage: pnpm sandbox ${commands[index]?.join(' ')}`)
    }
    // `stop --help` explains, and stops nothing.
    expect(started.child.exitCode).toBeNull()
  }, 180_000)

  it('a stray word is refused instead of silently ignored (it used to hide --data-dir after --)', async () => {
    const run = runCli('scripts/sandbox.ts', ['status', 'now', '--data-dir', httpsDir])
    expect(await run.exited).toBe(2)
    expect(run.output()).toContain('Unexpected argument "now"')
    const separated = runCli('scripts/sandbox.ts', ['status', '--', '--data-dir', httpsDir])
    expect(await separated.exited).toBe(0)
  }, 60_000)
})

describe('a start on a busy port', () => {
  let busy: Server
  let port = 0
  beforeAll(async () => {
    busy = createServer()
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done))
    port = (busy.address() as { port: number }).port
  })
  afterAll(() => new Promise<void>((done) => busy.close(() => done())))

  it('fails naming the port, and leaves no data directory, CA or log (pnpm start and pnpm rehearse)', async () => {
    const startDir = join(base, 'busy-start')
    const start = runCli('scripts/start.ts', [
      '--data-dir',
      startDir,
      '--idp-port',
      String(port),
      '--sp-port',
      '0',
    ])
    expect(await start.exited).toBe(1)
    expect(start.output()).toContain(`port ${port} is already in use`)
    expect(existsSync(startDir)).toBe(false)
    const rehearseDir = join(base, 'busy-rehearse')
    const rehearse = runCli('scripts/rehearse/main.ts', [
      '--data-dir',
      rehearseDir,
      '--idp-port',
      '0',
      '--sp-port',
      String(port),
    ])
    expect(await rehearse.exited).toBe(1)
    expect(rehearse.output()).toContain(`The Webex emulator cannot listen on 127.0.0.1:${port}`)
    expect(existsSync(rehearseDir)).toBe(false)
  }, 60_000)
})

describe('the CLI and its own sandbox under --https (it trusts the CA of the data directory)', () => {
  let password = ''

  it('pnpm sandbox status sees it', async () => {
    const run = runCli('scripts/sandbox.ts', ['status', '--data-dir', httpsDir])
    expect(await run.exited).toBe(0)
    expect(run.stdout()).toMatch(
      /^Running \(pid \d+.*Entra https:\/\/localhost:\d+, Webex https:\/\/localhost:\d+/,
    )
  })

  it('pnpm rehearse uses it instead of starting another, and signs in over https', async () => {
    const run = runCli('scripts/rehearse/main.ts', ['--from-scratch', '--json', '--data-dir', httpsDir])
    expect(await run.exited).toBe(0)
    const log = JSON.parse(run.stdout()) as {
      ok: boolean
      sandbox: { startedNow: boolean; pid: number }
      steps: { produced: Record<string, unknown> }[]
    }
    expect(log).toMatchObject({ ok: true, sandbox: { startedNow: false, pid: started.child.pid } })
    password = String(log.steps[3]?.produced.password)
    const status = runCli('scripts/sandbox.ts', ['status', '--steps', '--data-dir', httpsDir])
    expect(await status.exited).toBe(0)
    expect(status.stdout()).toContain('[x] 1. Add Cisco Webex from the gallery')
    expect(status.stdout()).toContain('      [x] Single sign-on is enabled')
    expect(status.stdout()).toContain('Every step is done.')
  }, 60_000)

  it('pnpm sandbox login pretty-prints the SAML Response, and keeps it raw in --json', async () => {
    const args = ['login', '--user', 'B.Simon@contoso.com', '--password', password, '--data-dir', httpsDir]
    const text = runCli('scripts/sandbox.ts', args)
    expect(await text.exited).toBe(0)
    expect(text.stdout()).toMatch(/\n<samlp:Response [^\n]*>\n {2}<(saml:)?Issuer/)
    expect(text.stdout()).toMatch(/\n {2}<(saml:)?Assertion /)
    const json = runCli('scripts/sandbox.ts', [...args, '--json'])
    expect(await json.exited).toBe(0)
    const report = JSON.parse(json.stdout()) as { samlResponse: { xml: string } }
    expect(report.samlResponse.xml).toMatch(/^<samlp:Response/)
    expect(report.samlResponse.xml).not.toMatch(/\n {2}<(saml:)?Assertion/)
  }, 60_000)

  it('pnpm sandbox login with a wrong password prints the page’s error message only', async () => {
    const run = runCli('scripts/sandbox.ts', [
      'login',
      '--user',
      'B.Simon@contoso.com',
      '--password',
      'not-the-password',
      '--data-dir',
      httpsDir,
    ])
    expect(await run.exited).toBe(1)
    expect(run.stdout()).toContain(
      "Sign-in failed (WRONG_CREDENTIALS): Your account or password is incorrect. If you don't remember your password, reset it now.",
    )
    expect(run.stdout()).not.toContain('Sign in')
  }, 60_000)

  it('pnpm sandbox stop stops a sandbox started with pnpm start, as its help says', async () => {
    const help = runCli('scripts/sandbox.ts', ['stop', '--help'])
    await help.exited
    expect(help.stdout()).toContain('however it was started: pnpm start')
    const run = runCli('scripts/sandbox.ts', ['stop', '--data-dir', httpsDir])
    expect(await run.exited).toBe(0)
    expect(run.stdout()).toContain('Stopped the sandbox.')
    expect(await started.exited).toBe(0)
  }, 60_000)
})
