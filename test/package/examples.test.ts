import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/cli'
import { REAL_FIXTURES_DIR, TERCEN_CERTIFICATE, TERCEN_RESPONSE } from '../support/real-fixtures'
import { packedTarball } from './packed-tarball'

const execFileAsync = promisify(execFile)

/** The result of a command, whether it succeeded or not. */
interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Ran> {
  return execFileAsync(file, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  )
}

let workDir = ''
const exampleDir = (name: string) => join(workDir, 'examples', name)
const bin = (path: string) => join(workDir, 'node_modules', path)

/**
 * Every example of `examples/` as a person copies it, with their dependencies installed in ONE
 * `npm install` from the registry (the sandbox from the packed tarball, never a workspace
 * link) into a folder above them, so that each example resolves its packages from there.
 */
beforeAll(async () => {
  const tarball = await packedTarball()
  workDir = mkdtempSync(join(tmpdir(), 'sandbox-examples-'))
  cpSync(join(ROOT, 'examples'), join(workDir, 'examples'), { recursive: true })
  const devDependencies: Record<string, string> = {}
  // Every folder with a package.json is an example project; `examples/scenarios` holds data files.
  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter(
    (e) => e.isDirectory() && existsSync(join(ROOT, 'examples', e.name, 'package.json')),
  )
  for (const { name } of examples) {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'examples', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
      devDependencies?: Record<string, string>
    }
    Object.assign(devDependencies, manifest.dependencies, manifest.devDependencies)
  }
  // The Playwright of the repository, which drives the Chromium the browser tests use.
  const playwrightCore = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', 'playwright-core', 'package.json'), 'utf8'),
  ) as { version: string }
  devDependencies['@playwright/test'] = playwrightCore.version
  devDependencies['sso-rehearsal-sandbox'] = `file:${tarball}`
  writeFileSync(
    join(workDir, 'package.json'),
    JSON.stringify({ name: 'examples', private: true, type: 'module', devDependencies }),
  )
  const installed = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: workDir,
  })
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`)
})

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

describe('the examples, from the packed tarball', () => {
  it('examples/node-saml-app: Vitest signs in to a node-saml app and sees it refuse two bad sign-ins', async () => {
    const ran = await run(process.execPath, [bin('vitest/vitest.mjs'), 'run'], {
      cwd: exampleDir('node-saml-app'),
    })
    expect(ran.code, ran.stdout + ran.stderr).toBe(0)
    expect(ran.stdout).toContain('3 passed')
  })

  it('examples/node-test: node:test signs in after setupTutorial()', async () => {
    const ran = await run(process.execPath, ['--test'], { cwd: exampleDir('node-test') })
    expect(ran.code, ran.stdout + ran.stderr).toBe(0)
    expect(ran.stdout).toMatch(/# pass 1\b/)
  })

  it('examples/jest: Jest (ES modules) sees a wrong password refused', async () => {
    const ran = await run(process.execPath, ['--experimental-vm-modules', bin('jest/bin/jest.js')], {
      cwd: exampleDir('jest'),
    })
    expect(ran.code, ran.stdout + ran.stderr).toBe(0)
    expect(ran.stderr).toMatch(/Tests:\s+1 passed/)
  })

  it('examples/playwright: webServer waits for `sso-sandbox start --json` and Chromium signs in to Control Hub', async () => {
    const ran = await run(process.execPath, [bin('@playwright/test/cli.js'), 'test', '--reporter=line'], {
      cwd: exampleDir('playwright'),
      env: { CHROMIUM_PATH: '/usr/bin/chromium' },
    })
    expect(ran.code, ran.stdout + ran.stderr).toBe(0)
    expect(ran.stdout).toMatch(/1 passed/)
  })
})

describe('the installed sso-sandbox bin', () => {
  it('answers --help for itself and for each command with its own usage line', async () => {
    const commands = [[], ['start'], ['rehearse'], ['login'], ['ca', 'export'], ['inspect']]
    for (const words of commands) {
      const ran = await run(bin('.bin/sso-sandbox'), [...words, '--help'], { cwd: workDir })
      expect(ran.code, ran.stderr).toBe(0)
      expect(ran.stdout).toContain(
        `Usage: sso-sandbox ${words.length ? `${words.join(' ')} ` : '<command> '}`,
      )
    }
  })

  it('refuses an unknown flag and an unknown command with exit code 2, saying what was wrong', async () => {
    const flag = await run(bin('.bin/sso-sandbox'), ['start', '--jsn'], { cwd: workDir })
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('Unknown option --jsn; see --help.')
    const command = await run(bin('.bin/sso-sandbox'), ['serve'], { cwd: workDir })
    expect(command.code).toBe(2)
    expect(command.stderr).toContain('Unknown command "serve".')
    expect(command.stderr).toContain('Usage: sso-sandbox <command>')
  })

  it('rehearses step 1 against a sandbox it starts in the background from its own bin, then stops it', async () => {
    const dataDir = join(workDir, 'rehearsal-state')
    const where = ['--data-dir', dataDir]
    const rehearsed = await run(
      bin('.bin/sso-sandbox'),
      ['rehearse', '--step', '1', '--idp-port', '0', '--sp-port', '0', ...where],
      { cwd: workDir },
    )
    expect(rehearsed.code, rehearsed.stdout + rehearsed.stderr).toBe(0)
    expect(rehearsed.stdout).toContain('Started the sandbox in the background')
    expect(rehearsed.stdout).toContain(`sso-sandbox stop --data-dir ${dataDir}`)
    const stopped = await run(bin('.bin/sso-sandbox'), ['stop', ...where], { cwd: workDir })
    expect(stopped.stdout).toBe('Stopped the sandbox.\n')
  })

  it('inspects a real Entra Response from standard input against its certificate, as `pnpm sandbox inspect -` does', async () => {
    const response = JSON.stringify(join(REAL_FIXTURES_DIR, TERCEN_RESPONSE))
    const certificate = join(REAL_FIXTURES_DIR, TERCEN_CERTIFICATE)
    const ran = await run(
      'sh',
      ['-c', `"$0" inspect - --json --cert "$1" < ${response}`, bin('.bin/sso-sandbox'), certificate],
      { cwd: workDir },
    )
    // Exit 1: the signature is valid with the certificate, but the 2022 assertion has long expired.
    expect(ran.code, ran.stderr).toBe(1)
    const report = JSON.parse(ran.stdout) as {
      messages: { signatures: { verdict: string; trust: string }[] }[]
    }
    expect(report.messages[0]?.signatures[0]).toMatchObject({ verdict: 'valid', trust: 'matches' })
    expect(ran.stdout).toContain('the IdP clock is behind or the message is old')
  })
})
