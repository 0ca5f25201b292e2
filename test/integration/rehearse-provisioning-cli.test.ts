import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'

const dataDir = mkdtempSync(join(tmpdir(), 'rehearse-provisioning-'))
// Free ports for the background sandbox that `pnpm rehearse` starts (the server reads these).
const env = { SANDBOX_IDP_PORT: '0', SANDBOX_SP_PORT: '0' }
const rehearse = (args: readonly string[]) =>
  runCli('scripts/rehearse/main.ts', [...args, '--data-dir', dataDir], { env })

afterAll(async () => {
  await runCli('scripts/sandbox.ts', ['stop', '--data-dir', dataDir]).exited
  rmSync(dataDir, { recursive: true, force: true })
})

interface StepJson {
  title: string
  status: string
  actions: string[]
  produced: Record<string, unknown>
}

describe('pnpm rehearse --provisioning, as a user runs it', () => {
  it('provisions B.Simon to Webex over SCIM instead of adding the user by hand, then signs in three ways', async () => {
    const run = rehearse(['--provisioning', '--from-scratch', '--json'])
    expect(await run.exited, run.output()).toBe(0)
    const log = JSON.parse(run.stdout().slice(run.stdout().indexOf('{'))) as {
      ok: boolean
      provisioning: boolean
      steps: StepJson[]
    }
    expect(log).toMatchObject({ ok: true, provisioning: true })
    expect(log.steps.map((s) => s.status)).toEqual(Array(9).fill('passed'))
    expect(log.steps.map((s) => s.title).join('\n')).not.toContain('Manually add')
    const [credentials, configure, inWebex, signIn] = log.steps.slice(5)
    expect(credentials?.produced.tenantUrl).toMatch(/\/v1\/scim\/[0-9a-f-]+$/)
    expect(configure?.actions.join('\n')).toContain(
      'Test Connection: The supplied credentials are authorized to enable provisioning.',
    )
    expect(configure?.produced).toMatchObject({ cycle: 'Initial', state: 'Succeeded', created: 1 })
    expect(inWebex?.produced).toMatchObject({ email: 'b.simon@contoso.com', source: 'scim' })
    expect(Object.values(signIn?.produced ?? {}).join('\n')).toMatch(
      /b\.simon@contoso\.com via the Cisco Webex tile in My Apps/,
    )
  })

  it('a second run finds the job On and runs an incremental cycle that changes nothing', async () => {
    const run = rehearse(['--provisioning', '--json'])
    expect(await run.exited, run.output()).toBe(0)
    const log = JSON.parse(run.stdout().slice(run.stdout().indexOf('{'))) as { steps: StepJson[] }
    expect(log.steps[6]?.produced).toMatchObject({ cycle: 'Incremental', created: 0, updated: 0 })
  })

  it('lists the same break-it exercises as the README table, provisioning ones included; refuses --provisioning with --break', async () => {
    const list = rehearse(['--list-breaks'])
    expect(await list.exited).toBe(0)
    const listed = [...list.stdout().matchAll(/^ {2}(\S+)/gm)].map((m) => m[1])
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')
    const table = readme.slice(readme.indexOf('### Break-it exercises'), readme.indexOf('## Inspect a SAML'))
    const documented = [...table.matchAll(/^\| `([a-z-]+)`/gm)].map((m) => m[1])
    expect(listed).toEqual(documented)
    expect(listed).toEqual(
      expect.arrayContaining([
        'provisioning-wrong-token',
        'provisioning-missing-matching-attribute',
        'provisioning-default-access-role',
      ]),
    )
    const both = rehearse(['--provisioning', '--break', 'provisioning-wrong-token'])
    expect(await both.exited).toBe(2)
    expect(both.output()).toContain('--provisioning and --break cannot be combined')
  })

  it.each([
    ['provisioning-wrong-token', 'CredentialsRejected', 'You appear to have entered invalid credentials'],
    [
      'provisioning-missing-matching-attribute',
      'ImportSkipped',
      'matching attribute userName (mapped from mail)',
    ],
    ['provisioning-default-access-role', 'NotEffectivelyEntitled', "non-'Default Access' role"],
  ])('--break %s shows %s on Entra with its reason and the fix', async (name, code, words) => {
    const run = rehearse(['--break', name, '--from-scratch'])
    expect(await run.exited, run.output()).toBe(0)
    const output = run.output()
    expect(output).toContain(`expected on Entra: ${code}`)
    expect(output).toContain(words)
    expect(output).toContain('Fix it in: ')
    expect(output).toContain('The exercise showed its symptom')
  })

  it('an SSO exercise through the CLI runs its last step too: --break user-not-assigned shows AADSTS50105', async () => {
    const run = rehearse(['--break', 'user-not-assigned', '--from-scratch'])
    expect(await run.exited, run.output()).toBe(0)
    expect(run.output()).toMatch(/Step (\d+)\/\1 {2}What a person sees \(expected on Entra: AADSTS50105\)/)
    expect(run.output()).toContain('Fix it in: ')
  })
})
