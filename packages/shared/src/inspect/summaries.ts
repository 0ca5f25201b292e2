import type { EntityMetadata } from '../saml/metadata-reader'
import { NS } from '../saml/urns'
import { attributeOf, childNamed, childrenNamed, textOf } from '../xml/dom'
import { relativeTime } from './durations'
import type { AttributeFact, SummaryField } from './report'

/**
 * The facts of each kind of message, as labelled fields in the order a person reads them.
 * Reading only: nothing here judges. Times carry where they lie from the judged instant.
 */

/** Collects fields, skipping absent values. */
export function fieldList(at: number) {
  const fields: SummaryField[] = []
  return {
    fields,
    add(label: string, value: string | null | undefined): void {
      if (value !== null && value !== undefined && value !== '') fields.push({ label, value })
    },
    time(label: string, value: string | null | undefined): void {
      if (value === null || value === undefined || value === '') return
      const ms = Date.parse(value)
      fields.push(Number.isFinite(ms) ? { label, value, relative: relativeTime(ms, at) } : { label, value })
    },
  }
}

const text = (parent: Element | null, ns: string, name: string): string | null => {
  const child = parent ? childNamed(parent, ns, name) : null
  return child ? textOf(child).trim() : null
}

/** The Status of a Response or LogoutResponse: top code, nested code, message. */
export function statusOf(message: Element): {
  code: string | null
  subcode: string | null
  message: string | null
} {
  const status = childNamed(message, NS.protocol, 'Status')
  const code = status ? childNamed(status, NS.protocol, 'StatusCode') : null
  const inner = code ? childNamed(code, NS.protocol, 'StatusCode') : null
  return {
    code: code ? attributeOf(code, 'Value') : null,
    subcode: inner ? attributeOf(inner, 'Value') : null,
    message: text(status, NS.protocol, 'StatusMessage'),
  }
}

const shortUrn = (value: string | null): string | null => (value ? (value.split(':').pop() ?? value) : null)

/** Every Attribute of every AttributeStatement, values in order, names as sent. */
export function attributesOf(assertion: Element): AttributeFact[] {
  const found: AttributeFact[] = []
  for (const statement of childrenNamed(assertion, NS.assertion, 'AttributeStatement'))
    for (const attribute of childrenNamed(statement, NS.assertion, 'Attribute'))
      found.push({
        name: attributeOf(attribute, 'Name') ?? '',
        friendlyName: attributeOf(attribute, 'FriendlyName'),
        nameFormat: attributeOf(attribute, 'NameFormat'),
        values: childrenNamed(attribute, NS.assertion, 'AttributeValue').map((v) => textOf(v)),
      })
  return found
}

/** The protocol message's common header: ID, IssueInstant, Destination, Issuer. */
function header(list: ReturnType<typeof fieldList>, message: Element, kind: string): void {
  list.add(`${kind} ID`, attributeOf(message, 'ID'))
  list.time('IssueInstant', attributeOf(message, 'IssueInstant'))
  list.add('Issuer', text(message, NS.assertion, 'Issuer'))
  list.add('Destination', attributeOf(message, 'Destination'))
}

export function responseFields(response: Element, at: number): ReturnType<typeof fieldList> {
  const list = fieldList(at)
  header(list, response, 'Response')
  list.add('InResponseTo', attributeOf(response, 'InResponseTo'))
  const status = statusOf(response)
  list.add('Status', [shortUrn(status.code), shortUrn(status.subcode)].filter(Boolean).join(' / ') || null)
  list.add('StatusMessage', status.message)
  return list
}

export function assertionFields(list: ReturnType<typeof fieldList>, assertion: Element): void {
  list.add('Assertion ID', attributeOf(assertion, 'ID'))
  list.time('Assertion IssueInstant', attributeOf(assertion, 'IssueInstant'))
  list.add('Assertion Issuer', text(assertion, NS.assertion, 'Issuer'))
  const subject = childNamed(assertion, NS.assertion, 'Subject')
  const nameId = subject ? childNamed(subject, NS.assertion, 'NameID') : null
  if (nameId) {
    list.add('NameID', textOf(nameId).trim())
    list.add('NameID Format', attributeOf(nameId, 'Format') ?? '(none: unspecified)')
  }
  const confirmation = subject ? childNamed(subject, NS.assertion, 'SubjectConfirmation') : null
  const data = confirmation ? childNamed(confirmation, NS.assertion, 'SubjectConfirmationData') : null
  list.add('SubjectConfirmation Method', confirmation ? attributeOf(confirmation, 'Method') : null)
  list.add('Recipient', data ? attributeOf(data, 'Recipient') : null)
  list.time('SubjectConfirmationData NotOnOrAfter', data ? attributeOf(data, 'NotOnOrAfter') : null)
  list.add('SubjectConfirmationData InResponseTo', data ? attributeOf(data, 'InResponseTo') : null)
  const conditions = childNamed(assertion, NS.assertion, 'Conditions')
  list.time('NotBefore', conditions ? attributeOf(conditions, 'NotBefore') : null)
  list.time('NotOnOrAfter', conditions ? attributeOf(conditions, 'NotOnOrAfter') : null)
  for (const restriction of conditions ? childrenNamed(conditions, NS.assertion, 'AudienceRestriction') : [])
    for (const audience of childrenNamed(restriction, NS.assertion, 'Audience'))
      list.add('Audience', textOf(audience).trim())
  const authn = childNamed(assertion, NS.assertion, 'AuthnStatement')
  list.time('AuthnInstant', authn ? attributeOf(authn, 'AuthnInstant') : null)
  list.add('SessionIndex', authn ? attributeOf(authn, 'SessionIndex') : null)
  const context = authn ? childNamed(authn, NS.assertion, 'AuthnContext') : null
  list.add('AuthnContextClassRef', text(context, NS.assertion, 'AuthnContextClassRef'))
}

