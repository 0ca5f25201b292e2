import type { Check, CheckDescription } from '../check-pipeline'
import { ACS_CHECK_LIST } from './acs-pipeline'

/** One row of the ACS check table on the Test SSO page. */
export interface AcsCheckRow {
  readonly name: string
  /** What the check verifies, in a sentence. */
  readonly checks: string
  readonly result: 'passed' | 'failed' | 'skipped' | 'not reached'
  readonly detail: string
}

/**
 * The ACS's whole check table beside what one run recorded: every step, in table order, with
 * its result. The run stops at its first refusal, so a step after it was "not reached"; a step
 * that only runs under a condition (an encrypted assertion) and left no entry was "skipped"; a
 * step that records nothing when it passes (it only reads) and was passed over "passed".
 * A refusal filed under another step's name (Subject confirmation refusing as "Recipient")
 * belongs to the step whose codes hold the refusal's code.
 */
export function acsCheckReport(
  run: readonly Check[],
  refusalCode: string | null,
  table: readonly CheckDescription[] = ACS_CHECK_LIST,
): AcsCheckRow[] {
  const rows: AcsCheckRow[] = []
  let next = 0
  let stopped = false
  table.forEach((step, index) => {
    const recorded = run[next]
    const base = { name: step.name, checks: step.checks }
    if (stopped) {
      rows.push({ ...base, result: 'not reached', detail: '' })
      return
    }
    const laterNames = new Set(table.slice(index).map((s) => s.name))
    const ownsRefusal =
      recorded !== undefined &&
      !recorded.passed &&
      !laterNames.has(recorded.name) &&
      refusalCode !== null &&
      step.codes.some((code) => code === refusalCode)
    if (recorded && (recorded.name === step.name || ownsRefusal)) {
      next += 1
      stopped = !recorded.passed
      const detail = recorded.name === step.name ? recorded.detail : `${recorded.name}: ${recorded.detail}`
      rows.push({ ...base, result: recorded.passed ? 'passed' : 'failed', detail })
      return
    }
    rows.push(
      step.when
        ? { ...base, result: 'skipped', detail: `Runs only when ${step.when}.` }
        : { ...base, result: 'passed', detail: '' },
    )
  })
  for (const extra of run.slice(next))
    rows.push({
      name: extra.name,
      checks: '',
      result: extra.passed ? 'passed' : 'failed',
      detail: extra.detail,
    })
  return rows
}
