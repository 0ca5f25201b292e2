import {
  type DeepReadonly,
  type DocumentStore,
  ok,
  type Result,
  type Runtime,
  samlifySecondOpinion,
  systemClock,
} from '@sandbox/shared'
import { describeError } from '../errors/catalogue'
import type { IdpTrust, TestResult } from '../sso-setup/sso-schema'
import type { SpSnapshot, SpState } from '../state/sp-state'
import type { UserService } from '../users/user-service'
import type { AcceptedResponse, ResponseRefusal } from './acs/acs-pipeline'
import type { MemoryStores } from './memory-stores'
import type { AcsOutcome } from './sign-in-service'

/**
 * samlify judges validity windows by the machine's wall clock, not the SP's (injected) clock;
 * when the two differ (a pinned clock, the clock-skew exercise) its opinion on timing can differ.
 */
function samlifyClockNote(spNow: number, wallNow: number = systemClock.now()): string {
  const drift = Math.round(Math.abs(spNow - wallNow) / 1000)
  return drift > 60 ? ` (it checks time against the wall clock, ${drift} s away from the SP's clock)` : ''
}

/** What recording a Test SSO Connection needs: the state the Response was checked against, and where results go. */
export interface SsoTestRunDeps {
  readonly store: DocumentStore<SpState>
  readonly state: SpSnapshot
  readonly runtime: Runtime
  readonly users: UserService
  readonly memory: MemoryStores
  readonly spMetadataOf: (state: SpSnapshot) => string
}

function verdictMessage(deps: SsoTestRunDeps, accepted: AcceptedResponse): string {
  const { facts } = accepted
  const lookup = deps.state.sso.settings.matchUserBy === 'uid' ? facts.attributes.uid?.[0] : facts.nameId
  if (!lookup)
    return 'This test was successful. The assertion has no uid attribute: add the uid claim on Entra.'
  const user = deps.users.findSignInUser(lookup)
  return `This test was successful. ${user ? `It signs in the Webex user ${user.userName}.` : `No Webex user matches "${lookup}" yet: add one in Users before people sign in.`}`
}

/**
 * Test SSO Connection's verdict: the ACS checks' result, whether a Webex user would match,
 * and samlify's independent opinion; stored so that "Enable" can require a passing test.
 */
export async function recordSsoTestRun(
  deps: SsoTestRunDeps,
  checked: Result<AcceptedResponse, ResponseRefusal>,
  trust: DeepReadonly<IdpTrust>,
  requestId: string | null,
  samlResponseBase64: string,
): Promise<AcsOutcome> {
  const { store, runtime, memory } = deps
  const seen = checked.ok ? checked.value.facts : checked.error.seen
  const code = checked.ok ? null : checked.error.error.code
  const message = checked.ok
    ? verdictMessage(deps, checked.value)
    : describeError(checked.error.error).message
  if (checked.ok) {
    memory.rememberAssertion(checked.value.facts.assertionId, checked.value.facts.replayUntil)
    if (requestId) memory.consumePending(requestId)
  }
  // An independent second opinion (samlify's stock checks), affordable here: tests are rare.
  // Not for an assertion Webex could not decrypt: samlify's own decryption errors would say what
  // Webex's one refusal hides, and make this page a decryption oracle.
  const opinion =
    code === 'SSO_DECRYPTION_FAILED'
      ? null
      : await samlifySecondOpinion({
          spMetadata: deps.spMetadataOf(deps.state),
          idpMetadata: trust.metadataXml,
          samlResponseBase64,
          encryptionKeyPem: deps.state.encryptionCertificate.privateKeyPem,
        })
  const result: TestResult = {
    idpConfigId: trust.id,
    status: checked.ok ? 'passed' : 'failed',
    code,
    message,
    at: new Date(runtime.clock.now()).toISOString(),
    nameId: seen.nameId ?? null,
    attributes: Object.fromEntries(Object.entries(seen.attributes ?? {}).map(([k, v]) => [k, [...v]])),
    certificate: seen.certificate ? `${seen.certificate.subject} (${seen.certificate.thumbprint})` : null,
    timing:
      seen.issueInstant || seen.notBefore || seen.notOnOrAfter
        ? {
            issueInstant: seen.issueInstant ?? null,
            notBefore: seen.notBefore ?? null,
            notOnOrAfter: seen.notOnOrAfter ?? null,
          }
        : null,
    samlifyAgrees: opinion ? opinion.accepted === checked.ok : null,
    samlifyDetail: opinion
      ? `${opinion.detail}${samlifyClockNote(runtime.clock.now())}`
      : 'samlify was not asked: Webex gives no detail about an assertion it could not decrypt.',
  }
  await store.update((draft) => {
    draft.sso.lastTest = result
    return ok(true)
  })
  memory.logAttempt({
    at: result.at,
    purpose: 'test',
    outcome: checked.ok ? 'success' : 'failure',
    code,
    message,
    user: seen.nameId ?? null,
    checks: checked.ok ? checked.value.checks : checked.error.checks,
  })
  return {
    kind: 'test',
    result,
    accepted: checked.ok ? checked.value : null,
    refusal: checked.ok ? null : checked.error,
  }
}
