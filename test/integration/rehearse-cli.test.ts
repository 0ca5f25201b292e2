import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findRunningSandbox } from 'sso-rehearsal-sandbox/cli'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'

const dataDir = mkdtempSync(join(tmpdir(), 'rehearse-cli-'))
// Free ports for the background sandbox that `pnpm rehearse` starts (the server reads these).
const env = { SANDBOX_IDP_PORT: '0', SANDBOX_SP_PORT: '0' }

afterAll(async () => {
  await runCli('scripts/sandbox.ts', ['stop', '--data-dir', dataDir]).exited
  rmSync(dataDir, { recursive: true, force: true })
})

describe('pnpm rehearse / pnpm sandbox login / pnpm sandbox stop, as a user runs them', () => {
  let password = ''

  it('starts a sandbox in the background when none runs and rehearses the tutorial (--json)', async () => {
    const run = runCli('scripts/rehearse/main.ts', ['--from-scratch', '--json', '--data-dir', dataDir], {
      env,
    })
    expect(await run.exited).toBe(0)
    const log = JSON.parse(run.output().slice(run.output().indexOf('{'))) as {
      ok: boolean
      sandbox: { startedNow: boolean; pid: number }
      steps: { status: string; produced: Record<string, unknown> }[]
    }
    expect(log.ok).toBe(true)
    expect(log.sandbox.startedNow).toBe(true)
    expect(log.steps.map((s) => s.status)).toEqual(Array(7).fill('passed'))
    password = String(log.steps[3]?.produced.password)
    expect(password).toMatch(/^\S{8,}$/)
    expect(await findRunningSandbox(dataDir)).toMatchObject({ pid: log.sandbox.pid })
  }, 60_000)

  it('signs in headlessly and prints the session with the checks the SP made', async () => {
    const run = runCli('scripts/sandbox.ts', [
      'login',
      '--user',
      'B.Simon@contoso.com',
      '--password',
      password,
      '--data-dir',
      dataDir,
      '--json',
    ])
    expect(await run.exited).toBe(0)
    const report = JSON.parse(run.output().slice(run.output().indexOf('{'))) as {
      session: { user: { userName: string }; checks: { name: string; passed: boolean }[] }
      samlResponse: { xml: string }
    }
    expect(report.session.user.userName).toBe('b.simon@contoso.com')
    expect(report.session.checks.map((c) => c.name)).toContain('Audience')
    expect(report.samlResponse.xml).toContain('<samlp:Response')
  })

  it('fails with a clear message and exit 1 on a wrong password', async () => {
    const run = runCli('scripts/sandbox.ts', [
      'login',
      '--user',
      'B.Simon@contoso.com',
      '--password',
      'nope',
      '--data-dir',
      dataDir,
    ])
    expect(await run.exited).toBe(1)
    expect(run.output()).toContain('WRONG_CREDENTIALS')
  })

  it('names an unknown break-it exercise and exits 2', async () => {
    const run = runCli('scripts/rehearse/main.ts', ['--break', 'nope', '--data-dir', dataDir])
    expect(await run.exited).toBe(2)
    expect(run.output()).toContain('user-not-assigned')
  })

  it('stops the background sandbox', async () => {
    const run = runCli('scripts/sandbox.ts', ['stop', '--data-dir', dataDir])
    expect(await run.exited).toBe(0)
    expect(run.output()).toContain('Stopped the sandbox.')
    expect(await findRunningSandbox(dataDir)).toBeNull()
  })
})
