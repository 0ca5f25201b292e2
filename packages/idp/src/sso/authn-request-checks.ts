import { BINDING, err, ok } from '@sandbox/shared'
import { SUPPORTED_NAMEID_POLICY_FORMATS } from '../claims/token-claims'
import type { IdpSession } from '../sessions/idp-sessions'
import { type AuthnRequest, readAuthnRequest } from './authn-request'
import { type CheckInfo, checksOver } from './check-pipeline'
import type { SamlSignIn } from './pending-sign-ins'
import { pageRejection, type RequestRejection } from './request-rejection'
import { SAML_MESSAGE_CHECKS } from './saml-message-checks'
import { findAppByIssuer, type SignedRequestFacts, verifySignature } from './signed-request-checks'

/** The facts of an AuthnRequest, each given by the check that established it. */
export interface AuthnRequestFacts extends SignedRequestFacts<AuthnRequest> {
  /** The browser's IdP session, if any (IsPassive needs one). */
  readonly session: IdpSession | null
  /** The registered reply URL the Response (or error Response) goes to. */
  readonly acsUrl: string
}

const { check, startingWith } = checksOver<AuthnRequestFacts, RequestRejection>()

const readRequest = check({
  name: 'readRequest',
  codes: ['AADSTS75005', 'AADSTS7500529'],
  fix: 'Send a SAML 2.0 AuthnRequest: Version="2.0", an ID that does not start with a digit, boolean flags.',
  reads: ['message'],
  gives: ['unverified'],
  run({ message }) {
    const read = readAuthnRequest(message.root)
    return read.ok ? ok({ unverified: read.value }) : err(pageRejection(read.error))
  },
})

const requireIssuer = check({
  name: 'requireIssuer',
  codes: ['AADSTS75005'],
  fix: 'Put the app’s Identifier (Entity ID) in the <Issuer> of the AuthnRequest.',
  reads: ['unverified'],
  gives: ['issuer'],
  run: ({ unverified }) =>
    unverified.issuer === null
      ? err(pageRejection({ code: 'AADSTS75005', problem: 'The AuthnRequest has no <Issuer> element.' }))
      : ok({ issuer: unverified.issuer }),
})

// An assertion never goes anywhere but a registered reply URL.
const chooseReplyUrl = check({
  name: 'chooseReplyUrl',
  codes: ['AADSTS500113', 'AADSTS50011'],
  fix: 'Add the URL the app asks for (AssertionConsumerServiceURL, or the index it names) to the Reply URLs in Basic SAML Configuration.',
  reads: ['app', 'request'],
  gives: ['acsUrl'],
  run({ app, request }) {
    const replyUrls = app.application.replyUrls
    if (replyUrls.length === 0) return err(pageRejection({ code: 'AADSTS500113' }, app))
    const mismatch = (requested: { url: string } | { index: number }) =>
      err(
        pageRejection(
          {
            code: 'AADSTS50011',
            appId: app.application.appId,
            requested,
            replyUrls: replyUrls.map((r) => r.url),
          },
          app,
        ),
      )
    const url = request.assertionConsumerServiceUrl
    if (url !== null) {
      const match = replyUrls.find((r) => r.url === url)
      return match ? ok({ acsUrl: match.url }) : mismatch({ url })
    }
    const index = request.assertionConsumerServiceIndex
    if (index !== null) {
      const match = replyUrls.find((r) => r.index === index)
      return match ? ok({ acsUrl: match.url }) : mismatch({ index })
    }
    return ok({ acsUrl: (replyUrls.find((r) => r.isDefault) ?? replyUrls[0])?.url as string })
  },
})

const requirePostBinding = check({
  name: 'requirePostBinding',
  codes: ['AADSTS75003'],
  fix: 'Remove ProtocolBinding from the AuthnRequest, or set it to HTTP-POST: Entra sends responses only by POST.',
  reads: ['app', 'request'],
  gives: [],
  run: ({ app, request }) =>
    request.protocolBinding === null || request.protocolBinding === BINDING.post
      ? ok({})
      : err(pageRejection({ code: 'AADSTS75003', binding: request.protocolBinding }, app)),
})

