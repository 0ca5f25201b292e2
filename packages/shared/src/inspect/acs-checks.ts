import { NS, STATUS } from '../saml/urns'
import { attributeOf, childNamed, textOf } from '../xml/dom'
import { conditionChecks } from './condition-checks'
import { addressMismatch, failed, issuerMismatch, unknownRequest, unsigned, unsolicited } from './diagnoses'
import { identityChecks } from './identity-checks'
import { xmlRefused } from './message-diagnoses'
import {
  confirmationDataOf,
  issuerText,
  NO_ASSERTION,
  pass,
  type ResponseCheck,
  skip,
} from './response-check'
import { certificateTrustOutcome, signatureOutcome } from './signature-checks'

function assertionSignature(phase: 'plaintext' | 'encrypted'): ResponseCheck {
  return {
    name: 'Assertion signature',
    codes: [
      'SSO_ASSERTION_UNSIGNED',
      'SSO_INVALID_SIGNATURE',
      'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
      'SSO_DEPRECATED_ALGORITHM',
      'SSO_SIGNATURE_PROFILE',
    ],
    run: (r, { context }) => {
      if (r.encrypted !== (phase === 'encrypted') || r.directAssertions === 0) return null
      if (!r.assertion) return NO_ASSERTION
      if (r.assertionSignature)
        return signatureOutcome(r.assertionSignature, 'assertion', context.idpSigners, context.policy)
      const responseSigned = r.responseSignature?.report.verdict === 'valid'
      if (responseSigned && !context.policy.requireAssertionSignature)
        return pass(
          'unsigned, covered by the Response signature (allowed: the org does not require a signed assertion)',
        )
      return unsigned('assertion', r.responseSignature !== null)
    },
  }
}

function certificateTrust(phase: 'plaintext' | 'encrypted'): ResponseCheck {
  return {
    name: 'Certificate trust',
    codes: ['CERT_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_SELF_SIGNED', 'CHAIN_UNTRUSTED', 'KEY_TOO_SMALL'],
    run: (r, { context }) => {
      if (r.encrypted !== (phase === 'encrypted') || r.directAssertions === 0) return null
      if (!r.assertion) return NO_ASSERTION
      const signature = r.assertionSignature ?? r.responseSignature
      if (!signature) return skip('not judged: nothing is signed')
      if (signature.report.trust === 'does-not-match')
        return skip('not judged: the signing certificate is not a trusted one (see the signature check)')
      return certificateTrustOutcome(signature.certificate, context.at, context.policy, context.authorities)
    },
  }
}

/**
 * The checks the Webex ACS makes of a Response, as a declared table in the ACS's order: XML,
 * status, one assertion, the Response's signature, the plaintext assertion's signature and
 * certificate, the Response's issuer, Destination and InResponseTo, then decryption and the
 * decrypted assertion's signature, then the assertion's issuer, subject confirmation,
 * conditions, audience, NameID, replay, and the uid Webex finds the user by.
 *
 * Unlike the ACS, which stops at the first refusal, every check runs: one that cannot be
 * judged (nothing to compare with, or an assertion it cannot read) says so and does not fail.
 *
 * This is the inspector's own table; the SP's exported table of named checks can replace it.
 */
