import { err, ok, type Result } from '@sandbox/shared'
import type { AadstsCode } from '../errors/catalogue'

/** What a sign-in trace or the inspector lists of a check, in pipeline order. */
export interface CheckInfo {
  /** A verb phrase: `findAppByIssuer`, `verifySignature`. */
  readonly name: string
  /** The codes it answers with when it refuses (a page, or a SAML error Response). */
  readonly codes: readonly AadstsCode[]
  /** What the admin changes when it refuses. */
  readonly fix: string
  /** The facts it may read. */
  readonly reads: readonly string[]
}

/**
 * One named check over a request's facts `F`. It is handed only the facts it `reads` (the type
 * and the runner both enforce it), and adds the facts it `gives` for the checks after it.
 */
export interface Check<F, R extends keyof F, G extends keyof F, E> {
  readonly name: string
  readonly codes: readonly AadstsCode[]
  readonly fix: string
  readonly reads: readonly R[]
  readonly gives: readonly G[]
  readonly run: (facts: Pick<F, R>) => Result<Pick<F, G>, E>
}

/** A refusal, and the name of the check that refused. */
export interface Refusal<E> {
  readonly check: string
  readonly rejection: E
}

/**
 * An ordered table of checks. `add` accepts a check only if every fact it reads is given
 * before it (by the start or by an earlier check), so moving a check ahead of the check that
 * gives its facts does not compile.
 */
export interface Pipeline<F, Given extends keyof F, Have extends keyof F, E> {
  readonly checks: readonly CheckInfo[]
  add<R extends Have, G extends keyof F>(check: Check<F, R, G, E>): Pipeline<F, Given, Have | G, E>
  /** Runs the checks in order; the first refusal ends the run. */
  run(given: Pick<F, Given>): Result<Pick<F, Have>, Refusal<E>>
}

type Facts = Record<PropertyKey, unknown>

interface Step {
  readonly info: CheckInfo
  readonly run: (facts: Facts) => Result<Facts, unknown>
}

function stepOf<F, R extends keyof F, G extends keyof F, E>(check: Check<F, R, G, E>): Step {
  return {
    info: { name: check.name, codes: check.codes, fix: check.fix, reads: check.reads.map(String) },
    run(facts) {
      const visible = Object.fromEntries(check.reads.map((name) => [name, facts[name]]))
      return check.run(visible as Pick<F, R>) as Result<Facts, unknown>
    },
  }
}

function pipelineOf<F, Given extends keyof F, Have extends keyof F, E>(
  steps: readonly Step[],
): Pipeline<F, Given, Have, E> {
  return {
    checks: steps.map((s) => s.info),
    add: (check) => pipelineOf([...steps, stepOf(check)]),
    run(given) {
      const facts: Facts = { ...given }
      for (const step of steps) {
        const result = step.run(facts)
        if (!result.ok) return err({ check: step.info.name, rejection: result.error as E })
        Object.assign(facts, result.value)
      }
      return ok(facts as Pick<F, Have>)
    },
  }
}

/** Starts a table of checks over facts `F` that begins with the facts `Given`. */
export function checksOver<F, E>() {
  return {
    /** Declares a check (types only: `reads` and `gives` are inferred from the lists). */
    check<const R extends keyof F, const G extends keyof F = never>(
      check: Check<F, R, G, E>,
    ): Check<F, R, G, E> {
      return check
    },
    /** An empty table whose first check may read `Given`. */
    startingWith<Given extends keyof F>(): Pipeline<F, Given, Given, E> {
      return pipelineOf<F, Given, Given, E>([])
    },
  }
}
