import {
  createInspectionContext,
  type InspectionContext,
  type InspectionReport,
  inspectSaml,
  type UnusableInput,
} from '@sandbox/shared'

/** Options of {@link inspect}: what to compare the message with. */
export interface InspectMessageOptions {
  /** Expected entity ids, ACS URLs, trusted signers, decryption keys… (everything optional). */
  readonly context?: Partial<InspectionContext>
  /** The instant conditions are checked at, in ms since the epoch (default: now). */
  readonly at?: number
}

/** Thrown by {@link inspect} when the input is not something it can read (empty, not SAML, a broken HAR…). */
export class InspectInputError extends Error {
  readonly code: UnusableInput['code']
  constructor(unusable: UnusableInput) {
    super(`${unusable.code}: ${unusable.message}`)
    this.name = 'InspectInputError'
    this.code = unusable.code
  }
}

/**
 * Explains a SAML message, metadata document or HAR file offline, in whatever form it was
 * pasted (XML, base64, deflated, a URL with `SAMLRequest=`…), and runs the checks the Webex
 * ACS and Entra make. Pure: no network, no state.
 */
export function inspect(input: string, options: InspectMessageOptions = {}): InspectionReport {
  const context = createInspectionContext({ ...options.context, at: options.at ?? Date.now() })
  const result = inspectSaml(input, { context })
  if (!result.ok) throw new InspectInputError(result.error)
  return result.value
}
