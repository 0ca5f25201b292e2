import { readEntityMetadata } from '../saml/metadata-reader'
import { NS } from '../saml/urns'
import { attributeOf } from '../xml/dom'
import { METADATA_LIMITS, parseXml, SAML_MESSAGE_LIMITS } from '../xml/parse'
import type { InspectionContext } from './context'
import { inspectMetadata, inspectProtocolMessage } from './inspect-other'
import type { LocatedMessage } from './located-message'
import { xmlRefused } from './message-diagnoses'
import { prettyPrintXml } from './pretty-xml'
import { type Conversation, readResponse } from './read-response'
import type { CheckResult, InspectedMessage, MessageKind } from './report'
import { issuerText, type ResponseCheck } from './response-check'
import { signingCertificateReport } from './signature-report'
import { assertionFields, attributesOf, responseFields } from './summaries'

/**
 * One located message, inspected: decoded, parsed with the same refusals as the servers,
 * classified, summarised, its signatures and certificates judged, and its checks run.
 */

const ROOTS: Record<string, MessageKind> = {
  [`${NS.protocol}|Response`]: 'Response',
  [`${NS.protocol}|AuthnRequest`]: 'AuthnRequest',
  [`${NS.protocol}|LogoutRequest`]: 'LogoutRequest',
  [`${NS.protocol}|LogoutResponse`]: 'LogoutResponse',
  [`${NS.metadata}|EntityDescriptor`]: 'Metadata',
  [`${NS.metadata}|EntitiesDescriptor`]: 'Metadata',
}

/** What a message that could not be parsed most likely is, from its first element's name. */
function sniffKind(xml: string): MessageKind | null {
  const name =
    /<(?:[\w.-]+:)?(Response|AuthnRequest|LogoutRequest|LogoutResponse|EntityDescriptor|EntitiesDescriptor)[\s/>]/.exec(
      xml,
    )?.[1]
  if (!name) return null
  return name.endsWith('Descriptor') ? 'Metadata' : (name as MessageKind)
}

/** What an inspected message tells the rest of the conversation. */
export interface MessageIds {
  /** An AuthnRequest's ID, Issuer and AssertionConsumerServiceURL, which the Response answering it must match. */
  readonly request: {
    readonly id: string
    readonly issuer: string | null
    readonly acsUrl: string | null
  } | null
  readonly assertionId: string | null
  /** True when the XML is well-formed but not a SAML message or metadata. */
  readonly notSaml: boolean
}

const failedOnly = (
  base: Pick<InspectedMessage, 'index' | 'location' | 'encoding' | 'parameter' | 'relayState' | 'alsoSeenIn'>,
  kind: MessageKind | null,
  xml: string | null,
  check: CheckResult,
): InspectedMessage => ({
  ...base,
  kind,
  xml,
  summary: { fields: [], attributes: [] },
  signatures: [],
  certificates: [],
  decryption: null,
  decryptedAssertionXml: null,
  checksBy: 'the first check every receiver makes',
  checks: [check],
  failed: check.status === 'failed' ? 1 : 0,
})

const countFailed = (checks: readonly CheckResult[]): number =>
  checks.filter((c) => c.status === 'failed').length

/** Runs a table of Response checks, leaving out those that do not apply. */
export function runResponseChecks(
  checks: readonly ResponseCheck[],
  ...args: Parameters<ResponseCheck['run']>
): CheckResult[] {
  return checks.flatMap((check) => {
    const outcome = check.run(...args)
    return outcome ? [{ name: check.name, ...outcome }] : []
  })
}

/**
 * Inspects one message. `contextFor` gives the context to judge it by once its root is read
 * (in a conversation, a Response is judged by the AuthnRequest it answers where nothing else
 * says what to expect).
 */
