import { attributeOf, childNamed, err, NS, ok, textOf } from '@sandbox/shared'
import { type CheckInfo, checksOver } from './check-pipeline'
import { type PageRejection, pageRejection } from './request-rejection'
import { SAML_MESSAGE_CHECKS } from './saml-message-checks'
import { findAppByIssuer, type SignedRequestFacts, verifySignature } from './signed-request-checks'
import { unverified } from './unverified-request'

/** What the IdP reads from a LogoutRequest (SAML Core §3.7.1): the ID its LogoutResponse answers. */
export interface LogoutRequest {
  readonly id: string
}

/** The facts of a LogoutRequest, each given by the check that established it. */
export type LogoutRequestFacts = SignedRequestFacts<LogoutRequest>

const { check, startingWith } = checksOver<LogoutRequestFacts, PageRejection>()

const readRequest = check({
  name: 'readRequest',
  codes: ['AADSTS75005'],
  fix: 'Send a LogoutRequest with an ID and an <Issuer> (the app’s Identifier).',
  reads: ['message'],
  gives: ['unverified', 'issuer'],
  run({ message }) {
    const root = message.root
    const id = attributeOf(root, 'ID')
    const issuerElement = childNamed(root, NS.assertion, 'Issuer')
    const issuer = issuerElement ? textOf(issuerElement).trim() : ''
    if (!id || !issuer) {
      return err(
        pageRejection({ code: 'AADSTS75005', problem: 'The LogoutRequest needs an ID and an Issuer.' }),
      )
    }
    return ok({ unverified: unverified({ id }, { issuer, element: root }), issuer })
  },
})

/** Whether a LogoutRequest is honoured: read, its app found by Issuer, its signature checked if required. */
export const LOGOUT_REQUEST_CHECKS = startingWith<'state' | 'message'>()
  .add(readRequest)
  .add(findAppByIssuer<LogoutRequest>('LogoutRequest'))
  .add(verifySignature<LogoutRequest>())

/** Every check a LogoutRequest passes at `/{tenant}/saml2`, in order. */
export const LOGOUT_REQUEST_PIPELINE: readonly CheckInfo[] = [
  ...SAML_MESSAGE_CHECKS.checks,
  ...LOGOUT_REQUEST_CHECKS.checks,
]
