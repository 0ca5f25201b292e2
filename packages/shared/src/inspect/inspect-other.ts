import type { Result } from '../result'
import type { RedirectSignature } from '../saml/bindings'
import type { EntityMetadata, MetadataError } from '../saml/metadata-reader'
import { describeCertificate } from './certificate-report'
import type { Expected, InspectionContext, TrustedSigner } from './context'
import { failed } from './diagnoses'
import {
  AUTHN_REQUEST_CHECKS,
  LOGOUT_REQUEST_CHECKS,
  LOGOUT_RESPONSE_CHECKS,
  METADATA_CHECKS,
  type MessageCheck,
} from './message-checks'
import type { CertificateReport, CheckResult, InspectedMessage, MessageKind } from './report'
import { issuerText } from './response-check'
import {
  inspectEnvelopedSignature,
  inspectRedirectSignature,
  type SignatureFacts,
  signingCertificateReport,
} from './signature-report'
import { authnRequestFields, logoutFields, metadataFields } from './summaries'

/** Inspection of AuthnRequests, logout messages and metadata: everything but a Response. */

type Inspected = Omit<
  InspectedMessage,
  'index' | 'location' | 'encoding' | 'parameter' | 'relayState' | 'alsoSeenIn' | 'xml'
>

const XML_PASSED: CheckResult = {
  name: 'XML',
  status: 'passed',
  detail: 'well-formed: no DTD, no processing instruction, within size and depth limits',
}

function run<S>(checks: readonly MessageCheck<S>[], subject: S, context: InspectionContext): CheckResult[] {
  return [
    XML_PASSED,
    ...checks.flatMap((check) => {
      const outcome = check.run(subject, context)
      return outcome ? [{ name: check.name, ...outcome }] : []
    }),
  ]
}

const countFailed = (checks: readonly CheckResult[]): number =>
  checks.filter((c) => c.status === 'failed').length

/** The signers of whoever sent a logout message: the side its Issuer names, else the IdP's. */
function logoutSigners(root: Element, context: InspectionContext): Expected<readonly TrustedSigner[]> | null {
  const issuer = issuerText(root)
  if (issuer !== null && issuer === context.spEntityId?.value && context.spSigners) return context.spSigners
  if (issuer !== null && issuer === context.idpEntityId?.value && context.idpSigners)
    return context.idpSigners
  return context.idpSigners ?? context.spSigners
}

export function inspectProtocolMessage(
  kind: Exclude<MessageKind, 'Response' | 'Metadata'>,
  root: Element,
  redirectSignature: RedirectSignature | null,
  context: InspectionContext,
): Inspected {
  const { at, authorities } = context
  const signers = kind === 'AuthnRequest' ? context.spSigners : logoutSigners(root, context)
  const signature: SignatureFacts | null =
    inspectEnvelopedSignature(root, kind, signers, at, authorities) ??
    (redirectSignature ? inspectRedirectSignature(redirectSignature, kind, signers, at, authorities) : null)
  const subject = { root, signature, signers }
  const table =
    kind === 'AuthnRequest'
      ? AUTHN_REQUEST_CHECKS
      : kind === 'LogoutRequest'
        ? LOGOUT_REQUEST_CHECKS
        : LOGOUT_RESPONSE_CHECKS
  const checks = run(table, subject, context)
  const certificate = signature ? signingCertificateReport(signature, at, authorities) : null
  return {
    kind,
    summary: {
      fields: kind === 'AuthnRequest' ? authnRequestFields(root, at) : logoutFields(root, kind, at),
      attributes: [],
    },
    signatures: signature ? [signature.report] : [],
    certificates: certificate ? [certificate] : [],
    decryption: null,
    decryptedAssertionXml: null,
    checksBy:
      kind === 'AuthnRequest'
        ? "Entra's checks of an AuthnRequest"
        : `the checks the receiver of a ${kind} makes`,
    checks,
    failed: countFailed(checks),
  }
}

function metadataCertificates(entity: EntityMetadata, context: InspectionContext): CertificateReport[] {
  const reports: CertificateReport[] = []
  const roles = [
    ['IdP', entity.idp?.keys ?? []],
    ['SP', entity.sp?.keys ?? []],
  ] as const
  for (const [role, keys] of roles)
    keys.forEach((key, i) => {
      const [der, ...offered] = key.certificates
      if (!der) return
      const report = describeCertificate(
        der,
        `${key.use} key ${i + 1} of the ${role} role`,
        context.at,
        context.authorities,
        offered,
      )
      if (report && !reports.some((r) => r.thumbprint === report.thumbprint && r.role === report.role))
        reports.push(report)
    })
  return reports
}

export function inspectMetadata(
  entity: Result<EntityMetadata, MetadataError>,
  context: InspectionContext,
): Inspected {
  const checksBy = 'the checks made when metadata is imported (Control Hub, Entra)'
  if (!entity.ok) {
    const checks: CheckResult[] = [
      XML_PASSED,
      {
        name: 'Metadata',
        ...failed(
          entity.error.code,
          entity.error.message,
          'Download the metadata again from where it is published, unmodified.',
        ),
      },
    ]
    return {
      kind: 'Metadata',
      summary: { fields: [], attributes: [] },
      signatures: [],
      certificates: [],
      decryption: null,
      decryptedAssertionXml: null,
      checksBy,
      checks,
      failed: 1,
    }
  }
  const value = entity.value
  const signers = value.idp ? context.idpSigners : context.spSigners
  const signature = inspectEnvelopedSignature(
    value.element,
    'EntityDescriptor',
    signers,
    context.at,
    context.authorities,
  )
  const checks = run(METADATA_CHECKS, { entity: value, signature, signers }, context)
  const signedBy = signature ? signingCertificateReport(signature, context.at, context.authorities) : null
  const certificates = metadataCertificates(value, context)
  return {
    kind: 'Metadata',
    summary: { fields: metadataFields(value, context.at), attributes: [] },
    signatures: signature ? [signature.report] : [],
    certificates:
      signedBy && !certificates.some((c) => c.thumbprint === signedBy.thumbprint)
        ? [signedBy, ...certificates]
        : certificates,
    decryption: null,
    decryptedAssertionXml: null,
    checksBy,
    checks,
    failed: countFailed(checks),
  }
}