export function inspectMessage(
  located: LocatedMessage,
  index: number,
  contextFor: (root: Element) => InspectionContext,
  conversation: Conversation | null,
  responseChecks: readonly ResponseCheck[],
): { message: InspectedMessage; ids: MessageIds } {
  const base = {
    index,
    location: located.location,
    encoding: located.encoding,
    parameter: located.parameter,
    relayState: located.relayState,
    alsoSeenIn: located.alsoSeenIn,
  }
  const none: MessageIds = { request: null, assertionId: null, notSaml: false }
  if (!located.decoded.ok)
    return {
      message: failedOnly(base, null, null, {
        name: 'Binding',
        status: 'failed',
        code: 'SSO_MALFORMED_RESPONSE',
        message: located.decoded.error,
        fix: 'Capture the message again whole: a HAR from the browser keeps it byte for byte.',
      }),
      ids: none,
    }
  const xml = located.decoded.value
  const parsed = parseXml(xml, METADATA_LIMITS)
  if (!parsed.ok)
    return {
      message: failedOnly(base, sniffKind(xml), null, { name: 'XML', ...xmlRefused(parsed.error) }),
      ids: none,
    }
  const root = parsed.value.documentElement
  const kind = ROOTS[`${root.namespaceURI}|${root.localName}`] ?? null
  const pretty = prettyPrintXml(parsed.value)
  const context = contextFor(root)
  if (!kind)
    return {
      message: failedOnly(base, null, pretty, {
        name: 'XML',
        status: 'failed',
        code: 'SSO_MALFORMED_RESPONSE',
        message: `The XML's root element is <${root.nodeName}>${root.namespaceURI ? ` in ${root.namespaceURI}` : ''}: it is not a SAML message or SAML metadata`,
        fix: 'Give the SAMLRequest or SAMLResponse value, the XML it decodes to, or a metadata file.',
      }),
      ids: { ...none, notSaml: true },
    }
  if (kind === 'Metadata') {
    const entity = readEntityMetadata(xml)
    return { message: { ...base, ...inspectMetadata(entity, context), xml: pretty }, ids: none }
  }
  const bytes = Buffer.byteLength(xml, 'utf8')
  if (kind !== 'Response' && bytes > SAML_MESSAGE_LIMITS.maxBytes)
    return {
      message: failedOnly(base, kind, pretty, {
        name: 'XML',
        ...xmlRefused({
          code: 'XML_TOO_LARGE',
          message: `The ${kind} is ${bytes} bytes; receivers read at most ${SAML_MESSAGE_LIMITS.maxBytes}.`,
        }),
      }),
      ids: none,
    }
  if (kind !== 'Response') {
    const inspected = inspectProtocolMessage(kind, root, located.redirectSignature, context)
    const id = kind === 'AuthnRequest' ? attributeOf(root, 'ID') : null
    const request = id
      ? { id, issuer: issuerText(root), acsUrl: attributeOf(root, 'AssertionConsumerServiceURL') }
      : null
    return { message: { ...base, ...inspected, xml: pretty }, ids: { ...none, request } }
  }
  const response = readResponse(parsed, xml, context)
  const checks = runResponseChecks(responseChecks, response, { context, conversation })
  const fields = responseFields(root, context.at)
  if (response.assertion) assertionFields(fields, response.assertion)
  const signatures = [response.responseSignature, response.assertionSignature].filter((s) => s !== null)
  const certificates = signatures
    .map((s) => signingCertificateReport(s, context.at, context.authorities))
    .filter((c) => c !== null)
  return {
    message: {
      ...base,
      kind,
      xml: pretty,
      summary: {
        fields: fields.fields,
        attributes: response.assertion ? attributesOf(response.assertion) : [],
      },
      signatures: signatures.map((s) => s.report),
      certificates: certificates.filter(
        (c, i) => certificates.findIndex((o) => o.thumbprint === c.thumbprint) === i,
      ),
      decryption: response.decryption,
      decryptedAssertionXml:
        response.encrypted && response.assertion ? prettyPrintXml(response.assertion.ownerDocument) : null,
      checksBy: "the Webex ACS's checks, in its order",
      checks,
      failed: countFailed(checks),
    },
    ids: { ...none, assertionId: response.assertion ? attributeOf(response.assertion, 'ID') : null },
  }
}
