import {
  type DataEncryption,
  type DeepReadonly,
  entraIssuer,
  err,
  ok,
  type Result,
  type Runtime,
} from '@sandbox/shared'
import type { SigningKeyCache } from '../certificates/signing-keys'
import { certificatePublicKey } from '../certificates/trusted-certificates'
import { effectiveClaims } from '../claims/effective-claims'
import {
  assignedRoleValues,
  type IssuedNameId,
  pairwiseId,
  resolveNameId,
  type TokenAttribute,
  tokenAttributes,
} from '../claims/token-claims'
import { findUser } from '../directory/users'
import { assignmentsGranting, mayAccess } from '../enterprise-apps/access'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import type { AadstsError } from '../errors/catalogue'
import { applyAssertionFault, type ResponseParts } from '../faults/assertion-faults'
import type { AssertionFaultPreset } from '../faults/fault-presets'
import { signingCertificateFor } from '../federation-metadata/metadata-service'
import type { IdpSession } from '../sessions/idp-sessions'
import type { DeepState } from '../state/deep-state'
import type { DirectoryUser, EnterpriseApp } from '../state/idp-state'
import { describeRequestedMethods, PASSWORD_METHOD, passwordSatisfies } from './authn-context'
import type { SamlSignIn } from './pending-sign-ins'
import { buildSamlResponse } from './saml-response'

/** A Response ready to POST. */
export interface IssuedResponse {
  readonly xml: string
  readonly destination: string
  readonly relayState: string | undefined
  readonly nameId: IssuedNameId
  readonly sessionIndex: string
  readonly app: DeepReadonly<EnterpriseApp>
  readonly user: DeepReadonly<DirectoryUser>
  /** What the sign-in trace shows of the decision: why the user may sign in, what was issued, signed with what. */
  readonly decision: {
    readonly responseId: string
    readonly assignment: string
    readonly claims: readonly TokenAttribute[]
    readonly certificateThumbprint: string
  }
}

/** Why no Response was issued; `app` and `user` are known as far as the checks got. */
export interface IssueFailure {
  readonly error: AadstsError | null
  /** The session's user is gone or disabled: the browser must sign in again. */
  readonly reauthenticate: boolean
  readonly app: DeepReadonly<EnterpriseApp> | null
  readonly user: DeepReadonly<DirectoryUser> | null
}

function failure(
  error: AadstsError,
  app: DeepReadonly<EnterpriseApp> | null,
  user: DeepReadonly<DirectoryUser> | null,
): Result<never, IssueFailure> {
  return err({ error, reauthenticate: false, app, user })
}

/**
 * Issues the Response for a validated sign-in and a live session: the app must be enabled, the
 * user assigned (AADSTS50105) and the password sign-in must meet a RequestedAuthnContext
 * (AADSTS75011); then NameID and claims are computed and the Response is signed (and encrypted)
 * with the app's certificate, or the tenant key when the app has none.
 */
export function issueResponse(
  deps: { readonly runtime: Runtime; readonly keys: SigningKeyCache },
  state: DeepState,
  signIn: SamlSignIn,
  session: IdpSession,
  /** A fault preset that changes the assertion (the sandbox's break-it presets), or null. */
  fault: AssertionFaultPreset | null = null,
): Result<IssuedResponse, IssueFailure> {
  const app = appByServicePrincipalId(state, signIn.servicePrincipalId)
  const user = findUser(state, session.userId)
  if (!user?.accountEnabled) return err({ error: null, reauthenticate: true, app: app ?? null, user: null })
  if (!app) {
    return failure(
      {
        code: 'AADSTS700016',
        identifier: signIn.audience,
        tenantName: state.tenant.displayName,
        lookup: { by: 'id' },
      },
      null,
      user,
    )
  }
  const appName = app.servicePrincipal.displayName
  if (!app.servicePrincipal.accountEnabled) {
    return failure({ code: 'AADSTS7000112', appName, appId: app.application.appId }, app, user)
  }
  if (!mayAccess(state, app, user.id)) {
    return failure(
      { code: 'AADSTS50105', appName, appId: app.application.appId, upn: user.userPrincipalName },
      app,
      user,
    )
  }
  if (signIn.requestedClassRefs !== null && !passwordSatisfies(signIn.requestedClassRefs)) {
    return failure(
      {
        code: 'AADSTS75011',
        have: PASSWORD_METHOD,
        want: describeRequestedMethods(signIn.requestedClassRefs),
        appName,
      },
      app,
      user,
    )
  }
  const { runtime } = deps
  const claims = effectiveClaims(state, app)
  const granting = assignmentsGranting(state, app, user.id)
  const subject = { user, assignedRoles: assignedRoleValues(app, granting) }
  const nameId = resolveNameId(claims.nameId, subject, signIn.nameIdPolicy, {
    pairwise: () => pairwiseId(state.pairwiseSecret, user.id, app.application.appId),
    transient: () => runtime.ids.samlId(),
  })
  if (!nameId.ok) {
    return failure(
      { code: 'AADSTS501241', attribute: nameId.error.attribute, upn: user.userPrincipalName },
      app,
      user,
    )
  }
  const now = runtime.clock.now()
  const assertionId = runtime.ids.samlId()
  const encryption = app.saml.encryption
  const responseId = runtime.ids.samlId()
  const attributes = tokenAttributes(state, claims, subject)
  const certificate = signingCertificateFor(state, app, now)
  const parts: ResponseParts = {
    content: {
      issuer: entraIssuer(state.tenant.id),
      responseId,
      assertionId,
      now,
      destination: signIn.acsUrl,
      inResponseTo: signIn.requestId,
      audience: signIn.audience,
      nameId: nameId.value,
      attributes,
      authnInstant: session.authnInstant,
      timing: app.saml.timing,
    },
    protection: {
      signingOption: app.saml.signingOption,
      algorithm: app.saml.signingAlgorithm,
      key: deps.keys.load(certificate),
      encryption:
        encryption.enabled && encryption.certificatePem
          ? {
              publicKey: certificatePublicKey(encryption.certificatePem),
              method: encryption.method as DataEncryption,
              bytes: runtime.ids.bytes?.bind(runtime.ids),
            }
          : null,
    },
  }
  const faulted = fault ? applyAssertionFault(fault, parts) : parts
  const xml = buildSamlResponse(faulted.content, faulted.protection)
  return ok({
    xml,
    destination: signIn.acsUrl,
    relayState: signIn.relayState,
    nameId: nameId.value,
    sessionIndex: assertionId,
    app,
    user,
    decision: {
      responseId,
      assignment:
        granting.length > 0
          ? `assigned (${granting.length} assignment${granting.length === 1 ? '' : 's'}: ${subject.assignedRoles.join(', ') || 'Default Access'})`
          : 'not assigned; the app does not require assignment',
      claims: attributes,
      certificateThumbprint: certificate.thumbprint,
    },
  })
}
