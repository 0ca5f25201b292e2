import {
  createInspectionContext,
  exportTracesAsHar,
  type InspectionReport,
  inspectSaml,
  type SignInTrace,
} from '@sandbox/shared'
import { INSPECTOR_ACS_CHECKS } from '@sandbox/sp'
import { ApiError, type ApiTarget, requestJson } from './clients/api-request'
import { webexOrgContextOf } from './webex-org-context'

/**
 * One sign-in from both servers: each side's trace (read-only, over their admin APIs), joined
 * by the trace id they share (the AuthnRequest ID), as one redacted HAR file, and the SAML
 * inspector's diagnosis of the conversation judged against the Webex org as configured now,
 * at the instant Webex received the Response.
 */
export interface CombinedTrace {
  readonly id: string
  readonly idp: SignInTrace | null
  readonly sp: SignInTrace | null
  /** Both sides as one HAR file, without the sandbox's secrets (`pnpm sandbox inspect` reads it). */
  readonly har: Record<string, unknown>
  /** The inspector's report on the conversation (null when neither side kept a message). */
  readonly diagnosis: InspectionReport | null
}

/** Where both servers' admin APIs are. */
export interface SandboxTarget {
  readonly idp: ApiTarget
  readonly sp: ApiTarget
}

async function side(target: ApiTarget, path: string): Promise<SignInTrace | null> {
  try {
    return await requestJson<SignInTrace>(target, { method: 'GET', path })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** The instant Webex received the Response: the conversation is judged as of then. */
function receivedAt(traces: readonly (SignInTrace | null)[]): number | null {
  for (const trace of traces) {
    const step = trace?.steps.find((s) => s.kind === 'response-received' || s.kind === 'response-sent')
    if (step) return Date.parse(step.at)
  }
  return null
}

/** Reads one sign-in's trace from both servers; null when neither knows the id. */
export async function combinedTrace(target: SandboxTarget, id: string): Promise<CombinedTrace | null> {
  const path = encodeURIComponent(id)
  const [sp, idp] = await Promise.all([
    side(target.sp, `/api/v1/traces/${path}`),
    side(target.idp, `/sandbox/api/traces/${path}`),
  ])
  if (!sp && !idp) return null
  const traces = [sp, idp].filter((t): t is SignInTrace => t !== null)
  const har = exportTracesAsHar(traces, {
    creator: 'SSO rehearsal sandbox',
    knownSecrets: [target.idp.token, target.sp.token],
  })
  const at = receivedAt([sp, idp])
  let diagnosis: InspectionReport | null = null
  if (at !== null) {
    const org = await webexOrgContextOf(target.sp)
    const inspected = inspectSaml(JSON.stringify(har), {
      context: createInspectionContext({ at, ...org }),
      responseChecks: INSPECTOR_ACS_CHECKS,
    })
    diagnosis = inspected.ok ? inspected.value : null
  }
  return { id: sp?.id ?? idp?.id ?? id, idp, sp, har, diagnosis }
}

/** The failed checks of the diagnosis, each with its fix, in plain words. */
export function diagnosisLines(trace: CombinedTrace): string[] {
  const lines: string[] = []
  for (const message of trace.diagnosis?.messages ?? [])
    for (const check of message.checks)
      if (check.status === 'failed') lines.push(`${check.name}: ${check.message} Fix: ${check.fix}`)
  return lines
}

function sideLines(label: string, trace: SignInTrace | null): string[] {
  if (!trace) return [`${label}: no trace (the server did not see this sign-in, or has forgotten it)`]
  const mark = { passed: 'ok  ', failed: 'FAIL', info: '    ' } as const
  return [
    `${label}: ${trace.outcome}, started ${trace.startedAt}`,
    ...trace.steps.map((s) => `  ${mark[s.outcome]} ${s.at.slice(11, 23)} ${s.title}: ${s.detail}`),
  ]
}

/** The combined trace as text: each side step by step, then the diagnosis. */
export function formatCombinedTrace(trace: CombinedTrace): string {
  const diagnosis = diagnosisLines(trace)
  return `${[
    `Sign-in trace ${trace.id}`,
    '',
    ...sideLines('Webex (SP)', trace.sp),
    '',
    ...sideLines('Entra (IdP)', trace.idp),
    '',
    diagnosis.length > 0
      ? 'Diagnosis (SAML inspector, judged when Webex received the Response):'
      : 'Diagnosis: every check of the SAML inspector passed.',
    ...diagnosis.map((line) => `  ${line}`),
  ].join('\n')}\n`
}
