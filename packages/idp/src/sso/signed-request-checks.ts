import { type DeepReadonly, err, ok } from '@sandbox/shared'
import { appByIdentifier } from '../enterprise-apps/lookup'
import type { DeepState } from '../state/deep-state'
import type { EnterpriseApp } from '../state/idp-state'
import type { Check } from './check-pipeline'
import type { ReceivedMessage } from './decode-message'
import { type PageRejection, pageRejection } from './request-rejection'
import { openVerified, type Unverified } from './unverified-request'

/** The facts a request an app may have to sign (AuthnRequest, LogoutRequest) is checked on. */
export interface SignedRequestFacts<T> {
  readonly state: DeepState
  readonly message: ReceivedMessage
  /** What the request says, sealed until its signature is checked. */
  readonly unverified: Unverified<T>
  /** The Issuer, the one value read before the signature: it names the app whose settings decide. */
  readonly issuer: string
  readonly app: DeepReadonly<EnterpriseApp>
  /** The request, verified as its app requires (as received when the app requires no signature). */
  readonly request: T
}

/** The app whose Identifier is the Issuer, exactly (AADSTS700016). */
export function findAppByIssuer<T>(
  message: 'AuthnRequest' | 'LogoutRequest',
): Check<SignedRequestFacts<T>, 'state' | 'issuer', 'app', PageRejection> {
  return {
    name: 'findAppByIssuer',
    codes: ['AADSTS700016'],
    fix: 'Make one Identifier (Entity ID) in Basic SAML Configuration equal the Issuer the app sends.',
    reads: ['state', 'issuer'],
    gives: ['app'],
    run({ state, issuer }) {
      const app = appByIdentifier(state, issuer)
      if (app) return ok({ app })
      const lookup = { by: 'issuer', message } as const
      return err(
        pageRejection({
          code: 'AADSTS700016',
          identifier: issuer,
          tenantName: state.tenant.displayName,
          lookup,
        }),
      )
    },
  }
}

/** The request's signature, when its app requires signed requests (AADSTS76021, AADSTS75005). */
export function verifySignature<T>(): Check<
  SignedRequestFacts<T>,
  'app' | 'unverified' | 'message',
  'request',
  PageRejection
> {
  return {
    name: 'verifySignature',
    codes: ['AADSTS76021', 'AADSTS75005'],
    fix: "Sign the request with the key of a certificate under 'Verification certificates', or turn the requirement off.",
    reads: ['app', 'unverified', 'message'],
    gives: ['request'],
    run({ app, unverified, message }) {
      const opened = openVerified(app, unverified, message)
      return opened.ok ? ok({ request: opened.value }) : opened
    },
  }
}
