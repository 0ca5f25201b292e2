// The public surface of @sandbox/shared: the only barrel (the benchmark has its own entry,
// bench.ts). What only shared itself uses stays out of it.
export * from './auth/password-hash'
export * from './auth/secret-match'
export * from './auth/token-fingerprint'
export type { StoredCookie } from './client/cookie-jar'
export { FormActionBlockedError, type FormActionPolicies } from './client/form-action-policy'
export * from './client/headless-browser'
export { type FormButton, type FormField, type HtmlForm, type PageFacts, readPage } from './client/html-forms'
export * from './client/http-transport'
export * from './client/sign-in'
export * from './client/stale-keep-alive'
export * from './clock'
export * from './collections/bounded-map'
export * from './collections/detached'
export * from './collections/expiring-set'
export * from './collections/owned-bounded-map'
export * from './command/run-command'
export * from './command/server-command'
export { type FlagSpec, formatHelp, parseCommandLine, readCommandLine } from './config/command-line'
export {
  ConfigError,
  createOptionReader,
  type OptionReader,
  type OptionSource,
  type RawOptions,
} from './config/options'
export {
  COMMON_DEFAULTS,
  COMMON_FLAGS,
  type CommonServerConfig,
  DATA_DIR_FLAG,
  defineServerOptions,
  HELP_FLAG,
  readCommonServerOptions,
  readDataDir,
  type ServerConfig,
  type ServerIdentity,
  type ServerOptions,
} from './config/server-options'
export * from './http/client-source'
export { attachmentDisposition, isSendableHeaderValue, locationHeaderValue } from './http/header-values'
export * from './http/security-headers'
export * from './http/server-app'
export * from './ids'
export * from './inspect/inspect-pasted'
export * from './inspect/inspect-saml'
export { prettyPrintXml } from './inspect/pretty-xml'
export * from './json/json-body'
export { readSandboxCaCertificates, type TlsIdentity } from './pki/ca-store'
export * from './pki/certificate'
export {
  addUtcYears,
  createSandboxCa,
  ENTRA_CERTIFICATE_NAME,
  type IssuedCertificate,
  type IssueOptions,
  issueEntraStyleCertificate,
  issueLeafCertificate,
  type LeafProfile,
  type LeafRequest,
  randomSerialHex,
  type SandboxCa,
  type SelfSignedRequest,
} from './pki/certificate-authority'
export * from './pki/chain-validation'
export {
  createKeyPool,
  generateRsaKeyPair,
  type KeyPool,
  keyPairFromPem,
  type RsaKeyPair,
  type RsaKeySize,
} from './pki/keys'
export {
  buildPkcs12,
  type CertificateStructure,
  type KeyUsageBit,
  type Pkcs12Contents,
  readCertificateStructure,
  readPkcs12,
} from './pki/x509'
export * from './result'
export * from './runtime'
export * from './saml/bindings'
export * from './saml/metadata-reader'
export { configureSamlify, type SamlifyOpinion, samlifySecondOpinion } from './saml/samlify'
export * from './saml/urns'
export * from './scheduler'
export * from './server/boot-server'
export * from './server/heap-tuning'
export {
  type FetchHandler,
  ListenError,
  type ListenOptions,
  listen,
  type RunningHttpServer,
} from './server/http-server'
export * from './server/process-alive'
export * from './server/shutdown'
export * from './startup-error'
export * from './store/document-store'
export {
  readStateFile,
  type StateEnvelope,
  type StateFileError,
  type StateFileSpec,
  writeStateFile,
} from './store/state-file'
export { type StateLocation, statePaths } from './store/state-paths'
export * from './trace/sign-in-trace'
export * from './trace/trace-export'
export * from './training/classroom-actions'
export * from './training/classroom-page'
export * from './training/classroom-view'
export * from './training/exercise-handout'
export * from './training/exercise-shape'
export * from './training/exercises'
export * from './training/training-mode-service'
export * from './training/training-panel-model'
export * from './training/training-state-link'
export * from './training/tutorial-snapshot'
export * from './training/tutorial-state'
export * from './xml/c14n'
export { attributeOf, childNamed, childrenNamed, descendantsNamed, elementChildren, textOf } from './xml/dom'
export {
  type DataEncryption,
  type DecryptionError,
  decryptElement,
  encryptElement,
  XENC_NS,
} from './xml/encryption'
export * from './xml/escape'
export {
  METADATA_LIMITS,
  parseXml,
  SAML_MESSAGE_LIMITS,
  type XmlLimits,
  type XmlParseError,
} from './xml/parse'
export * from './xml/serialize'
export { DSIG_NS, type SignatureAlgorithm, type SigningKey, signEnveloped } from './xml/signature'
export {
  type SignatureError,
  type SignatureErrorCode,
  type TrustedCertificate,
  trustCertificate,
  type VerifiedSignature,
  type VerifyPolicy,
  verifyEnvelopedSignature,
} from './xml/signature-verification'
