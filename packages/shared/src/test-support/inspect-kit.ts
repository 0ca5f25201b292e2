import { expect } from 'vitest'
import { type ContextOrigin, createInspectionContext, type InspectionContext } from '../inspect/context'
import { inspectSaml } from '../inspect/inspect-saml'
import type { CheckResult, InspectedMessage } from '../inspect/report'
import { IDP, SP, T0, type TestSigner } from './saml-messages'

/** Test helpers for the inspector: a Webex org's context, and one message inspected. */

export const ORG: ContextOrigin = { kind: 'webex-org', label: 'Contoso' }

/** What the sandbox's Webex org would compare with, a minute after the message was issued. */
export function orgContext(signer: TestSigner, changes: Partial<InspectionContext> = {}): InspectionContext {
  return createInspectionContext({
    at: T0 + 60_000,
    spEntityId: { value: SP.entityId, origin: ORG },
    acsUrls: { value: [SP.acsUrl], origin: ORG },
    idpEntityId: { value: IDP.entityId, origin: ORG },
    idpSigners: { value: [signer.trusted], origin: ORG },
    ...changes,
  })
}

/** Inspects one message and returns it (failing the test when the input is unusable). */
export function inspectOne(input: string, context: InspectionContext): InspectedMessage {
  const report = inspectSaml(input, { context })
  if (!report.ok) throw new Error(report.error.message)
  expect(report.value.messages).toHaveLength(1)
  return report.value.messages[0] as InspectedMessage
}

/** The named check; fails the test when it is not there. */
export function check(message: InspectedMessage, name: string): CheckResult {
  const found = message.checks.find((c) => c.name === name)
  if (!found) throw new Error(`no check ${name}; checks: ${message.checks.map((c) => c.name).join(', ')}`)
  return found
}

export const failures = (message: InspectedMessage): string[] =>
  message.checks.filter((c) => c.status === 'failed').map((c) => c.name)
