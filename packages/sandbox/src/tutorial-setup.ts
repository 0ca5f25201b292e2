import type { ApiTarget } from './clients/api-request'
import type { RehearsalFacts } from './rehearse/context'
import { TUTORIAL } from './rehearse/context'
import { rehearse } from './rehearse/rehearse'
import { type StepProblem, silentOutput } from './rehearse/runner'

/** The sandbox after the whole tutorial: Entra's Cisco Webex app, B.Simon assigned, Webex SSO on. */
export interface TutorialSetUp {
  /** Where B.Simon's SP-initiated sign-in starts (Webex's sign-on URL). */
  readonly signOnUrl: string
  readonly username: string
  readonly password: string
  /** Everything the steps produced: app and user ids, both metadata documents, URLs. */
  readonly facts: RehearsalFacts
}

/** Thrown when a tutorial step fails: which one, what was expected and what to fix. */
export class TutorialStepError extends Error {
  constructor(
    readonly step: string,
    readonly problem: StepProblem,
  ) {
    super(`Tutorial step "${step}" failed: ${problem.expected}; ${problem.happened}. ${problem.fix}`)
    this.name = 'TutorialStepError'
  }
}

/** Runs every step of the Entra-to-Webex tutorial through both servers' APIs, as `pnpm rehearse` does. */
export async function setUpTutorial(idp: ApiTarget, sp: ApiTarget): Promise<TutorialSetUp> {
  const result = await rehearse({ idp, sp }, { output: silentOutput })
  const failed = result.logs.find((log) => log.status === 'failed')
  if (failed?.problem) throw new TutorialStepError(failed.title, failed.problem)
  return {
    signOnUrl: result.facts.signOnUrl ?? '',
    username: TUTORIAL.testUser.userPrincipalName,
    password: result.facts.testUserPassword ?? '',
    facts: result.facts,
  }
}
