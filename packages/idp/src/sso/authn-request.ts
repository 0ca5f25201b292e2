import { attributeOf, childNamed, childrenNamed, err, NS, ok, type Result, textOf } from '@sandbox/shared'
import type { AadstsError } from '../errors/catalogue'
import { type Unverified, unverified } from './unverified-request'

/** An AuthnRequest as the SAML endpoint reads it (SAML Core §3.4.1), with the properties Entra honours. */
export interface AuthnRequest {
  readonly id: string
  readonly issuer: string | null
  readonly assertionConsumerServiceUrl: string | null
  readonly assertionConsumerServiceIndex: number | null
  readonly protocolBinding: string | null
  readonly forceAuthn: boolean
  readonly isPassive: boolean
  readonly nameIdPolicy: { readonly format: string | null; readonly spNameQualifier: string | null } | null
  readonly requestedAuthnContext: {
    readonly comparison: string
    readonly classRefs: readonly string[]
  } | null
  /** Properties Entra refuses (AADSTS900236) when present, by name. */
  readonly unsupportedProperties: readonly string[]
}

/** Why the message is not an AuthnRequest Entra would accept. */
export type AuthnRequestError = AadstsError<'AADSTS75005' | 'AADSTS7500529'>

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/

function flag(element: Element, name: string): Result<boolean, AuthnRequestError> {
  const value = attributeOf(element, name)
  if (value === null || value === 'false' || value === '0') return ok(false)
  if (value === 'true' || value === '1') return ok(true)
  return err({ code: 'AADSTS75005', problem: `${name}="${value}" is not a boolean.` })
}

/**
 * Reads an AuthnRequest from its parsed document with the DOM helpers (never samlify, whose
 * schema validation costs ~0.25 s a message). Only structure is checked here, and what was read
 * stays sealed until the signature is checked; what the values mean for the app (Issuer, ACS,
 * signature) is decided by the AuthnRequest checks.
 */
export function readAuthnRequest(root: Element): Result<Unverified<AuthnRequest>, AuthnRequestError> {
  if (attributeOf(root, 'Version') !== '2.0') {
    return err({ code: 'AADSTS75005', problem: 'The AuthnRequest must have Version="2.0".' })
  }
  const id = attributeOf(root, 'ID')
  if (id === null || id.length === 0)
    return err({ code: 'AADSTS75005', problem: 'The AuthnRequest has no ID.' })
  if (!NCNAME.test(id) || id.length > 256) return err({ code: 'AADSTS7500529', id })
  const issuerElement = childNamed(root, NS.assertion, 'Issuer')
  const issuer = issuerElement ? textOf(issuerElement).trim() : null
  const forceAuthn = flag(root, 'ForceAuthn')
  if (!forceAuthn.ok) return forceAuthn
  const isPassive = flag(root, 'IsPassive')
  if (!isPassive.ok) return isPassive
  const indexText = attributeOf(root, 'AssertionConsumerServiceIndex')
  const index = indexText === null ? null : Number(indexText)
  if (index !== null && (!Number.isInteger(index) || index < 0)) {
    return err({
      code: 'AADSTS75005',
      problem: `AssertionConsumerServiceIndex="${indexText}" is not an index.`,
    })
  }
  const policy = childNamed(root, NS.protocol, 'NameIDPolicy')
  const context = childNamed(root, NS.protocol, 'RequestedAuthnContext')
  const scoping = childNamed(root, NS.protocol, 'Scoping')
  const unsupported: string[] = []
  if (childNamed(root, NS.assertion, 'Subject')) unsupported.push('Subject')
  if (scoping) {
    if (attributeOf(scoping, 'ProxyCount') !== null) unsupported.push('Scoping/ProxyCount')
    if (childNamed(scoping, NS.protocol, 'IDPList')) unsupported.push('Scoping/IDPList')
    if (childNamed(scoping, NS.protocol, 'RequesterID')) unsupported.push('Scoping/RequesterID')
  }
  const comparison = context ? (attributeOf(context, 'Comparison') ?? 'exact') : 'exact'
  if (context && comparison !== 'exact') unsupported.push('RequestedAuthnContext/Comparison')
  const presentIssuer = issuer && issuer.length > 0 ? issuer : null
  const request: AuthnRequest = {
    id,
    issuer: presentIssuer,
    assertionConsumerServiceUrl: attributeOf(root, 'AssertionConsumerServiceURL')?.trim() ?? null,
    assertionConsumerServiceIndex: index,
    protocolBinding: attributeOf(root, 'ProtocolBinding'),
    forceAuthn: forceAuthn.value,
    isPassive: isPassive.value,
    nameIdPolicy: policy
      ? { format: attributeOf(policy, 'Format'), spNameQualifier: attributeOf(policy, 'SPNameQualifier') }
      : null,
    requestedAuthnContext: context
      ? {
          comparison,
          classRefs: childrenNamed(context, NS.assertion, 'AuthnContextClassRef').map((e) =>
            textOf(e).trim(),
          ),
        }
      : null,
    unsupportedProperties: unsupported,
  }
  return ok(unverified(request, { issuer: presentIssuer, element: root }))
}
