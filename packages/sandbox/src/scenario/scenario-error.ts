/** A step of the path to a value in a scenario: a key or a list index. */
export type ScenarioPath = readonly (string | number)[]

/** One thing wrong with a scenario: where (path and, for a file or text, line and column) and what was expected. */
export interface ScenarioIssue {
  readonly path: ScenarioPath
  /** 1-based; null when the scenario was given as an object. */
  readonly line: number | null
  readonly column: number | null
  readonly message: string
}

/** Formats a path the way the messages show it: `entra.users[0].userPrincipalName`. */
export function formatPath(path: ScenarioPath): string {
  let out = ''
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out ? `.${step}` : step
  return out || '(top level)'
}

function formatIssue(source: string, issue: ScenarioIssue): string {
  const where = issue.line === null ? source : `${source}:${issue.line}:${issue.column}`
  return `${where}: ${formatPath(issue.path)}: ${issue.message}`
}

/**
 * A scenario that was not applied, because it does not parse, does not match the schema or
 * refers to something it does not define. Nothing was changed. Each issue is on its own line
 * as `file:line:column: path: what is wrong; what was expected`.
 */
export class ScenarioError extends Error {
  constructor(
    /** The file name, or `scenario` for text and objects. */
    readonly source: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(
      `The scenario ${source} is not valid (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was changed.\n${issues
        .map((i) => formatIssue(source, i))
        .join('\n')}`,
    )
    this.name = 'ScenarioError'
  }
}

/**
 * A valid scenario that a server refused while it was being applied (a password the policy
 * rejects, say). Both servers were put back as they were before the load.
 */
export class ScenarioApplyError extends Error {
  constructor(
    /** What was being done, e.g. `creating user B.Simon@contoso.com`. */
    readonly step: string,
    readonly detail: string,
    /** False when putting the servers back failed too (then they are reset, and empty). */
    readonly restored: boolean,
  ) {
    super(
      `The scenario could not be applied: ${step} failed: ${detail}. ${
        restored
          ? 'Both servers were put back as they were before the load.'
          : 'Both servers were reset; the state before the load could not be restored.'
      }`,
    )
    this.name = 'ScenarioApplyError'
  }
}

/** The closest of `candidates` to `word` (case-insensitive edit distance), when it is close enough to suggest. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 5)) ? best : null
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** ` Did you mean "x"?` when one of `candidates` is close to `word`, else nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates)
  return suggestion ? ` Did you mean "${suggestion}"?` : ''
}
