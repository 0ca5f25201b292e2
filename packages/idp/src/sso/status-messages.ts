import { escapeXmlAttribute as attr, isoInstant, NS, STATUS, escapeXmlText as text } from '@sandbox/shared'

/** A SAML error Response: Entra's answer to a request it understood but will not honour. */
export interface StatusResponseContent {
  readonly issuer: string
  readonly id: string
  readonly now: number
  readonly destination: string
  /** The AuthnRequest ID; null for an IdP-initiated sign-in. */
  readonly inResponseTo: string | null
  readonly topCode: string
  readonly secondCode: string | null
  /** `AADSTS…` text; Trace ID, Correlation ID and Timestamp lines are appended as Entra does. */
  readonly message: string
  readonly traceId: string
  readonly correlationId: string
}

function entraTimestamp(ms: number): string {
  return `${isoInstant(ms).slice(0, 19).replace('T', ' ')}Z`
}

/** The StatusMessage text with Entra's trailer lines. */
export function statusMessageText(
  content: Pick<StatusResponseContent, 'message' | 'traceId' | 'correlationId' | 'now'>,
): string {
  return `${content.message}\nTrace ID: ${content.traceId}\nCorrelation ID: ${content.correlationId}\nTimestamp: ${entraTimestamp(content.now)}`
}

/**
 * An unsigned error Response without an assertion, as Entra sends one:
 * nested StatusCode and an AADSTS StatusMessage.
 */
export function buildStatusResponse(content: StatusResponseContent): string {
  const inResponseTo = content.inResponseTo === null ? '' : ` InResponseTo="${attr(content.inResponseTo)}"`
  const second =
    content.secondCode === null
      ? '/>'
      : `><samlp:StatusCode Value="${attr(content.secondCode)}"/></samlp:StatusCode>`
  return (
    `<samlp:Response ID="${attr(content.id)}" Version="2.0" IssueInstant="${isoInstant(content.now)}" Destination="${attr(content.destination)}"${inResponseTo} xmlns:samlp="${NS.protocol}">` +
    `<Issuer xmlns="${NS.assertion}">${text(content.issuer)}</Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${attr(content.topCode)}"${second}` +
    `<samlp:StatusMessage>${text(statusMessageText(content))}</samlp:StatusMessage></samlp:Status></samlp:Response>`
  )
}

/** A LogoutResponse (SAML Core §3.7.2) with Success, answering a LogoutRequest. */
export function buildLogoutResponse(content: {
  readonly issuer: string
  readonly id: string
  readonly now: number
  readonly destination: string
  readonly inResponseTo: string
  readonly status?: string
}): string {
  return (
    `<samlp:LogoutResponse ID="${attr(content.id)}" Version="2.0" IssueInstant="${isoInstant(content.now)}" Destination="${attr(content.destination)}" InResponseTo="${attr(content.inResponseTo)}" xmlns:samlp="${NS.protocol}">` +
    `<Issuer xmlns="${NS.assertion}">${text(content.issuer)}</Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${attr(content.status ?? STATUS.success)}"/></samlp:Status></samlp:LogoutResponse>`
  )
}
