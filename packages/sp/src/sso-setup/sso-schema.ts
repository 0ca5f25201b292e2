import { z } from 'zod'

/** "Require certificate signed by a certificate authority in Metadata" or "Allow self-signed". */
export const TRUST_MODES = ['ca-signed', 'self-signed-allowed'] as const
export type TrustMode = (typeof TRUST_MODES)[number]

/**
 * The IdP this org trusts, as imported from its metadata: what the sign-in path needs, parsed
 * once. (In the IdP package, `IdpConfig` is the IdP server's own configuration.)
 */
const idpTrustSchema = z.object({
  /** Changes at every import, so a test result belongs to exactly one import. */
  id: z.string(),
  entityId: z.string(),
  ssoRedirectUrl: z.string().nullable(),
  ssoPostUrl: z.string().nullable(),
  sloUrl: z.string().nullable(),
  /** PEM of each IdP signing certificate, in metadata order. */
  signingCertificates: z.array(z.string()).min(1),
  /** Other certificates the metadata offered (a CA-issued leaf's issuing CA). */
  chainCertificates: z.array(z.string()),
  wantAuthnRequestsSigned: z.boolean(),
  trustMode: z.enum(TRUST_MODES),
  importedAt: z.string(),
  /** The imported document as given (for samlify's second opinion in Test SSO Connection). */
  metadataXml: z.string(),
})
export type IdpTrust = z.infer<typeof idpTrustSchema>

/** The last Test SSO Connection, kept so that "Enable" can check it (even after a restart). */
const testResultSchema = z.object({
  /** The id of the {@link IdpTrust} tested (named so in state files and the API since version 1). */
  idpConfigId: z.string(),
  status: z.enum(['passed', 'failed']),
  code: z.string().nullable(),
  message: z.string(),
  at: z.string(),
  nameId: z.string().nullable(),
  attributes: z.record(z.string(), z.array(z.string())),
  certificate: z.string().nullable(),
  /** The assertion's timing as sent (IssueInstant, Conditions), beside the SP's clock (`at`). */
  timing: z
    .object({
      issueInstant: z.string().nullable(),
      notBefore: z.string().nullable(),
      notOnOrAfter: z.string().nullable(),
    })
    .nullable()
    .default(null),
  samlifyAgrees: z.boolean().nullable(),
  samlifyDetail: z.string().nullable(),
})
export type TestResult = z.infer<typeof testResultSchema>

/** Org-wide SSO settings; the defaults are Webex's documented ones (uid matching, 180 s skew, SHA-256, signed assertions). */
export const ssoSettingsSchema = z.object({
  /** null = Webex's `https://idbroker.webex.com/{orgId}`. */
  entityId: z.string().nullable(),
  /**
   * null = `{public URL}/idb/Consumer/metaAlias/{orgId}/sp`. Set it when the IdP knows the ACS by
   * another URL (a proxy in front of the sandbox, or a captured Response being replayed).
   */
  acsUrl: z.string().url().nullable(),
  authnRequestBinding: z.enum(['redirect', 'post']),
  signAuthnRequests: z.boolean(),
  /** Which assertion value finds the Webex user: the `uid` attribute (Webex's default) or the NameID. */
  matchUserBy: z.enum(['uid', 'nameid']),
  justInTimeProvisioning: z.boolean(),
  clockSkewSeconds: z.number().int().min(0).max(600),
  allowSha1: z.boolean(),
  /** Webex wants the assertion signed; off, a signed Response covering an unsigned assertion is accepted. */
  requireAssertionSignature: z.boolean(),
  /** Accept Responses that answer no AuthnRequest (My Apps tiles, "Test this application"). */
  allowIdpInitiated: z.boolean(),
})
export type SsoSettings = z.infer<typeof ssoSettingsSchema>

/** As stored: settings added after the first state files default (PATCH bodies use the strict form). */
const storedSsoSettingsSchema = ssoSettingsSchema.extend({
  requireAssertionSignature: z.boolean().default(true),
})

export const ssoStateSchema = z.object({
  /** True once "Enable Single Sign-On" was saved after a successful test. */
  enabled: z.boolean(),
  settings: storedSsoSettingsSchema,
  /** The imported, not yet enabled configuration (the wizard's current draft). */
  pending: idpTrustSchema.nullable(),
  /** The configuration sign-ins use. */
  active: idpTrustSchema.nullable(),
  lastTest: testResultSchema.nullable(),
  /** Extra roots for the CA-signed mode; the sandbox root CA is always trusted. */
  trustedRoots: z.array(z.string()),
  /**
   * Extra intermediate CAs the SP knows (not trusted by themselves); the sandbox issuing CA is
   * always known. Absent from state files written before intermediates could be added.
   */
  intermediateCas: z.array(z.string()).default([]),
})
export type SsoState = z.infer<typeof ssoStateSchema>

const DEFAULT_SSO_SETTINGS: SsoSettings = {
  entityId: null,
  acsUrl: null,
  authnRequestBinding: 'redirect',
  signAuthnRequests: false,
  matchUserBy: 'uid',
  justInTimeProvisioning: false,
  clockSkewSeconds: 180,
  allowSha1: false,
  requireAssertionSignature: true,
  allowIdpInitiated: true,
}

export const INITIAL_SSO_STATE: SsoState = {
  enabled: false,
  settings: DEFAULT_SSO_SETTINGS,
  pending: null,
  active: null,
  lastTest: null,
  trustedRoots: [],
  intermediateCas: [],
}
