import {
  BINDING_LIMITS,
  decodePostBinding,
  decodeRedirectBinding,
  err,
  NS,
  ok,
  parseXml,
  type RedirectSignature,
  type Result,
  SAML_MESSAGE_LIMITS,
} from '@sandbox/shared'
import type { AadstsError } from '../errors/catalogue'

/** What arrived at `/{tenant}/saml2`, before anything in it is trusted. */
export type SamlEndpointInput =
  | { readonly binding: 'redirect'; readonly rawQuery: string }
  | {
      readonly binding: 'post'
      readonly form: {
        readonly SAMLRequest?: string | undefined
        readonly SAMLResponse?: string | undefined
        readonly RelayState?: string | undefined
      }
    }

/** The protocol messages the endpoint answers. */
export type MessageKind = 'AuthnRequest' | 'LogoutRequest' | 'LogoutResponse'

/** A decoded, parsed message. */
export interface ReceivedMessage {
  readonly kind: MessageKind
  readonly root: Element
  readonly binding: 'redirect' | 'post'
  readonly relayState: string | undefined
  readonly redirectSignature: RedirectSignature | undefined
}

const KINDS: readonly MessageKind[] = ['AuthnRequest', 'LogoutRequest', 'LogoutResponse']

function invalid(problem: string): Result<never, AadstsError> {
  return err({ code: 'AADSTS75005', problem })
}

/**
 * Decodes a SAML message from either binding (size-limited, deflate bomb-proof, DOCTYPE
 * refused) and checks that it is one of the messages this endpoint answers. A missing message is
 * AADSTS750054; anything unreadable is AADSTS75005 with the reason as the sandbox hint.
 */
export function decodeSamlMessage(input: SamlEndpointInput): Result<ReceivedMessage, AadstsError> {
  let xml: string
  let relayState: string | undefined
  let redirectSignature: RedirectSignature | undefined
  if (input.binding === 'redirect') {
    const decoded = decodeRedirectBinding(input.rawQuery)
    if (!decoded.ok) {
      return decoded.error.code === 'MESSAGE_MISSING'
        ? err({ code: 'AADSTS750054' })
        : invalid(decoded.error.message)
    }
    xml = decoded.value.xml
    relayState = decoded.value.relayState
    redirectSignature = decoded.value.signature
  } else {
    const value = input.form.SAMLRequest ?? input.form.SAMLResponse
    if (value === undefined || value.length === 0) return err({ code: 'AADSTS750054' })
    const decoded = decodePostBinding(value)
    if (!decoded.ok) return invalid(decoded.error.message)
    xml = decoded.value
    relayState = input.form.RelayState
    if (relayState !== undefined && Buffer.byteLength(relayState) > BINDING_LIMITS.maxRelayStateBytes) {
      return invalid(`RelayState exceeds ${BINDING_LIMITS.maxRelayStateBytes} bytes.`)
    }
  }
  const doc = parseXml(xml, SAML_MESSAGE_LIMITS)
  if (!doc.ok) return invalid(doc.error.message)
  const root = doc.value.documentElement
  const kind = KINDS.find((k) => k === root.localName)
  if (root.namespaceURI !== NS.protocol || !kind) {
    return invalid(
      `The message is a <${root.localName}> in ${root.namespaceURI ?? 'no namespace'}; this endpoint takes samlp:AuthnRequest, samlp:LogoutRequest or samlp:LogoutResponse.`,
    )
  }
  return ok({ kind, root, binding: input.binding, relayState, redirectSignature })
}
