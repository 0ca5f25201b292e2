// sign-in/: Webex's side of SSO at sign-in time: the AuthnRequest, the ACS's check pipeline, sessions, single logout.
import {
  type ClientSource,
  type DeepReadonly,
  type DocumentStore,
  ok,
  type Result,
  type Runtime,
} from '@sandbox/shared'
import { describeError, fail, type SpError, spError } from '../errors/catalogue'
import { spEntityOf } from '../sso-setup/sp-entity'
import type { IdpTrust, TestResult } from '../sso-setup/sso-schema'
import type { SpSnapshot, SpState } from '../state/sp-state'
import { checkEmail } from '../users/user-rules'
import type { UserService } from '../users/user-service'
import { createAcsExpectations } from './acs/acs-expectations'
import type { AssertionFacts } from './acs/acs-facts'
import { type AcceptedResponse, checkSamlResponse, type ResponseRefusal } from './acs/acs-pipeline'
import { receiveResponse } from './acs/response-checks'
import { authnRequestXml, type Outbound, outboundMessage } from './authn-request'
import { runChecks } from './check-pipeline'
import type { KeyMaterial } from './key-material'
import type { MemoryStores, SpSession } from './memory-stores'
import type { SignInTraces } from './sign-in-traces'
import { recordSsoTestRun } from './sso-test-run'
import { SIGN_IN_CHECKS, type UserMatch } from './webex-user-checks'

/** Where the person lands after signing in when RelayState is absent or unsafe. */
const DEFAULT_LANDING = '/webex/home'

/**
 * RelayState is a local path or nothing: never an open redirect. Whitespace and control
 * characters make it no path at all (Node could not send them in a Location header either).
 */
function safeLanding(relayState: string | undefined): string {
  if (!relayState || relayState.length > 80) return DEFAULT_LANDING
  if (!relayState.startsWith('/') || relayState.startsWith('//') || relayState.startsWith('/\\'))
    return DEFAULT_LANDING
  if (/[\s\\\p{Cc}\p{Cs}]/u.test(relayState)) return DEFAULT_LANDING
  return relayState
}

/** What the ACS did with a Response. */
export type AcsOutcome =
  | { readonly kind: 'signed-in'; readonly session: SpSession; readonly landing: string }
  | {
      readonly kind: 'test'
      readonly result: TestResult
      readonly accepted: AcceptedResponse | null
      readonly refusal: ResponseRefusal | null
    }
  | { readonly kind: 'refused'; readonly refusal: ResponseRefusal }

/** A Webex user to create at sign-in (just-in-time provisioning). */
interface JustInTimeUser {
  readonly kind: 'create'
  readonly email: string
  readonly givenName: string
  readonly familyName: string
}

const GIVEN_NAME = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname'
const SURNAME = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname'

/**
 * Webex's sign-in: starts SP-initiated SSO, runs the ACS's checks (acs/acs-pipeline.ts) and then
 * the sign-in's own (webex-user-checks.ts), opens sessions, and records Test SSO Connection.
 */
