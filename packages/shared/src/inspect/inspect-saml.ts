/**
 * The SAML inspector (this folder): reads a SAML message, metadata, or every message of a HAR
 * file, in whatever form it was pasted; explains it (decoded XML as text, a summary, signature
 * and certificate verdicts, decryption) and runs the checks the Webex ACS and Entra make,
 * each failure in plain words with the fix on the screen where it is made. Everything is pure
 * and offline: no network, no state; the caller gathers the context (certificates, metadata,
 * a sandbox's configuration) and gets plain data back, for the CLI, the consoles and the
 * package API alike.
 *
 * This file is the folder's public surface: `inspectSaml`, `formatInspectionText`, the
 * context and report types, and the seam (`ResponseCheck`, `ACS_CHECKS`) through which the
 * SP's own table of ACS checks can be run instead of the inspector's.
 */
import { err, ok, type Result } from '../result'
import { attributeOf } from '../xml/dom'
import { ACS_CHECKS } from './acs-checks'
import type { InspectionContext } from './context'
import { detectInput } from './detect-input'
import { humanDuration } from './durations'
import { inspectMessage } from './inspect-message'
import type { UnusableInput } from './located-message'
import { describeOrigin } from './origins'
import type { Conversation } from './read-response'
import type { InspectedMessage, InspectionReport } from './report'
import type { ResponseCheck } from './response-check'

export { ACS_CHECKS } from './acs-checks'
export type {
  AcsPolicy,
  CertificateAuthorities,
  ContextOrigin,
  DecryptionKey,
  Expected,
  InspectionContext,
  TrustedSigner,
} from './context'
export { createInspectionContext, WEBEX_DEFAULT_POLICY } from './context'
export {
  idpContextFromMetadata,
  readCertificateFile,
  signerFromDer,
  spContextFromMetadata,
} from './context-sources'
export { detectInput, MAX_INSPECT_INPUT_BYTES } from './detect-input'
export { humanDuration, parseInstant, relativeTime } from './durations'
export { formatInspectionText, terminalSafe } from './format-text'
export type { DetectedInput, InputForm, LocatedMessage, UnusableInput } from './located-message'
export type { AcsExpectations, Conversation, ResponseUnderInspection } from './read-response'
export type * from './report'
export type { ResponseCheck } from './response-check'
export * from './webex-org-context'

/** How to inspect: what to compare with, and which checks to run on Responses. */
export interface InspectOptions {
  readonly context: InspectionContext
  /**
   * The ACS checks run on each Response, in order. The inspector's own table by default; the
   * SP's declared table of named ACS checks, adapted to {@link ResponseCheck}, when it is wired.
   */
  readonly responseChecks?: readonly ResponseCheck[]
}

function comparedWith(context: InspectionContext): string[] {
  const lines: string[] = []
  const list = (values: readonly string[]): string => values.join(', ')
  if (context.spEntityId)
    lines.push(`SP entityID ${context.spEntityId.value}, from ${describeOrigin(context.spEntityId.origin)}`)
  if (context.acsUrls)
    lines.push(`ACS URL ${list(context.acsUrls.value)}, from ${describeOrigin(context.acsUrls.origin)}`)
  if (context.idpEntityId)
    lines.push(
      `IdP entityID ${context.idpEntityId.value}, from ${describeOrigin(context.idpEntityId.origin)}`,
    )
  if (context.idpSsoUrls)
    lines.push(
      `IdP SSO URL ${list(context.idpSsoUrls.value)}, from ${describeOrigin(context.idpSsoUrls.origin)}`,
    )
  const sides = [
    ['IdP signing', context.idpSigners],
    ['SP signing', context.spSigners],
  ] as const
  // One certificate given for whichever side signed (--cert) is listed once.
  const shared = context.idpSigners !== null && context.idpSigners === context.spSigners
  for (const [side, signers] of shared ? ([['Signing', context.idpSigners]] as const) : sides)
    if (signers)
      lines.push(
        `${side} certificates ${list(signers.value.map((s) => `${s.thumbprint}${s.subject ? ` (${s.subject})` : ''}`))}, from ${describeOrigin(signers.origin)}`,
      )
  if (context.decryptionKeys.length > 0)
    lines.push(`decryption keys: ${list(context.decryptionKeys.map((k) => k.label))}`)
  if (context.authorities) lines.push(`certificate authorities: ${context.authorities.label}`)
  const p = context.policy
  lines.push(
    `${p.label}: clock skew ${humanDuration(p.skewMs)}, SHA-1 ${p.allowSha1 ? 'allowed' : 'refused'}, ${
      p.requireAssertionSignature ? 'signed assertion required' : 'a signed Response suffices'
    }, IdP-initiated sign-in ${p.allowUnsolicited ? 'allowed' : 'refused'}, users found by ${p.matchUserBy === 'uid' ? 'the uid attribute' : 'the NameID'}${
      p.trustMode
        ? `, certificates ${p.trustMode === 'ca-signed' ? 'CA-signed only' : 'self-signed allowed'}`
        : ''
    }`,
  )
  return lines
}

