/**
 * The only module that imports samlify. samlify checks a message's XML schema, signature and
 * conditions as a whole; the sandbox uses it as an independent second opinion (Test SSO
 * Connection, the SAML inspector, tests), while its own sign-in path uses the strict, fast
 * checks in `xml/signature.ts` and the SP's validation layer.
 */
import { createRequire } from 'node:module'
import { StartupError } from '../startup-error'

type Samlify = typeof import('samlify')

export interface SchemaValidator {
  validate(xml: string): Promise<unknown>
}

let loaded: Samlify | null = null

const SCHEMA_VALIDATOR_PACKAGE = '@authenio/samlify-xmllint-wasm'

/**
 * Loads samlify and installs its schema validator (libxml2 in WASM, no native build). It is
 * set once at boot; without it samlify would refuse every message, and a no-op validator
 * would drop its protection against signature wrapping (research/security.md §1.3).
 * Start-up fails with a clear message when the validator is missing.
 */
export async function configureSamlify(): Promise<void> {
  if (loaded) return
  const require = createRequire(import.meta.url)
  let validator: SchemaValidator
  try {
    validator = require(SCHEMA_VALIDATOR_PACKAGE) as SchemaValidator
  } catch {
    throw new StartupError(
      `samlify's schema validator ${SCHEMA_VALIDATOR_PACKAGE} is not installed. Run "pnpm install" in the sandbox folder, then start again.`,
    )
  }
  if (typeof validator.validate !== 'function') {
    throw new StartupError(
      `${SCHEMA_VALIDATOR_PACKAGE} does not export validate(); reinstall it with "pnpm install".`,
    )
  }
  // samlify is CommonJS; depending on the loader its API sits on the namespace or on `default`.
  const namespace = (await import('samlify')) as unknown as Partial<Samlify> & { default?: Samlify }
  const api = (typeof namespace.setSchemaValidator === 'function' ? namespace : namespace.default) as Samlify
  api.setSchemaValidator(validator)
  loaded = api
}

/**
 * Loads a samlify schema validator package, or throws a {@link StartupError} that tells the
 * user how to install it.
 */
export function loadSchemaValidator(packageName: string): SchemaValidator {
  const require = createRequire(import.meta.url)
  let validator: SchemaValidator
  try {
    validator = require(packageName) as SchemaValidator
  } catch {
    throw new StartupError(
      `samlify's schema validator ${packageName} is not installed. Run "pnpm install" in the sandbox folder, then start again.`,
    )
  }
  if (typeof validator.validate !== 'function') {
    throw new StartupError(`${packageName} does not export validate(); reinstall it with "pnpm install".`)
  }
  return validator
}

/** samlify, once {@link configureSamlify} has run (throws before: a programming error). */
export function samlifyApi(): Samlify {
  if (!loaded) throw new Error('configureSamlify() must run at boot before samlify is used')
  return loaded
}

/** What samlify concluded about a Response the sandbox's own checks already judged. */
export interface SamlifyOpinion {
  readonly accepted: boolean
  /** samlify's error, or a summary of what it extracted. */
  readonly detail: string
}

/**
 * Runs a Response through samlify's stock path (schema validation included) as an independent
 * second opinion for Test SSO Connection. Costs ~0.25 s, so it never runs on the sign-in path.
 */
export async function samlifySecondOpinion(input: {
  readonly spMetadata: string
  readonly idpMetadata: string
  readonly samlResponseBase64: string
  readonly encryptionKeyPem?: string
}): Promise<SamlifyOpinion> {
  try {
    const samlify = samlifyApi()
    const sp = samlify.ServiceProvider({
      metadata: input.spMetadata.replace(/^\uFEFF/, ''),
      wantAssertionsSigned: true,
      ...(input.encryptionKeyPem ? { encPrivateKey: input.encryptionKeyPem, isAssertionEncrypted: true } : {}),
    })
    const idp = samlify.IdentityProvider({ metadata: input.idpMetadata.replace(/^\uFEFF/, '') })
    const parsed = await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: input.samlResponseBase64 } })
    const nameId = (parsed.extract as { nameID?: unknown }).nameID
    return { accepted: true, detail: `samlify accepts it (NameID ${String(nameId)})` }
  } catch (error) {
    return { accepted: false, detail: `samlify refuses it: ${error instanceof Error ? error.message : String(error)}` }
  }
}
