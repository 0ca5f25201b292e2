import { summarizeCertificate } from '../pki/certificate'
import type { EntityMetadata } from '../saml/metadata-reader'
import { NAMEID_FORMAT, NS, STATUS } from '../saml/urns'
import { attributeOf, childNamed } from '../xml/dom'
import type { Expected, InspectionContext, TrustedSigner } from './context'
import { expired, failed } from './diagnoses'
import {
  logoutUnsigned,
  metadataCertificateInvalid,
  metadataEntityMismatch,
  requestAcsMismatch,
  requestIssuerMismatch,
  unsupportedNameIdPolicy,
} from './message-diagnoses'
import { idpEntityIdPhrase, spEntityIdPhrase } from './origins'
import type { CheckOutcome } from './report'
import { issuerText, pass, skip } from './response-check'
import { signatureOutcome } from './signature-checks'
import type { SignatureFacts } from './signature-report'

/**
 * The checks of the other messages: what Entra checks of an AuthnRequest (its Issuer is an
 * app's Identifier, its ACS URL a Reply URL, a NameIDPolicy it can honour), what the receiver
 * of a logout message checks, and what Control Hub and Entra check of metadata at import.
 */

/** A named check of a message other than a Response. */
export interface MessageCheck<Subject> {
  readonly name: string
  readonly run: (subject: Subject, context: InspectionContext) => CheckOutcome | null
}

/** An AuthnRequest, LogoutRequest or LogoutResponse made ready for its checks. */
export interface ProtocolMessageUnderInspection {
  readonly root: Element
  /** The XML signature or the Redirect query's signature; null when unsigned. */
  readonly signature: SignatureFacts | null
  /** The certificates the signature was judged against (the sender's side). */
  readonly signers: Expected<readonly TrustedSigner[]> | null
}

/** Metadata made ready for its checks. */
export interface MetadataUnderInspection {
  readonly entity: EntityMetadata
  readonly signature: SignatureFacts | null
  readonly signers: Expected<readonly TrustedSigner[]> | null
}

const ENTRA_NAMEID_FORMATS: readonly string[] = [
  NAMEID_FORMAT.persistent,
  NAMEID_FORMAT.emailAddress,
  NAMEID_FORMAT.unspecified,
  NAMEID_FORMAT.transient,
]

function signatureCheck(kind: string, required: boolean): MessageCheck<ProtocolMessageUnderInspection> {
  return {
    name: 'Signature',
    run: (m, context) => {
      if (m.signature) return signatureOutcome(m.signature, kind, m.signers, context.policy)
      return required
        ? logoutUnsigned(kind)
        : pass(
            'unsigned (Entra checks AuthnRequest signatures only when "Require verification certificates" is on)',
          )
    },
  }
}

export const AUTHN_REQUEST_CHECKS: readonly MessageCheck<ProtocolMessageUnderInspection>[] = [
  {
    name: 'Issuer',
    run: (m, { spEntityId }) => {
      const found = issuerText(m.root)
      if (!spEntityId)
        return skip(
          `not judged: ${found ?? '(no Issuer)'}; the SP's entityID is not known (give --app, --sp-metadata or --org)`,
        )
      return found === spEntityId.value ? pass(found) : requestIssuerMismatch(found, spEntityId)
    },
  },
  {
    name: 'AssertionConsumerServiceURL',
    run: (m, { acsUrls }) => {
      const found = attributeOf(m.root, 'AssertionConsumerServiceURL')
      if (found === null) return pass("absent (Entra posts to the app's default Reply URL)")
      if (!acsUrls)
        return skip(`not judged: ${found}; the Reply URLs are not known (give --app, --sp-metadata or --org)`)
      return acsUrls.value.includes(found) ? pass(found) : requestAcsMismatch(found, acsUrls)
    },
  },
  {
    name: 'Destination',
    run: (m, { idpSsoUrls }) => {
      const found = attributeOf(m.root, 'Destination')
      if (found === null) return pass('absent (Entra ignores it)')
      if (!idpSsoUrls)
        return skip(`not judged: ${found}; the IdP's SSO URL is not known (give --idp-metadata or --app)`)
      return idpSsoUrls.value.includes(found)
        ? pass(found)
        : failed(
            'AADSTS75008',
            `Destination is \`${found}\` but the IdP's Login URL is ${idpSsoUrls.value.map((u) => `\`${u}\``).join(', ')}: the request was sent to another IdP or tenant`,
            "Import the IdP's current Federation Metadata XML in Control Hub (Authentication > Modify).",
          )
    },
  },
  {
    name: 'NameIDPolicy',
    run: (m) => {
      const policy = childNamed(m.root, NS.protocol, 'NameIDPolicy')
      const format = policy ? attributeOf(policy, 'Format') : null
      if (format === null)
        return pass(policy ? 'no Format (Entra chooses)' : 'absent (Entra chooses the NameID format)')
      return ENTRA_NAMEID_FORMATS.includes(format) ? pass(format) : unsupportedNameIdPolicy(format)
    },
  },
  signatureCheck('AuthnRequest', false),
]

function logoutIssuer(): MessageCheck<ProtocolMessageUnderInspection> {
  return {
    name: 'Issuer',
    run: (m, { idpEntityId, spEntityId }) => {
      const found = issuerText(m.root)
      const known = [idpEntityId, spEntityId].filter((e): e is Expected<string> => e !== null)
      if (known.length === 0) return skip(`not judged: ${found ?? '(no Issuer)'}; neither entityID is known`)
      if (found !== null && known.some((e) => e.value === found)) return pass(found)
      const sides = [
        idpEntityId ? `${idpEntityIdPhrase(idpEntityId.origin)} is \`${idpEntityId.value}\`` : null,
        spEntityId ? `${spEntityIdPhrase(spEntityId.origin)} is \`${spEntityId.value}\`` : null,
      ].filter(Boolean)
      return failed(
        'SLO_UNTRUSTED_ISSUER',
        `Issuer is \`${found ?? '(none)'}\` but ${sides.join(' and ')}: the message comes from neither side of this SSO`,
        'Check that the logout was started from this Webex org or this Entra app.',
      )
    },
  }
}