export function createSignInService(deps: {
  store: DocumentStore<SpState>
  runtime: Runtime
  url: string
  users: UserService
  memory: MemoryStores
  keys: KeyMaterial
  traces: SignInTraces
  /** The SP metadata of a state (cached; samlify's second opinion reads it). */
  spMetadataOf: (state: SpSnapshot) => string
}) {
  const { store, runtime, memory, users } = deps
  const expectationsFor = createAcsExpectations(deps)
  const isoNow = (): string => new Date(runtime.clock.now()).toISOString()

  function trustFor(state: SpSnapshot, purpose: 'sign-in' | 'test'): DeepReadonly<IdpTrust> | null {
    return purpose === 'test' ? state.sso.pending : state.sso.enabled ? state.sso.active : null
  }

  /** Refuses, tracing the checks after the first `traced` (those are in the trace already). */
  function refuse(
    purpose: 'sign-in' | 'test',
    refusal: ResponseRefusal,
    traceId: string,
    traced = 0,
  ): AcsOutcome {
    deps.traces.checked(traceId, refusal.checks.slice(traced), refusal.error)
    deps.traces.ended(traceId, 'failure')
    memory.logAttempt({
      traceId,
      at: isoNow(),
      purpose,
      outcome: 'failure',
      code: refusal.error.code,
      message: describeError(refusal.error).message,
      // Read from the signed assertion only, so never an attacker's claim.
      user: refusal.seen.nameId ?? null,
      checks: refusal.checks,
    })
    return { kind: 'refused', refusal }
  }

  /** The Webex user the assertion names, or the one to create just in time where the org allows it. */
  function findUser(facts: AssertionFacts, state: SpSnapshot): UserMatch | JustInTimeUser {
    const { matchUserBy, justInTimeProvisioning } = state.sso.settings
    const value = matchUserBy === 'uid' ? facts.attributes.uid?.[0] : facts.nameId
    if (!value) return { kind: 'no-uid', attributeNames: Object.keys(facts.attributes) }
    const user = users.findSignInUser(value)
    if (user) return { kind: 'found', user }
    if (!justInTimeProvisioning || !value.includes('@'))
      return { kind: 'not-found', matchedBy: matchUserBy, value }
    return {
      kind: 'create',
      email: value,
      givenName: facts.attributes[GIVEN_NAME]?.[0] ?? '',
      familyName: facts.attributes[SURNAME]?.[0] ?? '',
    }
  }

  async function createJustInTime(wanted: JustInTimeUser): Promise<UserMatch> {
    const { kind: _kind, ...fields } = wanted
    const created = await users.createJustInTime(fields)
    return created.ok ? { kind: 'found', user: created.value } : { kind: 'not-created', error: created.error }
  }

  /** Starts SP-initiated SSO for a browser; `test` runs against the pending (not yet enabled) IdP. */
  function start(options: {
    browserId: string
    source: ClientSource
    relayState: string | undefined
    purpose: 'sign-in' | 'test'
    /** The address the person typed: Entra fills it in (`login_hint`, Redirect binding only). */
    loginHint?: string
  }): Result<Outbound, SpError> {
    const state = store.read()
    const trust = trustFor(state, options.purpose)
    if (!trust)
      return options.purpose === 'test'
        ? fail('SSO_NO_IDP_METADATA', { action: 'test' })
        : fail('SSO_NOT_ENABLED', { at: 'sign-on' })
    const entity = spEntityOf(state, deps.url)
    const settings = state.sso.settings
    const requestId = runtime.ids.samlId()
    const binding =
      settings.authnRequestBinding === 'post' && trust.ssoPostUrl
        ? 'post'
        : trust.ssoRedirectUrl
          ? 'redirect'
          : 'post'
    const destination = (binding === 'redirect' ? trust.ssoRedirectUrl : trust.ssoPostUrl) as string
    const key = deps.keys.spKeys(state)
    memory.addPending({
      requestId,
      browserId: options.browserId,
      source: options.source,
      relayState: options.relayState,
      purpose: options.purpose,
      idpTrustId: trust.id,
    })
    const outbound = outboundMessage({
      xml: authnRequestXml({
        id: requestId,
        now: runtime.clock.now(),
        destination,
        acsUrl: entity.acsUrl,
        issuer: entity.entityId,
      }),
      parameter: 'SAMLRequest',
      binding,
      destination,
      relayState: options.relayState,
      signing:
        settings.signAuthnRequests || trust.wantAuthnRequestsSigned
          ? { privateKey: key.signing, certificateBase64: key.signingCertificateBase64 }
          : undefined,
      algorithm: 'rsa-sha256',
    })
    deps.traces.requestSent(requestId, outbound, destination, options.purpose)
    // The signature covers SAMLRequest, RelayState and SigAlg only, so the hint may follow it.
    if (outbound.kind === 'redirect' && options.loginHint)
      return ok({
        kind: 'redirect',
        url: `${outbound.url}&login_hint=${encodeURIComponent(options.loginHint)}`,
      })
    return ok(outbound)
  }

  return {
    start,

    /**
     * The email-first Webex sign-in: the address picks the Webex user, and the org's enabled IdP
     * signs them in. An unknown address (unless just-in-time creation is on) or an org without
     * single sign-on is refused with its reason, before anyone is sent to the IdP.
     */
    startForEmail(options: {
      email: string
      browserId: string
      source: ClientSource
    }): Result<Outbound, SpError> {
      const email = checkEmail(options.email)
      if (!email.ok) return fail('SIGN_IN_EMAIL_INVALID')
      const state = store.read()
      if (!state.sso.enabled || !state.sso.active) return fail('SSO_NOT_ENABLED', { at: 'email' })
      if (!users.findSignInUser(email.value) && !state.sso.settings.justInTimeProvisioning)
        return fail('SIGN_IN_UNKNOWN_EMAIL', { email: email.value })
      return start({ ...options, relayState: undefined, purpose: 'sign-in', loginHint: email.value })
    },

    /** Where the email-first page's form may lead (its CSP's form-action): the enabled IdP's sign-in origins. */
    emailSignInOrigins(): string[] {
      const { sso } = store.read()
      if (!sso.enabled || !sso.active) return []
      const urls = [sso.active.ssoRedirectUrl, sso.active.ssoPostUrl].filter((u): u is string => u !== null)
      return [...new Set(urls.map((u) => new URL(u).origin))]
    },

    /** The last sign-in attempts and refused logout messages (Control Hub's troubleshooting log). */
    attempts: () => memory.attempts(),

    /** Uses a one-time Test SSO Connection link; false when it was used or has expired. */
    redeemTestTicket: (ticket: string): boolean => memory.useTestTicket(ticket),

    /** The ACS: checks a posted Response and signs the browser in (or records the test). */
    async consume(form: {
      samlResponse: string | undefined
      relayState: string | undefined
      browserId: string | null
    }): Promise<AcsOutcome> {
      // Decoded and parsed once; the InResponseTo it claims picks the pending request (and so
      // the IdP trust: Test SSO Connection judges against the pending one) it is checked against.
      const received = receiveResponse(form.samlResponse)
      const claimed = received.claimedInResponseTo.unverified
      const pending = claimed ? memory.peekPending(claimed) : undefined
      const purpose = pending?.purpose ?? 'sign-in'
      const state = store.read()
      const traceId = deps.traces.responseReceived(
        form.samlResponse,
        claimed,
        spEntityOf(state, deps.url).acsUrl,
      )
      const trust = trustFor(state, purpose)
      if (!trust) {
        const error = spError('SSO_NOT_ENABLED', { at: 'acs' })
        const detail = describeError(error).message
        return refuse(
          purpose,
          {
            error,
            checks: [{ name: 'Single sign-on', passed: false, detail }],
            seen: {},
          },
          traceId,
        )
      }
      const expect = expectationsFor({ state, trust, pending, purpose, browserId: form.browserId })
      const checked = checkSamlResponse(received, expect)
      if (purpose === 'test') {
        const checks = checked.ok ? checked.value.checks : checked.error.checks
        deps.traces.checked(traceId, checks, checked.ok ? null : checked.error.error)
        deps.traces.ended(traceId, checked.ok ? 'success' : 'failure')
        return recordSsoTestRun(
          { ...deps, state },
          checked,
          trust,
          pending?.requestId ?? null,
          form.samlResponse ?? '',
        )
      }
      if (!checked.ok) return refuse(purpose, checked.error, traceId)
      const { facts, checks } = checked.value
      deps.traces.checked(traceId, checks, null)
      // Synchronous from the checks to the replay cache and the session, so two posts of one
      // assertion cannot both pass Replay; only a just-in-time creation waits in between.
      const found = findUser(facts, state)
      const match = found.kind === 'create' ? await createJustInTime(found) : found
      deps.traces.userMatched(traceId, match)
      const signIn = runChecks(
        SIGN_IN_CHECKS,
        { accepted: facts, match },
        {
          remember: (id, until) => memory.rememberAssertion(id, until),
          replayRoomAt: () => memory.replayRoomAt(),
        },
        checks,
      )
      if (signIn.refusal)
        return refuse(
          purpose,
          { error: signIn.refusal, checks: signIn.checks, seen: facts },
          traceId,
          checks.length,
        )
      if (match.kind !== 'found') throw new Error('the Webex user check passed without a user')
      if (pending) memory.consumePending(pending.requestId)
      const { user } = match
      const session = memory.addSession({
        id: runtime.ids.token(32),
        browserId: form.browserId,
        user: { id: user.id, userName: user.userName, displayName: user.displayName },
        nameId: facts.nameId,
        nameIdFormat: facts.nameIdFormat,
        sessionIndex: facts.sessionIndex,
        issuer: facts.issuer,
        attributes: facts.attributes,
        certificate: facts.certificate,
        timing: {
          issueInstant: facts.issueInstant,
          notBefore: facts.notBefore,
          notOnOrAfter: facts.notOnOrAfter,
        },
        checks: signIn.checks,
        signedInAt: isoNow(),
      })
      deps.traces.checked(traceId, signIn.checks.slice(checks.length), null)
      deps.traces.sessionOpened(traceId, session)
      deps.traces.ended(traceId, 'success')
      memory.logAttempt({
        traceId,
        at: session.signedInAt,
        purpose,
        outcome: 'success',
        code: null,
        message: 'signed in',
        user: user.userName,
        checks: signIn.checks,
      })
      return {
        kind: 'signed-in',
        session,
        landing: safeLanding(pending ? pending.relayState : form.relayState),
      }
    },
  }
}