export const ACS_CHECKS: readonly ResponseCheck[] = [
  {
    name: 'XML',
    codes: ['SSO_MALFORMED_RESPONSE'],
    run: (r) =>
      r.xmlProblem
        ? xmlRefused(r.xmlProblem)
        : pass(
            'a well-formed SAML 2.0 Response: no DTD, no processing instruction, within size and depth limits',
          ),
  },
  {
    name: 'Status',
    codes: ['SSO_IDP_ERROR'],
    run: (r) => {
      if (!r.response) return skip('not judged: the XML cannot be read')
      const status = childNamed(r.response, NS.protocol, 'Status')
      const code = status ? childNamed(status, NS.protocol, 'StatusCode') : null
      const value = code ? attributeOf(code, 'Value') : null
      if (value === STATUS.success) return pass('Success')
      const inner = code ? childNamed(code, NS.protocol, 'StatusCode') : null
      const message = status ? childNamed(status, NS.protocol, 'StatusMessage') : null
      return failed(
        'SSO_IDP_ERROR',
        `Entra answered ${value ?? '(no status)'}${inner ? ` / ${attributeOf(inner, 'Value')}` : ''}${message ? `: ${textOf(message)}` : ''}: the sign-in failed at Entra and no assertion was issued`,
        "Read the AADSTS code in the message: it names the cause. Fix it on the Entra app's Single sign-on page, then sign in again.",
      )
    },
  },
  {
    name: 'One assertion',
    codes: ['SSO_ASSERTION_COUNT'],
    run: (r) => {
      if (!r.response) return skip('not judged: the XML cannot be read')
      if (r.directAssertions === 1 && r.allAssertions === 1)
        return pass(
          r.encrypted
            ? 'one EncryptedAssertion, directly under the Response'
            : 'one Assertion, directly under the Response',
        )
      return failed(
        'SSO_ASSERTION_COUNT',
        `The Response carries ${r.allAssertions} assertions (${r.directAssertions} directly under it); Webex reads exactly one, directly under the Response`,
        'A Response with extra or nested assertions is a signature-wrapping attempt or a broken IdP: Entra sends one.',
      )
    },
  },
  {
    name: 'Response signature',
    codes: [
      'SSO_INVALID_SIGNATURE',
      'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
      'SSO_DEPRECATED_ALGORITHM',
      'SSO_SIGNATURE_PROFILE',
    ],
    run: (r, { context }) =>
      r.responseSignature
        ? signatureOutcome(r.responseSignature, 'Response', context.idpSigners, context.policy)
        : null,
  },
  assertionSignature('plaintext'),
  certificateTrust('plaintext'),
  {
    name: 'Response issuer',
    codes: ['SSO_UNTRUSTED_ISSUER'],
    run: (r, { context }) => {
      if (!r.response) return skip('not judged: the XML cannot be read')
      const found = issuerText(r.response)
      if (found === null) return pass("absent (allowed: the assertion's Issuer is checked)")
      if (!context.idpEntityId)
        return skip(
          `not judged: ${found}; the IdP's entityID is not known (give --idp-metadata, --app or --org)`,
        )
      return found === context.idpEntityId.value
        ? pass(found)
        : issuerMismatch('Response', found, context.idpEntityId)
    },
  },
  {
    name: 'Destination',
    codes: ['SSO_DESTINATION_MISMATCH'],
    run: (r, { context }) => {
      if (!r.response) return skip('not judged: the XML cannot be read')
      const found = attributeOf(r.response, 'Destination')
      if (found === null) return pass('absent (allowed for a signed assertion)')
      if (!context.acsUrls)
        return skip(`not judged: ${found}; the ACS URL is not known (give --sp-metadata or --org)`)
      return context.acsUrls.value.includes(found)
        ? pass(found)
        : addressMismatch('Destination', found, context.acsUrls)
    },
  },
  {
    name: 'InResponseTo',
    codes: ['SSO_UNSOLICITED_RESPONSE', 'SSO_INRESPONSETO_MISMATCH'],
    run: (r, { context, conversation }) => {
      if (!r.response) return skip('not judged: the XML cannot be read')
      const found = attributeOf(r.response, 'InResponseTo')
      if (found === null)
        return context.policy.allowUnsolicited
          ? pass(`unsolicited (IdP-initiated, no InResponseTo), allowed by ${context.policy.label}`)
          : unsolicited()
      if (!conversation)
        return skip(
          `not judged: it answers AuthnRequest ${found}; whether Webex was waiting for it cannot be told from this message alone (inspect a HAR of the whole sign-in)`,
        )
      if (conversation.requestIds.length === 0)
        return skip(
          `not judged: it answers AuthnRequest ${found}, and the HAR holds no AuthnRequest before it (was recording started after the sign-in began?)`,
        )
      return conversation.requestIds.includes(found)
        ? pass(`answers the AuthnRequest ${found} sent before it`)
        : unknownRequest(found, conversation.requestIds)
    },
  },
  {
    name: 'Decryption',
    codes: ['SSO_DECRYPTION_FAILED'],
    run: (r) => {
      if (!r.encrypted || !r.decryption) return null
      if (r.decryption.status === 'decrypted') return pass(r.decryption.detail)
      return failed(
        r.decryption.status === 'no-key' ? 'INSPECT_NO_DECRYPTION_KEY' : 'SSO_DECRYPTION_FAILED',
        r.decryption.detail,
        r.decryption.status === 'no-key'
          ? 'Run the inspector with --key FILE or the --data-dir of the sandbox the Response was sent to.'
          : "Upload the current Webex metadata file (its encryption certificate) on Entra's Single sign-on page, or turn token encryption off there.",
      )
    },
  },
  assertionSignature('encrypted'),
  certificateTrust('encrypted'),
  {
    name: 'Issuer',
    codes: ['SSO_UNTRUSTED_ISSUER'],
    run: (r, { context }) => {
      if (!r.assertion) return NO_ASSERTION
      const found = issuerText(r.assertion) ?? ''
      if (!context.idpEntityId)
        return skip(
          `not judged: ${found}; the IdP's entityID is not known (give --idp-metadata, --app or --org)`,
        )
      return found === context.idpEntityId.value
        ? pass(found)
        : issuerMismatch('assertion', found, context.idpEntityId)
    },
  },
  {
    name: 'Subject confirmation',
    codes: ['SSO_SUBJECT_CONFIRMATION'],
    run: (r) => {
      if (!r.assertion) return NO_ASSERTION
      return confirmationDataOf(r.assertion)
        ? pass('bearer, with SubjectConfirmationData')
        : failed(
            'SSO_SUBJECT_CONFIRMATION',
            'The assertion has no bearer SubjectConfirmation with SubjectConfirmationData: Webex cannot tell whom and where it is for',
            'The IdP must confirm the subject with the bearer method (Entra always does): this assertion was not made by Entra as is.',
          )
    },
  },
  {
    name: 'Recipient',
    codes: ['SSO_RECIPIENT_MISMATCH'],
    run: (r, { context }) => {
      if (!r.assertion) return NO_ASSERTION
      const data = confirmationDataOf(r.assertion)
      if (!data) return skip('not judged: no SubjectConfirmationData')
      const found = attributeOf(data, 'Recipient')
      if (!context.acsUrls)
        return found === null
          ? failed(
              'SSO_RECIPIENT_MISMATCH',
              'The assertion has no Recipient: Webex accepts it only for its own ACS URL',
              "Set Reply URL (Assertion Consumer Service URL) on Entra's Basic SAML Configuration.",
            )
          : skip(`not judged: ${found}; the ACS URL is not known (give --sp-metadata or --org)`)
      return found !== null && context.acsUrls.value.includes(found)
        ? pass(found)
        : addressMismatch('Recipient', found, context.acsUrls)
    },
  },
  ...conditionChecks(),
  ...identityChecks(),
]