export const LOGOUT_REQUEST_CHECKS: readonly MessageCheck<ProtocolMessageUnderInspection>[] = [
  logoutIssuer(),
  {
    name: 'NotOnOrAfter',
    run: (m, { at, policy }) => {
      const value = attributeOf(m.root, 'NotOnOrAfter')
      if (value === null) return pass('absent (no expiry)')
      return at >= Date.parse(value) + policy.skewMs
        ? expired('LogoutRequest', 'NotOnOrAfter', value, at, policy.skewMs)
        : pass(value)
    },
  },
  signatureCheck('LogoutRequest', true),
]

export const LOGOUT_RESPONSE_CHECKS: readonly MessageCheck<ProtocolMessageUnderInspection>[] = [
  logoutIssuer(),
  {
    name: 'Status',
    run: (m) => {
      const status = childNamed(m.root, NS.protocol, 'Status')
      const code = status ? childNamed(status, NS.protocol, 'StatusCode') : null
      const value = code ? attributeOf(code, 'Value') : null
      return value === STATUS.success
        ? pass('Success')
        : failed(
            'SLO_FAILED',
            `The logout answered ${value ?? '(no status)'}: the session was not (or not completely) ended on the other side`,
            'Sign out again; if it persists, end the session on the other side by hand.',
          )
    },
  },
  signatureCheck('LogoutResponse', true),
]

export const METADATA_CHECKS: readonly MessageCheck<MetadataUnderInspection>[] = [
  {
    name: 'Metadata signature',
    run: (m, context) =>
      m.signature
        ? signatureOutcome(m.signature, 'metadata', m.signers, context.policy)
        : pass('unsigned (allowed: Control Hub and Entra read unsigned metadata)'),
  },
  {
    name: 'Certificates',
    run: (m, { at }) => {
      const keys = [...(m.entity.idp?.keys ?? []), ...(m.entity.sp?.keys ?? [])]
      if (keys.length === 0)
        return failed(
          'METADATA_NO_CERTIFICATE',
          'The metadata carries no certificate: the other side cannot verify a signature or encrypt to it',
          'Download the metadata again from where it is published: Entra and Webex always include their certificates.',
        )
      for (const key of keys) {
        const der = key.certificates[0]
        if (!der) continue
        let summary: ReturnType<typeof summarizeCertificate>
        try {
          summary = summarizeCertificate(der)
        } catch {
          return failed(
            'METADATA_BAD_CERTIFICATE',
            'A certificate in the metadata cannot be decoded as X.509',
            'Download the metadata again, unmodified.',
          )
        }
        if (at < summary.notBefore.getTime() || at > summary.notAfter.getTime())
          return metadataCertificateInvalid(
            summary.subject,
            summary.thumbprint,
            summary.notAfter.toISOString(),
            at,
          )
      }
      return pass(`${keys.length} certificate${keys.length === 1 ? '' : 's'}, each valid now`)
    },
  },
  {
    name: 'entityID',
    run: (m, { idpEntityId, spEntityId }) => {
      const expected = m.entity.idp ? idpEntityId : spEntityId
      if (!expected) return skip(`not judged: ${m.entity.entityId}; nothing to compare it with`)
      if (m.entity.entityId === expected.value) return pass(m.entity.entityId)
      const phrase = m.entity.idp ? idpEntityIdPhrase(expected.origin) : spEntityIdPhrase(expected.origin)
      return metadataEntityMismatch(m.entity.entityId, expected, phrase)
    },
  },
]