const refuseUnsupportedProperties = check({
  name: 'refuseUnsupportedProperties',
  codes: ['AADSTS900236'],
  fix: 'Remove Subject, Scoping (ProxyCount, IDPList, RequesterID) and a Comparison other than exact from the AuthnRequest.',
  reads: ['app', 'request'],
  gives: [],
  run({ app, request }) {
    const property = request.unsupportedProperties[0]
    return property === undefined ? ok({}) : err(pageRejection({ code: 'AADSTS900236', property }, app))
  },
})

const checkNameIdPolicy = check({
  name: 'checkNameIdPolicy',
  codes: ['AADSTS75016'],
  fix: 'Ask for a NameIDPolicy Format Entra issues (persistent, emailAddress, unspecified, transient), or none.',
  reads: ['app', 'request', 'acsUrl', 'message'],
  gives: [],
  run({ app, request, acsUrl, message }) {
    const format = request.nameIdPolicy?.format ?? null
    if (format === null || SUPPORTED_NAMEID_POLICY_FORMATS.includes(format)) return ok({})
    return err({
      kind: 'status',
      app,
      destination: acsUrl,
      inResponseTo: request.id,
      relayState: message.relayState,
      error: { code: 'AADSTS75016', format },
    })
  },
})

const requireSessionWhenPassive = check({
  name: 'requireSessionWhenPassive',
  codes: ['AADSTS50058'],
  fix: 'Sign in first, or send the AuthnRequest without IsPassive="true" (and without ForceAuthn with it).',
  reads: ['app', 'request', 'acsUrl', 'message', 'session'],
  gives: [],
  run({ app, request, acsUrl, message, session }) {
    if (!request.isPassive || (session && !request.forceAuthn)) return ok({})
    return err({
      kind: 'status',
      app,
      destination: acsUrl,
      inResponseTo: request.id,
      relayState: message.relayState,
      error: { code: 'AADSTS50058' },
    })
  },
})

/**
 * Whether an AuthnRequest is honoured, in Entra's order. Nothing but the Issuer is read before
 * `verifySignature`: the checks after it read the `request` it gives, which does not exist
 * before it, so a check moved ahead of it does not compile.
 */
export const AUTHN_REQUEST_CHECKS = startingWith<'state' | 'message' | 'session'>()
  .add(readRequest)
  .add(requireIssuer)
  .add(findAppByIssuer<AuthnRequest>('AuthnRequest'))
  .add(verifySignature<AuthnRequest>())
  .add(chooseReplyUrl)
  .add(requirePostBinding)
  .add(refuseUnsupportedProperties)
  .add(checkNameIdPolicy)
  .add(requireSessionWhenPassive)

/** Every check an AuthnRequest passes at `/{tenant}/saml2`, in order (for a sign-in trace or the inspector). */
export const AUTHN_REQUEST_PIPELINE: readonly CheckInfo[] = [
  ...SAML_MESSAGE_CHECKS.checks,
  ...AUTHN_REQUEST_CHECKS.checks,
]

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:/

/** The Audience for an Issuer: itself, or `spn:{issuer}` when it is not a URI (as Entra does). */
function audienceFor(issuer: string): string {
  return URI.test(issuer) ? issuer : `spn:${issuer}`
}

/** The sign-in an AuthnRequest that passed every check asks for. */
export function samlSignInOf(
  facts: Pick<AuthnRequestFacts, 'app' | 'request' | 'issuer' | 'acsUrl' | 'message'>,
): SamlSignIn {
  const { request } = facts
  return {
    kind: 'saml',
    servicePrincipalId: facts.app.servicePrincipal.id,
    requestId: request.id,
    acsUrl: facts.acsUrl,
    audience: audienceFor(facts.issuer),
    relayState: facts.message.relayState,
    forceAuthn: request.forceAuthn,
    nameIdPolicy: request.nameIdPolicy,
    requestedClassRefs: request.requestedAuthnContext?.classRefs ?? null,
    initiatedBy: 'sp',
  }
}
