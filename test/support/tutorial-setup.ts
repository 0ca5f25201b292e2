import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RehearsalFacts, RunningSandbox } from 'sso-rehearsal-sandbox'
import { rehearse, silentOutput } from 'sso-rehearsal-sandbox'
import { expect } from 'vitest'
import { runCli } from './cli'

/** What a test needs after the tutorial's set-up: where to sign in, and as whom. */
export interface TutorialSetUp {
  readonly facts: RehearsalFacts
  readonly signOnUrl: string
  readonly password: string
}

/**
 * Runs the tutorial's steps 1..`lastStep` against a running sandbox through its public APIs
 * (as `pnpm rehearse --step N` does), and fails the test with the step's problem if one fails.
 */
export async function setUpTutorial(sandbox: RunningSandbox, lastStep: number): Promise<TutorialSetUp> {
  const result = await rehearse(
    {
      idp: { baseUrl: sandbox.idp.url, token: sandbox.idp.graphApiToken },
      sp: { baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken },
    },
    { lastStep, output: silentOutput },
  )
  expect(result.logs.find((l) => l.status === 'failed')?.problem ?? null).toBeNull()
  return {
    facts: result.facts,
    signOnUrl: result.facts.signOnUrl ?? '',
    password: result.facts.testUserPassword ?? '',
  }
}

/**
 * {@link setUpTutorial} for a sandbox served over `--https`: the steps run in a child process
 * whose Node trusts `rootPem` (NODE_EXTRA_CA_CERTS is read only when a process starts), so the
 * API calls and the headless Test SSO Connection verify the sandbox's certificates.
 */
export async function setUpTutorialOverTls(
  sandbox: RunningSandbox,
  lastStep: number,
  rootPem: string,
): Promise<TutorialSetUp> {
  const dir = mkdtempSync(join(tmpdir(), 'tutorial-set-up-'))
  const caFile = join(dir, 'root.pem')
  writeFileSync(caFile, rootPem)
  try {
    const run = runCli('test/support/children/tutorial-set-up.ts', [], {
      env: {
        NODE_EXTRA_CA_CERTS: caFile,
        SET_UP_IDP_URL: sandbox.idp.url,
        SET_UP_IDP_TOKEN: sandbox.idp.graphApiToken,
        SET_UP_SP_URL: sandbox.sp.url,
        SET_UP_SP_TOKEN: sandbox.sp.adminApiToken,
        SET_UP_LAST_STEP: String(lastStep),
      },
    })
    const code = await run.exited
    const line = run.output().trim().split('\n').at(-1) ?? ''
    expect(code, run.output()).toBe(0)
    const result = JSON.parse(line) as {
      facts: RehearsalFacts
      logs: { status: string; problem?: unknown }[]
    }
    expect(result.logs.find((l) => l.status === 'failed')?.problem ?? null).toBeNull()
    return {
      facts: result.facts,
      signOnUrl: result.facts.signOnUrl ?? '',
      password: result.facts.testUserPassword ?? '',
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
