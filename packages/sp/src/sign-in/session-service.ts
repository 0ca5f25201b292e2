import {
  attributeOf,
  childNamed,
  type DocumentStore,
  decodePostBinding,
  decodeRedirectBinding,
  escapeXmlAttribute,
  escapeXmlText,
  isoInstant,
  NS,
  parseXml,
  type Runtime,
  SAML_MESSAGE_LIMITS,
  STATUS,
  textOf,
  verifyEnvelopedSignature,
  verifyRedirectSignature,
} from '@sandbox/shared'
import { spEntityOf } from '../sso/sp-entity'
import type { SpSnapshot, SpState } from '../state/sp-state'
import { type Outbound, outboundMessage } from './authn-request'
import type { KeyMaterial } from './key-material'
import type { MemoryStores, SpSession } from './memory-stores'

/** What an incoming SLO message led to. */
export type LogoutHandling =
  | { readonly kind: 'respond'; readonly outbound: Outbound }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'error'; readonly code: LogoutRefusalCode; readonly message: string }

/** Why an SLO message was refused; stable, like the ACS's codes. */
export type LogoutRefusalCode =
  | 'SLO_MALFORMED_MESSAGE'
  | 'SLO_NOT_ENABLED'
  | 'SLO_UNSIGNED'
  | 'SLO_INVALID_SIGNATURE'
  | 'SLO_UNTRUSTED_ISSUER'
  | 'SLO_UNKNOWN_REQUEST'
  | 'SLO_NAMEID_MISSING'

/** Sessions and single logout: SP-initiated (Webex's Sign out) and IdP-initiated. */
export function createSessionService(deps: {
  store: DocumentStore<SpState>
  runtime: Runtime
  url: string
  memory: MemoryStores
  keys: KeyMaterial
}) {
  const { store, runtime, memory, keys } = deps
  /** Every refusal is answered with its code and written to the sign-in log. */
  const refuse = (code: LogoutRefusalCode, message: string): LogoutHandling => {
    memory.logAttempt({
      at: new Date(runtime.clock.now()).toISOString(),
      purpose: 'logout',
      outcome: 'failure',
      code,
      message,
      user: null,
    })
    return { kind: 'error', code, message }
  }
  const signingOf = (state: SpSnapshot) => {
    const own = keys.spKeys(state)
    return { privateKey: own.signing, certificateBase64: own.signingCertificateBase64 }
  }

  return {
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
      const decoded = decodeRedirectBinding(rawQuery)
      if (!decoded.ok) return refuse('SLO_MALFORMED_MESSAGE', decoded.error.message)
      const message = decoded.value
      const state = store.read()
      const idp = state.sso.active
      if (!idp)
        return refuse('SLO_NOT_ENABLED', 'Single sign-on is not enabled, so there is no IdP to log out from.')
      if (!message.signature)
        return refuse(
          'SLO_UNSIGNED',
          'The logout message is not signed; Webex accepts only signed logout messages from the IdP.',
        )
      const idpKeys = keys.trustedCertificates(idp).map((t) => t.publicKey)
      const verified = verifyRedirectSignature(message.signature, idpKeys, state.sso.settings.allowSha1)
      if (!verified.ok) return refuse('SLO_INVALID_SIGNATURE', verified.error.message)
      const parsed = parseXml(message.xml, SAML_MESSAGE_LIMITS)
      if (!parsed.ok) return refuse('SLO_MALFORMED_MESSAGE', parsed.error.message)
      return afterVerification(parsed.value.documentElement, message.parameter, message.relayState)
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
      if ((form.samlRequest === undefined) === (form.samlResponse === undefined))
        return refuse('SLO_MALFORMED_MESSAGE', 'Post exactly one of SAMLRequest or SAMLResponse.')
      const parameter = form.samlRequest !== undefined ? 'SAMLRequest' : 'SAMLResponse'
      const decoded = decodePostBinding(form.samlRequest ?? form.samlResponse)
      if (!decoded.ok) return refuse('SLO_MALFORMED_MESSAGE', decoded.error.message)
      const state = store.read()
      const idp = state.sso.active
      if (!idp)
        return refuse('SLO_NOT_ENABLED', 'Single sign-on is not enabled, so there is no IdP to log out from.')
      const parsed = parseXml(decoded.value, SAML_MESSAGE_LIMITS)
      if (!parsed.ok) return refuse('SLO_MALFORMED_MESSAGE', parsed.error.message)
      const root = parsed.value.documentElement
      const verified = verifyEnvelopedSignature(root, {
        trusted: keys.trustedCertificates(idp),
        allowSha1: state.sso.settings.allowSha1,
      })
      if (!verified.ok)
        return refuse(
          'SLO_INVALID_SIGNATURE',
          `The logout message's signature was refused: ${verified.error.message}`,
        )
      return afterVerification(root, parameter, form.relayState)
    },
  }

  /** What both bindings do once the message's signature verified. */
  function afterVerification(
    root: Element,
    parameter: 'SAMLRequest' | 'SAMLResponse',
    relayState: string | undefined,
  ): LogoutHandling {
    const state = store.read()
    const idp = state.sso.active
    if (!idp) return refuse('SLO_NOT_ENABLED', 'Single sign-on is not enabled.')
    const expected = parameter === 'SAMLRequest' ? 'LogoutRequest' : 'LogoutResponse'
    if (root.namespaceURI !== NS.protocol || root.localName !== expected)
      return refuse('SLO_MALFORMED_MESSAGE', `Expected a ${expected}, got <${root.nodeName}>.`)
    const issuer = childNamed(root, NS.assertion, 'Issuer')
    if (!issuer || textOf(issuer).trim() !== idp.entityId)
      return refuse('SLO_UNTRUSTED_ISSUER', 'The logout message does not come from the configured IdP.')
    if (parameter === 'SAMLResponse') {
      const answers = attributeOf(root, 'InResponseTo')
      if (!answers || !memory.useLogoutRequest(answers))
        return refuse(
          'SLO_UNKNOWN_REQUEST',
          'This LogoutResponse answers no logout Webex started (unknown, expired or already used InResponseTo).',
        )
      return { kind: 'signed-out' }
    }
    const nameId = childNamed(root, NS.assertion, 'NameID')
    const sessionIndex = childNamed(root, NS.protocol, 'SessionIndex')
    if (!nameId) return refuse('SLO_NAMEID_MISSING', 'The LogoutRequest has no NameID.')
    memory.endSessionsOf(textOf(nameId).trim(), sessionIndex ? textOf(sessionIndex).trim() : null)
    const destination = idp.sloUrl
    if (!destination) return { kind: 'signed-out' }
    const entity = spEntityOf(state, deps.url)
    const a = escapeXmlAttribute
    const xml = `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${runtime.ids.samlId()}" Version="2.0" IssueInstant="${isoInstant(runtime.clock.now())}" Destination="${a(destination)}" InResponseTo="${a(attributeOf(root, 'ID') ?? '')}"><saml:Issuer>${escapeXmlText(entity.entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${STATUS.success}"/></samlp:Status></samlp:LogoutResponse>`
    return {
      kind: 'respond',
      outbound: outboundMessage({
        xml,
        parameter: 'SAMLResponse',
        binding: 'redirect',
        destination,
        relayState,
        signing: signingOf(state),
        algorithm: 'rsa-sha256',
      }),
    }
  }
}
