import { expect } from 'vitest'
import type { RunningSandbox } from '../../scripts/lib/start-sandbox'
import type { RehearsalFacts } from '../../scripts/rehearse/context'
import { rehearse } from '../../scripts/rehearse/rehearse'
import { silentOutput } from '../../scripts/rehearse/runner'

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
