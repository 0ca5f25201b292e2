import {
  attributeOf,
  type DocumentStore,
  escapeXmlAttribute,
  escapeXmlText,
  isoInstant,
  NS,
  type Runtime,
  STATUS,
} from '@sandbox/shared'
import { describeError, type SpError } from '../errors/catalogue'
import { spEntityOf } from '../sso-setup/sp-entity'
import type { SpSnapshot, SpState } from '../state/sp-state'
import { type Outbound, outboundMessage } from './authn-request'
import { runChecks } from './check-pipeline'
import type { KeyMaterial } from './key-material'
import type { PostedLogout } from './logout-checks'
import { POST_LOGOUT_CHECKS, REDIRECT_LOGOUT_CHECKS } from './logout-pipeline'
import type { MemoryStores, SpSession } from './memory-stores'

/** What an incoming SLO message led to. */
export type LogoutHandling =
  | { readonly kind: 'respond'; readonly outbound: Outbound }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'refused'; readonly error: SpError }

/** Sessions and single logout: SP-initiated (Webex's Sign out) and IdP-initiated. */
export function createSessionService(deps: {
  store: DocumentStore<SpState>
  runtime: Runtime
  url: string
  memory: MemoryStores
  keys: KeyMaterial
}) {
  const { store, runtime, memory, keys } = deps
  /** Runs a binding's checks; every refusal is answered with its code and written to the sign-in log. */
  function check(table: typeof REDIRECT_LOGOUT_CHECKS, posted: PostedLogout) {
    const state = store.read()
    const idp = state.sso.active
    const run = runChecks(
      table,
      { posted },
      {
        idp,
        trusted: idp ? keys.trustedCertificates(idp) : [],
        allowSha1: state.sso.settings.allowSha1,
        useLogoutRequest: (requestId) => memory.useLogoutRequest(requestId),
      },
    )
    if (run.refusal)
      memory.logAttempt({
        at: new Date(runtime.clock.now()).toISOString(),
        purpose: 'logout',
        outcome: 'failure',
        code: run.refusal.code,
        message: describeError(run.refusal).message,
        user: null,
        checks: run.checks,
      })
    return run
  }
  const signingOf = (state: SpSnapshot) => {
    const own = keys.spKeys(state)
    return { privateKey: own.signing, certificateBase64: own.signingCertificateBase64 }
  }

  return {
    /** A new browser id, for the cookie that binds a sign-in to the browser that started it. */
    newBrowserId: (): string => runtime.ids.token(24),

    current(id: string | undefined): SpSession | undefined {
      return id ? memory.session(id) : undefined
    },

    /** Ends the Webex session; returns the LogoutRequest to the IdP when it has an SLO endpoint. */
    signOut(id: string | undefined): Outbound | null {
      const session = id ? memory.endSession(id) : undefined
      const state = store.read()
      const idp = state.sso.active
      if (!session || !idp?.sloUrl) return null
      const entity = spEntityOf(state, deps.url)
      const a = escapeXmlAttribute
      const requestId = runtime.ids.samlId()
      memory.addLogoutRequest(requestId, session.user.id)
      const xml = `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${requestId}" Version="2.0" IssueInstant="${isoInstant(runtime.clock.now())}" Destination="${a(idp.sloUrl)}"><saml:Issuer>${escapeXmlText(entity.entityId)}</saml:Issuer><saml:NameID Format="${a(session.nameIdFormat)}">${escapeXmlText(session.nameId)}</saml:NameID>${session.sessionIndex ? `<samlp:SessionIndex>${escapeXmlText(session.sessionIndex)}</samlp:SessionIndex>` : ''}</samlp:LogoutRequest>`
      return outboundMessage({
        xml,
        parameter: 'SAMLRequest',
        binding: 'redirect',
        destination: idp.sloUrl,
        relayState: undefined,
        signing: signingOf(state),
        algorithm: 'rsa-sha256',
      })
    },

    /**
     * The SLO endpoint (Redirect binding): a LogoutResponse ends the round trip Webex started;
     * a LogoutRequest from the IdP ends the sessions of its NameID and is answered. IdP messages
     * must be signed by a certificate of the active IdP configuration.
     */
    handleLogoutMessage(rawQuery: string): LogoutHandling {
      return answer(check(REDIRECT_LOGOUT_CHECKS, { binding: 'redirect', rawQuery }))
    },

    /**
     * The SLO endpoint (POST binding): the same messages with an enveloped XML signature, which
     * must verify with a certificate of the active IdP configuration.
     */
    handlePostedLogoutMessage(form: {
      samlRequest: string | undefined
      samlResponse: string | undefined
      relayState: string | undefined
    }): LogoutHandling {
      return answer(check(POST_LOGOUT_CHECKS, { binding: 'post', ...form }))
    },
  }

  /** What a checked message leads to: the sessions of a LogoutRequest end, and it is answered. */
  function answer(run: ReturnType<typeof check>): LogoutHandling {
    if (run.refusal) return { kind: 'refused', error: run.refusal }
    const { facts } = run
    if (facts.parameter === 'SAMLResponse') return { kind: 'signed-out' }
    if (facts.nameId === undefined || !facts.message)
      throw new Error('the LogoutRequest checks passed without a NameID')
    memory.endSessionsOf(facts.nameId, facts.sessionIndex ?? null)
    const state = store.read()
    const destination = state.sso.active?.sloUrl
    if (!destination) return { kind: 'signed-out' }
    const entity = spEntityOf(state, deps.url)
    const a = escapeXmlAttribute
    const xml = `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${runtime.ids.samlId()}" Version="2.0" IssueInstant="${isoInstant(runtime.clock.now())}" Destination="${a(destination)}" InResponseTo="${a(attributeOf(facts.message, 'ID') ?? '')}"><saml:Issuer>${escapeXmlText(entity.entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${STATUS.success}"/></samlp:Status></samlp:LogoutResponse>`
    return {
      kind: 'respond',
      outbound: outboundMessage({
        xml,
        parameter: 'SAMLResponse',
        binding: 'redirect',
        destination,
        relayState: facts.relayState,
        signing: signingOf(state),
        algorithm: 'rsa-sha256',
      }),
    }
  }
}
