import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/cli'
import { CONSUMER_JS, CONSUMER_TS, CONSUMER_TS_WRONG } from './consumer-files'
import { packedTarball } from './packed-tarball'

const run = promisify(execFile)
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')

let workDir = ''
let project = ''

async function typecheck(files: readonly string[], moduleOptions: readonly string[]) {
  const args = [
    TSC,
    '--noEmit',
    '--strict',
    '--target',
    'es2022',
    '--types',
    'node',
    ...moduleOptions,
    ...files,
  ]
  return run(process.execPath, args, { cwd: project }).then(
    () => ({ ok: true, output: '' }),
    (error: { stdout?: string }) => ({ ok: false, output: error.stdout ?? '' }),
  )
}

// The tarball is built and packed once (shared with the other package tests), exactly as for publishing, and installed with plain
// npm into an empty folder outside the repository: no workspace link, no tsconfig of ours.
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'sandbox-pack-'))
  project = join(workDir, 'consumer')
  const tarball = await packedTarball()
  await run('mkdir', [project])
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, '@types/node@20'], {
    cwd: project,
  })
  writeFileSync(join(project, 'consumer.mjs'), CONSUMER_JS)
  writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS)
  writeFileSync(join(project, 'wrong.ts'), CONSUMER_TS_WRONG)
})

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

describe('the packed sso-rehearsal-sandbox installed with npm outside the repository', () => {
  it('starts from plain JavaScript, sets up the tutorial, signs in headless, renders pages and closes', async () => {
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: project })
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      user: string
      wrongPassword: string
      adminCenter: { status: number; html: string }
      webexSignIn: number
      stylesheet: number
    }
    expect(report.user).toBe('b.simon@contoso.com')
    expect(report.wrongPassword).toBe('WRONG_CREDENTIALS')
    expect(report.adminCenter.status).toBe(200)
    expect(report.adminCenter.html).not.toContain('React is not defined')
    expect(report.adminCenter.html).toContain('<html')
    expect(report.webexSignIn).toBeLessThan(400)
    expect(report.stylesheet).toBe(200)
  })

  // One compiler run per resolution mode: tsc takes tens of seconds on hono's types.
  it('typechecks from TypeScript with moduleResolution node16, and its types catch a typo and a wrong option', async () => {
    const result = await typecheck(
      ['consumer.ts', 'wrong.ts'],
      ['--module', 'node16', '--moduleResolution', 'node16'],
    )
    const errors = result.output.split('\n').filter((line) => line.includes('error TS'))
    expect(errors.filter((line) => !line.startsWith('wrong.ts'))).toEqual([])
    expect(result.output).toContain("Property 'tenantID' does not exist")
    expect(result.output).toContain("Type 'string' is not assignable to type 'number'")
  })

  it('typechecks from TypeScript with moduleResolution bundler', async () => {
    const result = await typecheck(['consumer.ts'], ['--module', 'esnext', '--moduleResolution', 'bundler'])
    expect(result.output).toBe('')
    expect(result.ok).toBe(true)
  })
})
