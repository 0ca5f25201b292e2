import { CONFIRMATION_METHOD_BEARER, NS } from '../saml/urns'
import { attributeOf, childNamed, childrenNamed, textOf } from '../xml/dom'
import type { AcsExpectations, ResponseUnderInspection } from './read-response'
import type { CheckOutcome } from './report'

/**
 * One named check of a Response, as the ACS makes it: pure, reading the prepared Response and
 * the expectations. A check returns null when it does not apply to this Response (the
 * signature checks of the phase that an encrypted or a plaintext assertion does not go through).
 *
 * This is the seam for the SP's own declared table of ACS checks: any list of checks of this
 * shape can be given to the inspector in place of its own (`inspectSaml`'s `responseChecks`).
 */
export interface ResponseCheck {
  readonly name: string
  /** The refusal codes the Webex ACS gives when this check fails. */
  readonly codes: readonly string[]
  readonly run: (response: ResponseUnderInspection, expect: AcsExpectations) => CheckOutcome | null
}

export const pass = (detail: string): CheckOutcome => ({ status: 'passed', detail })
export const skip = (detail: string): CheckOutcome => ({ status: 'skipped', detail })
export const NO_ASSERTION = skip('not judged: there is no assertion to read (see the checks above)')

/** The trimmed text of an element's saml:Issuer child, or null. */
export function issuerText(element: Element): string | null {
  const issuer = childNamed(element, NS.assertion, 'Issuer')
  return issuer ? textOf(issuer).trim() : null
}

/** The bearer SubjectConfirmationData the ACS reads, or null. */
export function confirmationDataOf(assertion: Element): Element | null {
  const subject = childNamed(assertion, NS.assertion, 'Subject')
  const bearer = subject
    ? childrenNamed(subject, NS.assertion, 'SubjectConfirmation').find(
        (c) => attributeOf(c, 'Method') === CONFIRMATION_METHOD_BEARER,
      )
    : undefined
  return bearer ? childNamed(bearer, NS.assertion, 'SubjectConfirmationData') : null
}
