import { err, ok } from '@sandbox/shared'
import type { DeepState } from '../state/deep-state'
import { isThisTenant } from '../state/tenant-path'
import { checksOver } from './check-pipeline'
import { decodeSamlMessage, type ReceivedMessage, type SamlEndpointInput } from './decode-message'
import { type PageRejection, pageRejection } from './request-rejection'

/** What the SAML endpoint knows of a request before it knows which message it is. */
export interface SamlMessageFacts {
  readonly state: DeepState
  /** The `{tenant}` segment of the path. */
  readonly tenantPath: string
  readonly input: SamlEndpointInput
  readonly message: ReceivedMessage
}

const { check, startingWith } = checksOver<SamlMessageFacts, PageRejection>()

const checkTenant = check({
  name: 'checkTenant',
  codes: ['AADSTS90002'],
  fix: 'Use the tenant ID or a verified domain of the tenant in the URL (Login URL in "Set up {app}").',
  reads: ['state', 'tenantPath'],
  gives: [],
  run: ({ state, tenantPath }) =>
    isThisTenant(state, tenantPath)
      ? ok({})
      : err(pageRejection({ code: 'AADSTS90002', tenant: tenantPath })),
})

// Size limits, deflate bombs, DOCTYPEs and processing instructions are refused by the decoding.
const decodeMessage = check({
  name: 'decodeMessage',
  codes: ['AADSTS750054', 'AADSTS75005'],
  fix: 'Send one samlp:AuthnRequest, LogoutRequest or LogoutResponse: deflated and base64 in the query (Redirect) or base64 in a form field (POST).',
  reads: ['input'],
  gives: ['message'],
  run({ input }) {
    const message = decodeSamlMessage(input)
    return message.ok ? ok({ message: message.value }) : err(pageRejection(message.error))
  },
})

/** The checks of every message at `/{tenant}/saml2`, before it goes to its own table. */
export const SAML_MESSAGE_CHECKS = startingWith<'state' | 'tenantPath' | 'input'>()
  .add(checkTenant)
  .add(decodeMessage)
