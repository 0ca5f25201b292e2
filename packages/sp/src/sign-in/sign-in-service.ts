import type { ClientSource, DeepReadonly } from '@sandbox/shared'
import {
  certificateToDer,
  type DocumentStore,
  decodePostBinding,
  err,
  ok,
  type Result,
  type Runtime,
} from '@sandbox/shared'
import { createTrustCache } from '../sso/idp-trust'
import { spEntityOf } from '../sso/sp-entity'
import type { SsoError } from '../sso/sso-error'
import type { IdpConfig, TestResult } from '../sso/sso-schema'
import type { SpSnapshot, SpState } from '../state/sp-state'
import type { UserService } from '../users/user-service'
import { authnRequestXml, type Outbound, outboundMessage } from './authn-request'
import type { KeyMaterial } from './key-material'
import type { MemoryStores, SpSession } from './memory-stores'
import {
  type AcceptedResponse,
  checkSamlResponse,
  type ResponseRefusal,
  receiveResponse,
} from './response-checks'
import { replayCacheFull, uidMissing } from './sign-in-errors'
import { recordTestResult } from './test-sso'
import { trustAnchorsOf } from './trust-anchors'

/** Where the person lands after signing in when RelayState is absent or unsafe. */
export const DEFAULT_LANDING = '/webex/home'

/**
 * RelayState is a local path or nothing: never an open redirect. Whitespace and control
 * characters make it no path at all (Node could not send them in a Location header either).
 */
