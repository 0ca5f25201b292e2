import { combinedTrace, diagnosisLines } from '../sign-in-trace-report'
import type { RehearsalContext } from './context'
import type { StepReporter } from './runner'

/** What the rehearsal says of a failed sign-in: where its trace is, and what the inspector found. */
export interface TraceLink {
  readonly traceId: string
  /** The command that shows both sides of the sign-in, step by step. */
  readonly command: string
  /** The inspector's failed checks, each with its fix, in plain words. */
  readonly diagnosis: readonly string[]
}

/**
 * After a failed sign-in: the trace of Webex's latest sign-in (the one that just failed),
 * joined with Entra's, and its diagnosis, reported as lines a person can follow.
 */
export async function linkLatestTrace(
  context: RehearsalContext,
  report: StepReporter,
): Promise<TraceLink | null> {
  const latest = await context.sp.latestTraceId()
  if (!latest) return null
  const trace = await combinedTrace({ idp: context.idp.target, sp: context.sp.target }, latest)
  if (!trace) return null
  const link: TraceLink = {
    traceId: trace.id,
    command: `pnpm sandbox trace ${trace.id}`,
    diagnosis: diagnosisLines(trace),
  }
  report.did(`Trace of this sign-in: ${link.command} (or GET ${context.spUrl}/api/v1/traces/${trace.id})`)
  for (const line of link.diagnosis) report.did(`Diagnosis: ${line}`)
  return link
}
