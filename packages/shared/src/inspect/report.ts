import type { InputForm } from './located-message'

/** The inspector's report: plain data, the same for the text output, `--json` and the consoles. */

/** A check passed, failed (with the ACS's code, a plain-words message and the fix) or was not judged. */
export type CheckOutcome =
  | { readonly status: 'passed'; readonly detail: string }
  | { readonly status: 'skipped'; readonly detail: string }
  | { readonly status: 'failed'; readonly code: string; readonly message: string; readonly fix: string }

export type CheckResult = CheckOutcome & { readonly name: string }

/** An instant as written in the message, and where it lies from the judged instant. */
export interface TimeFact {
  readonly value: string
  /** e.g. "2 h 03 min ago", "in 55 min"; null when the value is not a date. */
  readonly relative: string | null
}

/** One certificate: who, which (thumbprint), until when, and whether a trusted CA issued it. */
export interface CertificateReport {
  /** What it is in this message: "the certificate in the Assertion's KeyInfo", "signing key 1 of the IdP metadata". */
  readonly role: string
  readonly subject: string
  readonly issuer: string
  readonly thumbprint: string
  readonly sha256Fingerprint: string
  readonly serialNumber: string
  readonly notBefore: string
  readonly notAfter: string
  /** "valid until 2027-… (expires in 1 year 2 months)", "expired 2025-… (1 year 2 months ago)". */
  readonly validity: string
  readonly validAtJudgedTime: boolean
  readonly publicKey: string
  readonly selfSigned: boolean
  /** The chain to the known CAs: "self-signed", "issued by … (chains to …)", or why it does not chain. */
  readonly chain: string
  /** Base64 of the DER (what goes into metadata's X509Certificate). */
  readonly base64: string
}

/** What a signature covers, how it was made, whether it verifies, and with whose certificate. */
export interface SignatureReport {
  /** "Response", "Assertion", "EntityDescriptor", "AuthnRequest", "LogoutRequest", "LogoutResponse", "query string". */
  readonly signedElement: string
  readonly signedId: string | null
  /** The Reference URI (`#ID`); null for a Redirect-binding query signature. */
  readonly reference: string | null
  readonly signatureAlgorithm: string | null
  readonly digestAlgorithm: string | null
  /** The signature verifies over what it covers (with the certificate it carries, else the given ones). */
  readonly verdict:
    | 'valid'
    | 'digest-mismatch'
    | 'invalid'
    | 'profile'
    | 'unsupported-algorithm'
    | 'not-verified'
  readonly detail: string
  readonly keyInfoCertificate: CertificateReport | null
  /** Whether the signing certificate is one of those the context trusts. */
  readonly trust: 'matches' | 'does-not-match' | 'not-compared'
  readonly trustDetail: string
}

/** What happened to an EncryptedAssertion. */
export interface DecryptionReport {
  readonly status: 'decrypted' | 'no-key' | 'failed'
  readonly detail: string
  readonly contentEncryption: string | null
  readonly keyTransport: string | null
}

export interface AttributeFact {
  readonly name: string
  readonly friendlyName: string | null
  readonly nameFormat: string | null
  readonly values: readonly string[]
}

/** The message's facts as a person asks for them; which fields are present depends on the kind. */
export interface MessageSummary {
  readonly fields: readonly SummaryField[]
  readonly attributes: readonly AttributeFact[]
}

/** One labelled fact: "Audience", "NotOnOrAfter" (with its time relative to the judged instant). */
export interface SummaryField {
  readonly label: string
  readonly value: string
  readonly relative?: string
}

export type MessageKind = 'Response' | 'AuthnRequest' | 'LogoutRequest' | 'LogoutResponse' | 'Metadata'

/** One message of the input, inspected. */
export interface InspectedMessage {
  readonly index: number
  readonly location: string
  readonly encoding: string
  readonly parameter: string | null
  readonly relayState: string | null
  readonly alsoSeenIn: readonly string[]
  /** null when the XML could not be read (then the first check says why). */
  readonly kind: MessageKind | null
  /** The decoded message, indented; null when it is not well-formed XML. */
  readonly xml: string | null
  readonly summary: MessageSummary
  readonly signatures: readonly SignatureReport[]
  readonly certificates: readonly CertificateReport[]
  readonly decryption: DecryptionReport | null
  /** The decrypted Assertion, indented; null when nothing was decrypted. */
  readonly decryptedAssertionXml: string | null
  /** Whose checks these are: "the Webex ACS's checks, in its order", "Entra's checks of an AuthnRequest". */
  readonly checksBy: string
  readonly checks: readonly CheckResult[]
  readonly failed: number
}

/** The whole report. `exitCode` is 0 when no check failed, 1 when one did. */
export interface InspectionReport {
  readonly detected: { readonly form: InputForm; readonly description: string }
  readonly judgedAt: string
  /** What the messages were compared with, one line each. */
  readonly comparedWith: readonly string[]
  readonly messages: readonly InspectedMessage[]
  readonly failed: number
  readonly exitCode: 0 | 1
}
