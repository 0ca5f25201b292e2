import type { XmlParseError } from '../xml/parse'
import type { Expected } from './context'
import { failed, SCREEN } from './diagnoses'
import { humanDuration } from './durations'
import { acsPhrase, spEntityIdPhrase } from './origins'
import type { CheckOutcome } from './report'

/** Plain-words failures of the XML itself, of AuthnRequests, logout messages and metadata. */

/** Why the XML was refused before anything in it was read. */
export function xmlRefused(problem: XmlParseError | { code: string; message: string }): CheckOutcome {
  switch (problem.code) {
    case 'XML_DOCTYPE_FORBIDDEN':
      return failed(
        'SSO_MALFORMED_RESPONSE',
        'The message contains a DOCTYPE or ENTITY declaration, which SAML never uses: every receiver refuses it before reading anything, because it is how XXE and entity-expansion attacks start',
        'Entra never sends one: find what added it (a proxy, a test tool, an attacker) and send the message as the IdP made it.',
      )
    case 'XML_PROCESSING_INSTRUCTION_FORBIDDEN':
      return failed(
        'SSO_MALFORMED_RESPONSE',
        `${problem.message} Receivers refuse it: a processing instruction is read differently by the signature check and by the readers, which let a user rewrite their own signed NameID`,
        'Entra never sends one: send the message as the IdP made it.',
      )
    case 'XML_MALFORMED':
    case 'XML_EMPTY':
      return failed(
        'SSO_MALFORMED_RESPONSE',
        `${problem.message} The message was probably cut short or altered when it was copied`,
        'Capture the message again whole: a HAR from the browser keeps it byte for byte.',
      )
    default:
      return failed('SSO_MALFORMED_RESPONSE', problem.message, 'Send the SAML message as the IdP made it.')
  }
}

/** The AuthnRequest's Issuer is not the entityID Entra knows the app by. */
export function requestIssuerMismatch(found: string | null, expected: Expected<string>): CheckOutcome {
  const subject = found === null ? 'The AuthnRequest has no Issuer' : `Issuer is \`${found}\``
  const entra = expected.origin.kind === 'entra-app'
  return failed(
    'AADSTS700016',
    `${subject} but ${spEntityIdPhrase(expected.origin)} is \`${expected.value}\`: ${
      entra
        ? "Entra answers AADSTS700016 (application not found in the directory); Entra's Identifier (Entity ID) must be exactly the SP's entityID, trailing slash included"
        : "the request was not made with the org's entityID"
    }`,
    entra
      ? `${SCREEN.basicSaml} > Edit: Identifier (Entity ID) = ${found ?? "the SP's entityID"} (or upload the SP's metadata file there).`
      : "Download the SP metadata again from Control Hub and upload it on Entra's Basic SAML Configuration.",
  )
}

/** The AuthnRequest names an ACS URL Entra does not have as a Reply URL. */
export function requestAcsMismatch(found: string, expected: Expected<readonly string[]>): CheckOutcome {
  const entra = expected.origin.kind === 'entra-app'
  return failed(
    'AADSTS50011',
    `AssertionConsumerServiceURL is \`${found}\` but ${acsPhrase(expected.origin)} is ${expected.value.map((v) => `\`${v}\``).join(', ') || '(none)'}${
      entra ? ': Entra answers AADSTS50011 (the reply URL does not match)' : ''
    }`,
    `${SCREEN.basicSaml} > Edit: add Reply URL (Assertion Consumer Service URL) ${found}, Save.`,
  )
}

/** An AuthnRequest NameIDPolicy Format that Entra refuses. */
export function unsupportedNameIdPolicy(format: string): CheckOutcome {
  return failed(
    'AADSTS75016',
    `The AuthnRequest asks for NameID format ${format}, which Entra does not issue (it issues persistent, emailAddress, unspecified and transient): Entra answers AADSTS75016`,
    "Ask for urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress (Webex's choice), or send no NameIDPolicy.",
  )
}

/** A logout message without a signature, in neither the XML nor the query string. */
export function logoutUnsigned(kind: string): CheckOutcome {
  return failed(
    'SLO_UNSIGNED',
    `The ${kind} is not signed (neither in the XML nor in the query string): the receiver cannot tell who sent it and refuses it`,
    "Sign logout messages: Webex signs with its SP certificate; Entra signs with the app's signing certificate.",
  )
}

/** A certificate in metadata that is not valid at the judged instant. */
export function metadataCertificateInvalid(
  subject: string,
  thumbprint: string,
  notAfter: string,
  at: number,
): CheckOutcome {
  const end = Date.parse(notAfter)
  const expiredAgo = at > end
  return failed(
    expiredAgo ? 'CERT_EXPIRED' : 'CERT_NOT_YET_VALID',
    expiredAgo
      ? `The metadata's signing certificate ${subject} (thumbprint ${thumbprint}) expired ${humanDuration(at - end)} ago (NotAfter ${notAfter}): Control Hub refuses to import it, and signatures made with it are refused`
      : `The metadata's signing certificate ${subject} (thumbprint ${thumbprint}) is not valid yet: a clock is wrong`,
    `Make a new certificate active (${SCREEN.certificates} > New Certificate, then Make certificate active), download the Federation Metadata XML again and import it in ${SCREEN.controlHubImport}.`,
  )
}

/** The metadata's entityID is not the one the context expects. */
export function metadataEntityMismatch(
  found: string,
  expected: Expected<string>,
  phrase: string,
): CheckOutcome {
  return failed(
    'METADATA_ENTITY_MISMATCH',
    `The metadata's entityID is \`${found}\` but ${phrase} is \`${expected.value}\`: this is another entity's metadata`,
    "Download the metadata of the entity you configure (Entra: the app's Federation Metadata XML; Webex: Control Hub's Download Metadata File).",
  )
}