export function authnRequestFields(request: Element, at: number): SummaryField[] {
  const list = fieldList(at)
  header(list, request, 'AuthnRequest')
  list.add('AssertionConsumerServiceURL', attributeOf(request, 'AssertionConsumerServiceURL'))
  list.add('ProtocolBinding', attributeOf(request, 'ProtocolBinding'))
  const policy = childNamed(request, NS.protocol, 'NameIDPolicy')
  list.add('NameIDPolicy Format', policy ? (attributeOf(policy, 'Format') ?? '(none)') : null)
  list.add('ForceAuthn', attributeOf(request, 'ForceAuthn'))
  list.add('IsPassive', attributeOf(request, 'IsPassive'))
  const requested = childNamed(request, NS.protocol, 'RequestedAuthnContext')
  for (const ref of requested ? childrenNamed(requested, NS.assertion, 'AuthnContextClassRef') : [])
    list.add(
      `RequestedAuthnContext (${attributeOf(requested as Element, 'Comparison') ?? 'exact'})`,
      textOf(ref).trim(),
    )
  return list.fields
}

export function logoutFields(
  message: Element,
  kind: 'LogoutRequest' | 'LogoutResponse',
  at: number,
): SummaryField[] {
  const list = fieldList(at)
  header(list, message, kind)
  if (kind === 'LogoutRequest') {
    const nameId = childNamed(message, NS.assertion, 'NameID')
    list.add('NameID', nameId ? textOf(nameId).trim() : null)
    list.add('NameID Format', nameId ? attributeOf(nameId, 'Format') : null)
    for (const index of childrenNamed(message, NS.protocol, 'SessionIndex'))
      list.add('SessionIndex', textOf(index).trim())
    list.time('NotOnOrAfter', attributeOf(message, 'NotOnOrAfter'))
    list.add('Reason', attributeOf(message, 'Reason'))
  } else {
    list.add('InResponseTo', attributeOf(message, 'InResponseTo'))
    const status = statusOf(message)
    list.add('Status', [shortUrn(status.code), shortUrn(status.subcode)].filter(Boolean).join(' / ') || null)
    list.add('StatusMessage', status.message)
  }
  return list.fields
}

export function metadataFields(entity: EntityMetadata, at: number): SummaryField[] {
  const list = fieldList(at)
  list.add('entityID', entity.entityId)
  list.time('validUntil', attributeOf(entity.element, 'validUntil'))
  list.add(
    'Roles',
    [entity.idp ? 'IdP (IDPSSODescriptor)' : null, entity.sp ? 'SP (SPSSODescriptor)' : null]
      .filter(Boolean)
      .join(', '),
  )
  for (const service of entity.idp?.singleSignOnServices ?? [])
    list.add(`SingleSignOnService (${shortUrn(service.binding)})`, service.location)
  for (const service of entity.idp?.singleLogoutServices ?? [])
    list.add(`IdP SingleLogoutService (${shortUrn(service.binding)})`, service.location)
  for (const format of entity.idp?.nameIdFormats ?? []) list.add('IdP NameIDFormat', format)
  if (entity.idp?.wantAuthnRequestsSigned) list.add('WantAuthnRequestsSigned', 'true')
  for (const service of entity.sp?.assertionConsumerServices ?? [])
    list.add(
      `AssertionConsumerService (${shortUrn(service.binding)}${service.index === undefined ? '' : `, index ${service.index}`})`,
      service.location,
    )
  for (const service of entity.sp?.singleLogoutServices ?? [])
    list.add(`SP SingleLogoutService (${shortUrn(service.binding)})`, service.location)
  for (const format of entity.sp?.nameIdFormats ?? []) list.add('SP NameIDFormat', format)
  if (entity.sp) {
    list.add('AuthnRequestsSigned', String(entity.sp.authnRequestsSigned))
    list.add('WantAssertionsSigned', String(entity.sp.wantAssertionsSigned))
  }
  return list.fields
}
