import { ACS_CHECKS as INSPECTOR_JUDGEMENTS, type ResponseCheck } from '@sandbox/shared'
import type { CheckDescription } from '../check-pipeline'
import { SIGN_IN_CHECK_LIST } from '../webex-user-checks'
import { ACS_CHECK_LIST } from './acs-pipeline'

/**
 * Where the inspector, reading one message offline, judges a check of the ACS in finer steps:
 * the ACS's Subject confirmation is one step over the bearer confirmation (its Recipient, its
 * NotOnOrAfter, its InResponseTo); the Webex user step, which needs the directory, is judged
 * offline by whether the uid attribute Webex finds the user by is there.
 */
const JUDGED_AS: Readonly<Record<string, readonly string[]>> = {
  'Subject confirmation': [
    'Subject confirmation',
    'Recipient',
    'Confirmation window',
    'InResponseTo (assertion)',
  ],
  'Webex user': ['uid attribute'],
}

/**
 * The SAML inspector's ACS checks, in the order and with the names and refusal codes of the
 * ACS's own declared table (`table`): each check of the table is judged offline by the
 * inspector's judgement of that name (a check the table lists twice, in two phases, by the
 * judgement of that phase). So the check log, Test SSO Connection and the inspector list the
 * same checks; a check added to the ACS without an offline judgement is a startup error here,
 * not a check the inspector silently skips.
 */
export function inspectorChecksOf(
  table: readonly CheckDescription[],
  judgements: readonly ResponseCheck[],
): ResponseCheck[] {
  const unused = [...judgements]
  const judged = new Set<string>()
  const checks: ResponseCheck[] = []
  for (const check of table)
    for (const name of JUDGED_AS[check.name] ?? [check.name]) {
      const index = unused.findIndex((j) => j.name === name)
      const judgement = index < 0 ? undefined : unused.splice(index, 1)[0]
      if (!judgement) {
        // A step the sign-in repeats after the ACS (Replay, once the user is known) is judged once.
        if (judged.has(name)) continue
        throw new Error(`The SAML inspector has no offline judgement for the ACS check "${name}".`)
      }
      judged.add(name)
      checks.push({ ...judgement, codes: name === check.name ? check.codes : judgement.codes })
    }
  return checks
}

/** The ACS's checks and the sign-in's, as the SAML inspector runs them (`inspectSaml`'s `responseChecks`). */
export const INSPECTOR_ACS_CHECKS: readonly ResponseCheck[] = inspectorChecksOf(
  [...ACS_CHECK_LIST, ...SIGN_IN_CHECK_LIST],
  INSPECTOR_JUDGEMENTS,
)