export function safeLanding(relayState: string | undefined): string {
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

function refusal(code: string, message: string, fix: string): ResponseRefusal {
  return { code, message, fix, checks: [{ name: code, passed: false, detail: message }], seen: {} }
}

/**
 * Webex's sign-in: starts SP-initiated SSO, runs the ACS checks, matches the Webex user,
 * opens sessions, and records Test SSO Connection results.
 */
export function createSignInService(deps: {
  store: DocumentStore<SpState>
  runtime: Runtime
  url: string
  users: UserService
  memory: MemoryStores
  keys: KeyMaterial
  /** The SP metadata of a state (cached; samlify's second opinion reads it). */
  spMetadataOf: (state: SpSnapshot) => string
}) {
  const { store, runtime, memory, users } = deps
  const judge = createTrustCache()
  const { spMetadataOf } = deps
  const { spKeys, trustedCertificates } = deps.keys

  function configFor(state: SpSnapshot, purpose: 'sign-in' | 'test'): DeepReadonly<IdpConfig> | null {
    return purpose === 'test' ? state.sso.pending : state.sso.enabled ? state.sso.active : null
  }

  return {
    /** Starts SP-initiated SSO for a browser; `test` runs against the pending (not yet enabled) IdP. */
    start(options: {
      browserId: string
      source: ClientSource
      relayState: string | undefined
      purpose: 'sign-in' | 'test'
    }): Result<Outbound, SsoError> {
      const state = store.read()
      const config = configFor(state, options.purpose)
      if (!config)
        return err({
          code: options.purpose === 'test' ? 'SSO_NO_IDP_METADATA' : 'SSO_NOT_ENABLED',
          message:
            options.purpose === 'test'
              ? 'There is no IdP metadata to test: import it first.'
              : 'Single sign-on is not set up for this organization.',
          fix: 'Control Hub > Organization Settings > Authentication > Modify: integrate a 3rd-party identity provider.',
          status: 400,
        })
      const entity = spEntityOf(state, deps.url)
      const settings = state.sso.settings
      const requestId = runtime.ids.samlId()
      const binding =
        settings.authnRequestBinding === 'post' && config.ssoPostUrl
          ? 'post'
          : config.ssoRedirectUrl
            ? 'redirect'
            : 'post'
      const destination = (binding === 'redirect' ? config.ssoRedirectUrl : config.ssoPostUrl) as string
      const key = spKeys(state)
      memory.addPending({
        requestId,
        browserId: options.browserId,
        source: options.source,
        relayState: options.relayState,
        purpose: options.purpose,
        idpConfigId: config.id,
      })
      return ok(
        outboundMessage({
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
            settings.signAuthnRequests || config.wantAuthnRequestsSigned
              ? { privateKey: key.signing, certificateBase64: key.signingCertificateBase64 }
              : undefined,
          algorithm: 'rsa-sha256',
        }),
      )
    },

    /** The ACS: checks a posted Response and signs the browser in (or records the test). */
    async consume(form: {
      samlResponse: string | undefined
      relayState: string | undefined
      browserId: string | null
    }): Promise<AcsOutcome> {
      const decoded = decodePostBinding(form.samlResponse)
      if (!decoded.ok) {
        memory.logAttempt({
          at: new Date(runtime.clock.now()).toISOString(),
          purpose: 'sign-in',
          outcome: 'failure',
          code: 'SSO_MALFORMED_RESPONSE',
          message: decoded.error.message,
          user: null,
        })
        return {
          kind: 'refused',
          refusal: refusal(
            'SSO_MALFORMED_RESPONSE',
            decoded.error.message,
            'Post a base64-encoded SAML Response in the SAMLResponse field.',
          ),
        }
      }
      // Parsed once; the InResponseTo it claims picks the pending request (and so the IdP
      // configuration: Test SSO Connection judges against the pending one) it is checked against.
      const received = receiveResponse(decoded.value)
      const claimed = received.claimedInResponseTo
      const pending = claimed ? memory.peekPending(claimed) : undefined
      const purpose = pending?.purpose ?? 'sign-in'
      const state = store.read()
      const config = configFor(state, purpose)
      const outcome = (r: ResponseRefusal): AcsOutcome => {
        memory.logAttempt({
          at: new Date(runtime.clock.now()).toISOString(),
          purpose,
          outcome: 'failure',
          code: r.code,
          message: r.message,
          // Only read after the signature verified, so never an attacker's claim.
          user: r.seen.nameId ?? null,
        })
        return { kind: 'refused', refusal: r }
      }
      if (!config)
        return outcome(
          refusal(
            'SSO_NOT_ENABLED',
            'Single sign-on is not enabled for this Webex organization, so the ACS accepts no Response.',
            'Control Hub > Authentication: import the IdP metadata, test, and enable SSO.',
          ),
        )
      const entity = spEntityOf(state, deps.url)
      const now = runtime.clock.now()
      const trust = trustAnchorsOf(runtime, state)
      const checked = checkSamlResponse(received, {
        spEntityId: entity.entityId,
        acsUrl: entity.acsUrl,
        idpEntityId: config.entityId,
        trusted: trustedCertificates(config),
        judgeCertificate: (pem) =>
          judge(pem, {
            mode: config.trustMode,
            anchors: trust.anchors,
            intermediates: trust.intermediates,
            anchorsKey: `${trust.key}|${config.id}`,
            chain: config.chainCertificates.map((c) => certificateToDer(c) ?? Buffer.alloc(0)),
            at: now,
          }),
        decryptionKey: spKeys(state).decryption,
        now,
        skewMs: state.sso.settings.clockSkewSeconds * 1000,
        allowSha1: state.sso.settings.allowSha1,
        requireAssertionSignature: state.sso.settings.requireAssertionSignature,
        seenBefore: (id) => memory.seenBefore(id),
        checkInResponseTo: (inResponseTo) => {
          if (inResponseTo === null)
            return purpose === 'sign-in' && state.sso.settings.allowIdpInitiated
              ? { ok: true }
              : {
                  ok: false,
                  code: 'SSO_UNSOLICITED_RESPONSE',
                  message:
                    'This Response answers no request, and this org accepts only SP-initiated sign-in.',
                  fix: 'Start the sign-in from Webex (the Sign-on URL).',
                }
          if (!pending || inResponseTo !== claimed)
            return {
              ok: false,
              code: 'SSO_INRESPONSETO_MISMATCH',
              message: `InResponseTo does not match the request ID: ${inResponseTo} is not a request this SP is waiting for (unknown, expired or already answered).`,
              fix: 'Start the sign-in again from Webex; a Response answers one request, once, within 10 minutes.',
            }
          if (pending.browserId !== form.browserId)
            return {
              ok: false,
              code: 'SSO_INRESPONSETO_MISMATCH',
              message: `The request ${inResponseTo} was started in another browser.`,
              fix: 'Finish the sign-in in the browser that started it.',
            }
          if (pending.idpConfigId !== config.id)
            return {
              ok: false,
              code: 'SSO_INRESPONSETO_MISMATCH',
              message: 'The IdP configuration changed while this sign-in was in flight.',
              fix: 'Start the sign-in again.',
            }
          return { ok: true }
        },
      })
      if (purpose === 'test')
        return recordTestResult(
          { store, runtime, users, memory, spMetadataOf },
          checked,
          config,
          pending?.requestId ?? null,
          form.samlResponse ?? '',
        )
      if (!checked.ok) return outcome(checked.error)
      const { facts, checks } = checked.value
      const match = matchUser(facts.attributes, facts.nameId)
      if (!match.ok)
        return outcome({
          ...match.error,
          checks: [...checks, { name: 'Webex user', passed: false, detail: match.error.message }],
          seen: facts,
        })
      let user = match.value
      if (!user) {
        const email = match.lookup
        if (!state.sso.settings.justInTimeProvisioning || !email.includes('@'))
          return outcome({
            code: 'SSO_USER_NOT_FOUND',
            message: `No Webex user matches ${state.sso.settings.matchUserBy === 'uid' ? 'the uid attribute' : 'the NameID'} "${email}".`,
            fix: `Add ${email} in Control Hub > Users (or provision it over SCIM), or map uid on Entra (Attributes & Claims) to the attribute holding the Webex email.`,
            checks: [...checks, { name: 'Webex user', passed: false, detail: `no user ${email}` }],
            seen: facts,
          })
        const created = await users.createJustInTime({
          email,
          givenName:
            facts.attributes['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname']?.[0] ?? '',
          familyName:
            facts.attributes['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname']?.[0] ?? '',
        })
        if (!created.ok)
          return outcome({
            code: created.error.code,
            message: created.error.message,
            fix: created.error.fix,
            checks,
            seen: facts,
          })
        user = created.value
      }
      if (!user.active)
        return outcome({
          code: 'SSO_USER_INACTIVE',
          message: `The Webex user ${user.userName} is deactivated.`,
          fix: 'Control Hub > Users: activate the user.',
          checks: [...checks, { name: 'Webex user', passed: false, detail: 'deactivated' }],
          seen: facts,
        })
      // An answer to a request cannot be replayed (its request is consumed below); an
      // unsolicited one can, so it is refused when the replay cache cannot hold its ID.
      if (!memory.rememberAssertion(facts.assertionId, facts.replayUntil) && facts.inResponseTo === null) {
        const full = replayCacheFull(memory.replayRoomAt())
        const replay = { name: 'Replay', passed: false, detail: full.message }
        return outcome({ ...full, checks: [...checks, replay], seen: facts })
      }
      if (pending) memory.consumePending(pending.requestId)
      const session = memory.addSession({
        id: runtime.ids.token(32),
        browserId: form.browserId,
        user: { id: user.id, userName: user.userName, displayName: user.displayName },
        nameId: facts.nameId,
        nameIdFormat: facts.nameIdFormat,
        sessionIndex: facts.sessionIndex,
        issuer: facts.issuer,
        attributes: facts.attributes,
        checks: [...checks, { name: 'Webex user', passed: true, detail: `${user.userName} (active)` }],
        signedInAt: new Date(now).toISOString(),
      })
      memory.logAttempt({
        at: session.signedInAt,
        purpose,
        outcome: 'success',
        code: null,
        message: 'signed in',
        user: user.userName,
      })
      return {
        kind: 'signed-in',
        session,
        landing: safeLanding(pending ? pending.relayState : form.relayState),
      }
    },
  }

  function matchUser(attributes: Readonly<Record<string, readonly string[]>>, nameId: string) {
    const state = store.read()
    const by = state.sso.settings.matchUserBy
    const lookup = by === 'uid' ? attributes.uid?.[0] : nameId
    if (!lookup) return { ok: false as const, error: uidMissing(attributes) }
    return { ok: true as const, value: users.findSignInUser(lookup), lookup }
  }
}
