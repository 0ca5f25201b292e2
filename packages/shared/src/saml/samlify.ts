/**
 * The only module that imports samlify. samlify checks a message's XML schema, signature and
 * conditions as a whole; the sandbox uses it as an independent second opinion (Test SSO
 * Connection, the SAML inspector, tests), while its own sign-in path uses the strict, fast
 * checks in `xml/signature.ts` and the SP's validation layer.
 */
import { createRequire } from 'node:module'
import { StartupError } from '../startup-error'
import { escapeXmlAttribute, escapeXmlText } from '../xml/escape'

type Samlify = typeof import('samlify')

export interface SchemaValidator {
  validate(xml: string): Promise<unknown>
}

let loaded: Samlify | null = null

const SCHEMA_VALIDATOR_PACKAGE = '@authenio/samlify-xmllint-wasm'
const requireCommonJs = createRequire(import.meta.url)

function notInstalled(name: string): StartupError {
  const what = name === 'samlify' ? 'samlify' : `samlify's schema validator ${name}`
  return new StartupError(
    `${what} is not installed. Run "pnpm install" in the sandbox folder, then start again.`,
  )
}

/**
 * Checks at boot, without loading them, that samlify and its schema validator are installed,
 * so a broken install fails start-up with a clear message. Loading them costs ~50 ms and
 * nothing on a server's sign-in path needs samlify, so {@link configureSamlify} runs on first
 * use instead, and no start pays for it.
 */
export function checkSamlifyInstalled(): void {
  for (const name of ['samlify', SCHEMA_VALIDATOR_PACKAGE]) {
    try {
      requireCommonJs.resolve(name)
    } catch {
      throw notInstalled(name)
    }
  }
}

/**
 * Loads samlify and installs its schema validator (libxml2 in WASM, no native build), once.
 * Without a validator samlify refuses every message, and a no-op one would drop the check that
 * keeps signature-wrapping documents (a second, unsigned Assertion) from reaching its parser.
 */
export async function configureSamlify(): Promise<void> {
  if (loaded) return
  const validator = loadSchemaValidator(SCHEMA_VALIDATOR_PACKAGE)
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
  let validator: SchemaValidator
  try {
    validator = requireCommonJs(packageName) as SchemaValidator
  } catch {
    throw notInstalled(packageName)
  }
  if (typeof validator.validate !== 'function') {
    throw new StartupError(`${packageName} does not export validate(); reinstall it with "pnpm install".`)
  }
  return validator
}