interface RequestSeen {
  readonly id: string
  readonly issuer: string | null
  readonly acsUrl: string | null
  readonly location: string
}

/**
 * In a conversation, the AuthnRequest a Response answers says what the Response must match
 * when nothing else does: its Issuer is the Audience Entra must send, its
 * AssertionConsumerServiceURL the Recipient and Destination.
 */
function withRequest(
  context: InspectionContext,
  answered: string | null,
  requests: readonly RequestSeen[],
): InspectionContext {
  const request = answered === null ? undefined : requests.find((r) => r.id === answered)
  if (!request) return context
  const origin = {
    kind: 'authn-request',
    label: request.location.split(' (')[0] ?? request.location,
  } as const
  return {
    ...context,
    spEntityId: context.spEntityId ?? (request.issuer ? { value: request.issuer, origin } : null),
    acsUrls: context.acsUrls ?? (request.acsUrl ? { value: [request.acsUrl], origin } : null),
  }
}

/**
 * The offline SAML inspector: reads a SAMLRequest, SAMLResponse, LogoutRequest/Response or
 * metadata, explains it and runs the checks Webex's ACS (for a Response) or Entra (for a
 * request) makes, each failure in plain words with its fix on the screen where it is made.
 * Pure and offline: no network, no state, no clock of its own.
 *
 * @param input - What was pasted or read, in any form: raw XML, base64 (POST binding), deflated
 *   base64 (Redirect binding), a full URL or a bare query string, a form-encoded POST body, an
 *   HTML page with an auto-post form, or a HAR file (every SAML message in it, in order; a sign-in
 *   trace export of the sandbox is one). At most {@link MAX_INSPECT_INPUT_BYTES}.
 * @param options - `context`: what to compare with and when, built with
 *   {@link createInspectionContext} (`at`, the instant times are judged at; the SP's and the
 *   IdP's entityIDs, URLs and signing certificates, from {@link idpContextFromMetadata},
 *   {@link spContextFromMetadata}, {@link readCertificateFile}; decryption keys; the ACS policy).
 *   `responseChecks`: the checks run on a Response, in order, the SP's table when the caller has
 *   it (`INSPECTOR_ACS_CHECKS` of `@sandbox/sp`), else the inspector's own {@link ACS_CHECKS}.
 * @returns `ok` with an {@link InspectionReport}: what was detected, the context compared with,
 *   and per message its decoded XML (text, never HTML), summary (issuer, destination, audience,
 *   recipient, NameID, attributes, times against `at`), signature and certificate verdicts,
 *   decryption, and each check passed, failed (code, message, fix) or not judged;
 *   `exitCode` 0 when no check failed, 1 when one did. `err` with an {@link UnusableInput}
 *   (code and message saying what was expected) when no SAML message can be found: exit 2.
 *
 * In a HAR file the messages form one conversation: a Response's InResponseTo is checked
 * against the AuthnRequests before it, and an assertion posted twice is a replay.
 *
 * @example
 * ```ts
 * const idp = idpContextFromMetadata(federationMetadataXml, { kind: 'idp-metadata', label: 'FederationMetadata.xml' })
 * if (!idp.ok) throw new Error(idp.error)
 * const report = inspectSaml(pasted, { context: createInspectionContext({ at: Date.now(), ...idp.value }) })
 * if (report.ok) console.log(formatInspectionText(report.value))
 * ```
 */
export function inspectSaml(input: string, options: InspectOptions): Result<InspectionReport, UnusableInput> {
  const detected = detectInput(input)
  if (!detected.ok) return detected
  const { context } = options
  const checks = options.responseChecks ?? ACS_CHECKS
  const inConversation = detected.value.form === 'har'
  const requests: RequestSeen[] = []
  const assertionsSeen = new Map<string, string>()
  const messages: InspectedMessage[] = []
  for (const [i, located] of detected.value.messages.entries()) {
    const conversation: Conversation | null = inConversation
      ? { requestIds: requests.map((r) => r.id), assertionsSeen: new Map(assertionsSeen) }
      : null
    const contextFor = (root: Element): InspectionContext =>
      withRequest(context, attributeOf(root, 'InResponseTo'), requests)
    const { message, ids } = inspectMessage(located, i + 1, contextFor, conversation, checks)
    if (ids.notSaml && detected.value.messages.length === 1)
      return err({
        code: 'INPUT_NOT_SAML',
        message: `${message.checks[0]?.status === 'failed' ? message.checks[0].message : 'This is not SAML'}. Expected a SAML message (AuthnRequest, Response, LogoutRequest or LogoutResponse) or SAML metadata.`,
      })
    if (ids.request) requests.push({ ...ids.request, location: located.location })
    if (ids.assertionId && !assertionsSeen.has(ids.assertionId))
      assertionsSeen.set(ids.assertionId, located.location)
    messages.push(message)
  }
  const failed = messages.reduce((sum, m) => sum + m.failed, 0)
  return ok({
    detected: { form: detected.value.form, description: detected.value.description },
    judgedAt: new Date(context.at).toISOString(),
    comparedWith: comparedWith(context),
    messages,
    failed,
    exitCode: failed > 0 ? 1 : 0,
  })
}
