import { createHmac } from 'node:crypto'
import {
  AUTHN_METHOD,
  type DeepReadonly,
  entraIssuer,
  err,
  NAMEID_FORMAT,
  ok,
  type Result,
} from '@sandbox/shared'
import type { DeepState } from '../state/deep-state'
import type { EnterpriseApp, NameIdFormatChoice } from '../state/idp-state'
import { type ClaimSubject, claimValues } from './claim-values'
import { ALWAYS_EMITTED_CLAIMS, type EffectiveClaims } from './effective-claims'

/** One SAML Attribute: its Name and its values, in order. */
export interface TokenAttribute {
  readonly name: string
  readonly values: readonly string[]
}

/** The NameID to put in the Subject. */
export interface IssuedNameId {
  readonly value: string
  readonly format: string
  readonly spNameQualifier: string | null
}

/** What the AuthnRequest's NameIDPolicy asked for (null when absent). */
export interface NameIdPolicyRequest {
  readonly format: string | null
  readonly spNameQualifier: string | null
}

/** Why no NameID could be made: AADSTS501241 (its source attribute is empty for this user). */
export interface NameIdError {
  readonly code: 'NAMEID_SOURCE_MISSING'
  readonly attribute: string
}

const FORMAT_URI: Record<Exclude<NameIdFormatChoice, 'default'>, string> = {
  persistent: NAMEID_FORMAT.persistent,
  emailAddress: NAMEID_FORMAT.emailAddress,
  unspecified: NAMEID_FORMAT.unspecified,
  windowsDomainQualifiedName: NAMEID_FORMAT.windowsDomainQualifiedName,
}

/** Formats an AuthnRequest's NameIDPolicy may ask for, as Entra accepts them; others are an error. */
export const SUPPORTED_NAMEID_POLICY_FORMATS: readonly string[] = [
  NAMEID_FORMAT.persistent,
  NAMEID_FORMAT.emailAddress,
  NAMEID_FORMAT.unspecified,
  NAMEID_FORMAT.transient,
]

/** A persistent pairwise identifier: stable per user and app, opaque, 256 bits like Entra's. */
export function pairwiseId(secret: string, userId: string, appId: string): string {
  return createHmac('sha256', secret).update(`${userId}|${appId.toLowerCase()}`).digest('base64')
}

/**
 * The NameID, as Entra chooses it: a NameIDPolicy Format in the request
 * wins (persistent and unspecified give the pairwise id, emailAddress the configured value,
 * transient a one-time value); otherwise the configured source and format. A transformation that
 * yields nothing falls back to the pairwise id; an empty source attribute is AADSTS501241.
 */
export function resolveNameId(
  config: EffectiveClaims['nameId'],
  subject: ClaimSubject,
  policy: NameIdPolicyRequest | null,
  make: { readonly pairwise: () => string; readonly transient: () => string },
): Result<IssuedNameId, NameIdError> {
  const spNameQualifier = policy?.spNameQualifier ?? null
  const requested = policy?.format ?? null
  if (requested === NAMEID_FORMAT.transient)
    return ok({ value: make.transient(), format: requested, spNameQualifier })
  if (requested === NAMEID_FORMAT.persistent || requested === NAMEID_FORMAT.unspecified) {
    return ok({ value: make.pairwise(), format: requested, spNameQualifier })
  }
  const value = claimValues(subject, config.source, { forNameId: true })[0]
  if (value === undefined) {
    if (config.source.kind === 'transformation') {
      return ok({ value: make.pairwise(), format: NAMEID_FORMAT.persistent, spNameQualifier })
    }
    const attribute = config.source.kind === 'attribute' ? config.source.attribute : 'constant'
    return err({ code: 'NAMEID_SOURCE_MISSING', attribute })
  }
  if (requested === NAMEID_FORMAT.emailAddress) return ok({ value, format: requested, spNameQualifier })
  const format =
    config.format === 'default'
      ? value.includes('@')
        ? NAMEID_FORMAT.emailAddress
        : NAMEID_FORMAT.unspecified
      : FORMAT_URI[config.format]
  return ok({ value, format, spNameQualifier })
}

/**
 * The AttributeStatement in Entra's order: the always-emitted claims (tenantid, objectidentifier,
 * displayname, identityprovider, authnmethodsreferences), then the configured ones in editor
 * order. Claims whose value is empty are omitted, as the real tokens show.
 */
export function tokenAttributes(
  state: Pick<DeepState, 'tenant'>,
  claims: EffectiveClaims,
  subject: ClaimSubject,
  authMethods: readonly string[] = [AUTHN_METHOD.password],
): TokenAttribute[] {
  const issuer = entraIssuer(state.tenant.id)
  const fixed: Record<(typeof ALWAYS_EMITTED_CLAIMS)[number], readonly string[]> = {
    [ALWAYS_EMITTED_CLAIMS[0]]: [state.tenant.id],
    [ALWAYS_EMITTED_CLAIMS[1]]: [subject.user.id],
    [ALWAYS_EMITTED_CLAIMS[2]]: [subject.user.displayName],
    [ALWAYS_EMITTED_CLAIMS[3]]: [issuer],
    [ALWAYS_EMITTED_CLAIMS[4]]: authMethods,
  }
  const attributes: TokenAttribute[] = ALWAYS_EMITTED_CLAIMS.map((name) => ({ name, values: fixed[name] }))
  for (const claim of claims.claims) {
    const values = claimValues(subject, claim.source)
    if (values.length > 0) attributes.push({ name: claim.type, values })
  }
  return attributes.filter((a) => a.values.length > 0 && a.values.every((v) => v.length > 0))
}

/** The role values a user holds in an app through its assignments. */
export function assignedRoleValues(
  app: DeepReadonly<EnterpriseApp>,
  assignments: readonly { readonly appRoleId: string }[],
): string[] {
  const values = assignments
    .map((a) => app.servicePrincipal.appRoles.find((r) => r.id === a.appRoleId)?.value ?? null)
    .filter((v): v is string => v !== null && v.length > 0)
  return [...new Set(values)]
}