/** samlify, once {@link configureSamlify} has run (throws before: a programming error). */
function samlifyApi(): Samlify {
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
    await configureSamlify()
    const samlify = samlifyApi()
    const sp = samlify.ServiceProvider({
      metadata: input.spMetadata.replace(/^\uFEFF/, ''),
      wantAssertionsSigned: true,
      ...(input.encryptionKeyPem
        ? { encPrivateKey: input.encryptionKeyPem, isAssertionEncrypted: true }
        : {}),
    })
    const idp = samlify.IdentityProvider({ metadata: input.idpMetadata.replace(/^\uFEFF/, '') })
    const parsed = await sp.parseLoginResponse(idp, 'post', {
      body: { SAMLResponse: input.samlResponseBase64 },
    })
    const nameId = (parsed.extract as { nameID?: unknown }).nameID
    return { accepted: true, detail: `samlify accepts it (NameID ${String(nameId)})` }
  } catch (error) {
    return {
      accepted: false,
      detail: `samlify refuses it: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Stock baseline for `pnpm bench`: samlify's own SP-initiated flow, default options and the
// stock schema validator, so the benchmark can put the sandbox's path beside it. Never used by
// a server, so it is reached through `@sandbox/shared/bench`, not the public barrel.

/** The key and certificate of one side of the stock flow (PEM). */
export interface StockSamlifyParty {
  readonly privateKeyPem: string
  readonly certificatePem: string
}

/** One claim of the stock flow's Response (name, value), e.g. Entra's claim URIs. */
export type StockSamlifyClaim = readonly [name: string, value: string]

/** samlify's four SP-initiated steps, wired between an IdP and an SP entity. */
export interface StockSamlifyFlow {
  /**
   * createLoginRequest (Redirect) → parseLoginRequest → createLoginResponse (POST, assertion
   * signed) → parseLoginResponse; resolves with the NameID samlify extracted.
   */
  signIn(): Promise<string>
}

function attributeStatement(claims: readonly StockSamlifyClaim[]): string {
  const attributes = claims
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${escapeXmlAttribute(name)}"><saml:AttributeValue>${escapeXmlText(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('')
  return `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>`
}

function authnStatement(instant: string, sessionIndex: string): string {
  return `<saml:AuthnStatement AuthnInstant="${instant}" SessionIndex="${sessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`
}

/**
 * Builds samlify's stock flow: an IdP and an SP entity configured from options (samlify
 * generates their metadata), the Response carrying `claims`. Requires {@link configureSamlify}.
 */
export function createStockSamlifyFlow(options: {
  readonly idp: StockSamlifyParty
  readonly sp: StockSamlifyParty
  readonly nameId: string
  readonly claims: readonly StockSamlifyClaim[]
}): StockSamlifyFlow {
  const samlify = samlifyApi()
  const idp = samlify.IdentityProvider({
    entityID: 'https://sts.windows.net/bench/',
    privateKey: options.idp.privateKeyPem,
    signingCert: options.idp.certificatePem,
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    singleSignOnService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: 'http://idp.bench/saml2' },
    ],
    singleLogoutService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: 'http://idp.bench/saml2' },
    ],
  })
  const sp = samlify.ServiceProvider({
    entityID: 'https://idbroker.webex.com/bench',
    privateKey: options.sp.privateKeyPem,
    signingCert: options.sp.certificatePem,
    wantAssertionsSigned: true,
    assertionConsumerService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: 'http://sp.bench/acs' },
    ],
  })
  const statement = attributeStatement(options.claims)
  return {
    async signIn() {
      const request = sp.createLoginRequest(idp, 'redirect') as { id: string; context: string }
      const query = Object.fromEntries(new URL(request.context).searchParams)
      const parsedRequest = await idp.parseLoginRequest(sp, 'redirect', { query })
      const requestId = (parsedRequest.extract as { request?: { id?: string } }).request?.id ?? ''
      const response = await idp.createLoginResponse(
        sp,
        parsedRequest as unknown as Parameters<typeof idp.createLoginResponse>[1],
        'post',
        { email: options.nameId },
        (template: string) => {
          const now = new Date()
          const later = new Date(now.getTime() + 5 * 60_000).toISOString()
          const id = `_${samlify.Utility.base64Encode(String(Math.random())).replace(/[^A-Za-z0-9]/g, '')}`
          // replaceTagsByValue escapes values, so the XML statements go in first.
          const withStatements = template
            .replace('{AuthnStatement}', authnStatement(now.toISOString(), `${id}a`))
            .replace('{AttributeStatement}', statement)
          const context = samlify.SamlLib.replaceTagsByValue(withStatements, {
            ID: id,
            AssertionID: `${id}a`,
            Destination: 'http://sp.bench/acs',
            Audience: 'https://idbroker.webex.com/bench',
            EntityID: 'https://idbroker.webex.com/bench',
            SubjectRecipient: 'http://sp.bench/acs',
            Issuer: 'https://sts.windows.net/bench/',
            IssueInstant: now.toISOString(),
            AssertionConsumerServiceURL: 'http://sp.bench/acs',
            StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
            ConditionsNotBefore: now.toISOString(),
            ConditionsNotOnOrAfter: later,
            SubjectConfirmationDataNotOnOrAfter: later,
            NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
            NameID: options.nameId,
            InResponseTo: requestId,
          })
          return { id, context }
        },
      )
      const parsedResponse = await sp.parseLoginResponse(idp, 'post', {
        body: { SAMLResponse: (response as { context: string }).context },
      })
      return String((parsedResponse.extract as { nameID?: unknown }).nameID)
    },
  }
}
