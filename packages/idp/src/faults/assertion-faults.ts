import type { AssertionContent, ResponseProtection } from '../sso/saml-response'
import { type AssertionFaultPreset, FAULT_TIME_SHIFT_MS, FOREIGN_APP } from './fault-presets'

/** What a Response is built from. */
export interface ResponseParts {
  readonly content: AssertionContent
  readonly protection: ResponseProtection
}

/**
 * The Response parts with one fault applied: each preset changes exactly the one thing an SP
 * must check, so that an SP which accepts the result has skipped that check.
 */
export function applyAssertionFault(preset: AssertionFaultPreset, parts: ResponseParts): ResponseParts {
  const { content, protection } = parts
  const { timing } = content
  switch (preset) {
    case 'unsigned-assertion':
      return { content, protection: { ...protection, fault: 'unsigned' } }
    case 'bad-signature':
      return { content, protection: { ...protection, fault: 'corrupt-signatures' } }
    case 'sha1-signature':
      return { content, protection: { ...protection, algorithm: 'rsa-sha1' } }
    case 'wrong-audience':
      return { content: { ...content, audience: FOREIGN_APP.audience }, protection }
    case 'wrong-recipient':
      return { content: { ...content, recipient: FOREIGN_APP.recipient }, protection }
    case 'missing-uid':
      return {
        content: { ...content, attributes: content.attributes.filter((a) => a.name !== 'uid') },
        protection,
      }
    case 'expired': {
      // Issued so long ago that both NotOnOrAfter instants lie FAULT_TIME_SHIFT_MS in the past.
      const lifetime = Math.max(timing.conditionsLifetimeSeconds, timing.subjectConfirmationLifetimeSeconds)
      return { content: { ...content, now: content.now - lifetime * 1000 - FAULT_TIME_SHIFT_MS }, protection }
    }
    case 'not-yet-valid':
      // Issued by a clock so far ahead that NotBefore lies FAULT_TIME_SHIFT_MS in the future.
      return {
        content: { ...content, now: content.now + timing.notBeforeSkewSeconds * 1000 + FAULT_TIME_SHIFT_MS },
        protection,
      }
  }
}
