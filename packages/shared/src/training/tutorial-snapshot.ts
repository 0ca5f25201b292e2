import { createNodeTransport, type Transport } from '../client/http-transport'
import { readEntityMetadata } from '../saml/metadata-reader'
import { type EntraProvisioningSnapshot, readEntraProvisioning, roleShownAs } from './provisioning-snapshot'

/** One server's admin API, as the tutorial state reads it (read-only GETs, bearer token). */
export interface AdminApiSource {
  readonly baseUrl: string
  readonly token: string
}

/** Where the tutorial state reads from; a console passes the other server's API and its own. */
export interface TutorialStateSources {
  /** null when that server does not run alongside (a server started on its own). */
  readonly entra: AdminApiSource | null
  readonly webex: AdminApiSource | null
  /** Why a null source cannot be read (default: "not running here"). */
  readonly missing?: string
  /** PEM of a root to trust for https (the sandbox CA under --https). */
  readonly ca?: string
  /** Per request; a server slower than this counts as down (default 2 s). */
  readonly timeoutMs?: number
  /** Replaces the HTTP transport (tests; a console calling its own app in-process). */
  readonly transport?: Transport
}

/** What the tutorial needs to know of the Entra side. */
export interface EntraSnapshot {
  /** The issuer Webex must trust (`https://sts.windows.net/{tenant}/`). */
  readonly microsoftEntraIdentifier: string
  readonly clockOffsetSeconds: number
  readonly app: {
    readonly servicePrincipalId: string
    readonly samlSelected: boolean
    readonly identifiers: readonly string[]
    readonly replyUrls: readonly string[]
    readonly signOnUrl: string | null
    /** The attribute the `uid` claim is sourced from, or null when it has none. */
    readonly uidSource: string | null
    readonly signingOption: string
    readonly signingThumbprint: string | null
    readonly signingCertificate: { readonly kind: string; readonly expiration: string } | null
  } | null
  readonly testUser: {
    readonly id: string
    readonly userPrincipalName: string
    readonly accountEnabled: boolean
    readonly assigned: boolean
    /** The role B.Simon is assigned with, as the admin center names it ("User", "Default Access"). */
    readonly assignedRole: string | null
  } | null
  /** Cisco Webex's Provisioning page; null when no provisioning job was saved. */
  readonly provisioning: EntraProvisioningSnapshot | null
}

/** What the tutorial needs to know of the Webex side. */
export interface WebexSnapshot {
  readonly entityId: string | null
  readonly acsUrl: string | null
  readonly signOnUrl: string
  readonly ssoEnabled: boolean
  /** The IdP whose metadata was imported (active configuration first, else the pending one). */
  readonly idpEntityId: string | null
  readonly trustMode: string | null
  readonly trustedThumbprints: readonly string[]
  readonly lastTest: { readonly status: string; readonly code: string | null } | null
  readonly webexUser: {
    readonly id: string
    readonly email: string
    readonly active: boolean
    /** How the user came to be: "manual" (Control Hub), "scim" (provisioned) or "jit". */
    readonly source: string
  } | null
  /** The fingerprints (`sha256:…`) of every SCIM token that works now, never the tokens. */
  readonly scimTokenFingerprints: readonly string[]
  /** When b.simon@contoso.com last signed in to Webex with SSO (Test SSO Connection aside); null: never since the reset. */
  readonly testUserLastSignInAt: string | null
}

/** A server's snapshot, or why it could not be read (down, slow, refusing the token). */
export type ServerReading<T> =
  | { readonly up: true; readonly snapshot: T }
  | { readonly up: false; readonly reason: string }

/** The tutorial's names the state looks for. */
export const TUTORIAL_NAMES = {
  galleryApp: 'Cisco Webex',
  testUserPrincipalName: 'B.Simon@contoso.com',
  webexUserEmail: 'b.simon@contoso.com',
  uidSource: 'user.userprincipalname',
} as const

type Get = (path: string) => Promise<unknown>

function getter(source: AdminApiSource, transport: Transport, label: string): Get {
  return async (path) => {
    const url = new URL(path, source.baseUrl)
    const response = await transport({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${source.token}` },
    })
    if (response.status !== 200)
      throw new Error(`${label} answered HTTP ${response.status} to GET ${url.pathname}`)
    return JSON.parse(response.body) as unknown
  }
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`
const filter = (expression: string) => `$filter=${encodeURIComponent(expression)}`

interface SamlPageShape {
  preferredSingleSignOnMode?: string | null
  basicSamlConfiguration: {
    identifiers: { value: string }[]
    replyUrls: { url: string }[]
    signOnUrl: string | null
  }
  attributesAndClaims: { claims: { name: string; source: { kind: string; attribute?: string } }[] }
  samlCertificates: {
    certificates: { thumbprint: string; kind: string; expiration: string }[]
    signingThumbprint: string | null
    signingOption: string
  }
}

async function readEntra(get: Get): Promise<EntraSnapshot> {
  const [tenant, clock, apps, users] = (await Promise.all([
    get('/sandbox/api/tenant'),
    get('/sandbox/api/clock'),
    get(`/v1.0/servicePrincipals?${filter(`displayName eq ${quote(TUTORIAL_NAMES.galleryApp)}`)}`),
    get(
      `/v1.0/users?${filter(`userPrincipalName eq ${quote(TUTORIAL_NAMES.testUserPrincipalName)}`)}&$select=id,userPrincipalName,accountEnabled`,
    ),
  ])) as [
    { microsoftEntraIdentifier: string },
    { offsetSeconds: number },
    { value: { id: string }[] },
    { value: { id: string; userPrincipalName: string; accountEnabled?: boolean }[] },
  ]
  const spId = apps.value[0]?.id
  const user = users.value[0]
  const [page, assigned, servicePrincipal, provisioning] = spId
    ? ((await Promise.all([
        get(`/sandbox/api/servicePrincipals/${encodeURIComponent(spId)}/saml`),
        get(`/v1.0/servicePrincipals/${encodeURIComponent(spId)}/appRoleAssignedTo`),
        get(`/v1.0/servicePrincipals/${encodeURIComponent(spId)}?$select=id,appRoles`),
        readEntraProvisioning(get, spId, user?.id ?? null),
      ])) as [
        SamlPageShape,
        { value: { principalId: string; appRoleId: string }[] },
        { appRoles?: { id: string; displayName?: string; value?: string | null }[] },
        EntraProvisioningSnapshot | null,
      ])
    : [undefined, undefined, undefined, null]
  const assignment = user ? assigned?.value.find((a) => a.principalId === user.id) : undefined
  const uid = page?.attributesAndClaims.claims.find((c) => c.name === 'uid')
  const certificates = page?.samlCertificates
  const active = certificates?.certificates.find((c) => c.thumbprint === certificates.signingThumbprint)
  return {
    microsoftEntraIdentifier: tenant.microsoftEntraIdentifier,
    clockOffsetSeconds: clock.offsetSeconds,
    app:
      spId && page && certificates
        ? {
            servicePrincipalId: spId,
            samlSelected: page.preferredSingleSignOnMode === 'saml',
            identifiers: page.basicSamlConfiguration.identifiers.map((i) => i.value),
            replyUrls: page.basicSamlConfiguration.replyUrls.map((r) => r.url),
            signOnUrl: page.basicSamlConfiguration.signOnUrl,
            uidSource: uid?.source.kind === 'attribute' ? (uid.source.attribute ?? null) : null,
            signingOption: certificates.signingOption,
            signingThumbprint: certificates.signingThumbprint,
            signingCertificate: active ? { kind: active.kind, expiration: active.expiration } : null,
          }
        : null,
    testUser: user
      ? {
          id: user.id,
          userPrincipalName: user.userPrincipalName,
          accountEnabled: user.accountEnabled !== false,
          assigned: assignment !== undefined,
          assignedRole: assignment
            ? roleShownAs(assignment.appRoleId, servicePrincipal?.appRoles ?? [])
            : null,
        }
      : null,
    provisioning,
  }
}

interface SsoShape {
  enabled: boolean
  pending: { idpEntityId: string; trustMode: string; signingCertificates?: { thumbprint: string }[] } | null
  active: { idpEntityId: string; trustMode: string; signingCertificates?: { thumbprint: string }[] } | null
  lastTest?: { status: string; code: string | null } | null
}

async function readWebex(get: Get, getText: (path: string) => Promise<string>): Promise<WebexSnapshot> {
  const [org, sso, users, metadataXml, tokens, signIns] = (await Promise.all([
    get('/api/v1/org'),
    get('/api/v1/sso'),
    get(`/api/v1/users?search=${encodeURIComponent(TUTORIAL_NAMES.webexUserEmail)}`),
    getText('/api/v1/sso/sp-metadata'),
    get('/api/v1/scim/tokens'),
    get('/api/v1/sign-ins'),
  ])) as [
    { signOnUrl: string },
    SsoShape,
    { items: { id: string; email: string; active: boolean; source: string }[] },
    string,
    { items: { fingerprint: string }[] },
    { attempts: { at: string; purpose: string; outcome: string; user: string | null }[] },
  ]
  const metadata = readEntityMetadata(metadataXml)
  const idp = sso.active ?? sso.pending
  const user = users.items.find((u) => u.email.toLowerCase() === TUTORIAL_NAMES.webexUserEmail)
  return {
    entityId: metadata.ok ? metadata.value.entityId : null,
    acsUrl: metadata.ok ? (metadata.value.sp?.assertionConsumerServices[0]?.location ?? null) : null,
    signOnUrl: org.signOnUrl,
    ssoEnabled: sso.enabled,
    idpEntityId: idp?.idpEntityId ?? null,
    trustMode: idp?.trustMode ?? null,
    trustedThumbprints: (idp?.signingCertificates ?? []).map((c) => c.thumbprint.toUpperCase()),
    lastTest: sso.lastTest ? { status: sso.lastTest.status, code: sso.lastTest.code } : null,
    webexUser: user ? { id: user.id, email: user.email, active: user.active, source: user.source } : null,
    scimTokenFingerprints: tokens.items.map((t) => t.fingerprint),
    // The log is oldest first.
    testUserLastSignInAt:
      signIns.attempts.findLast(
        (a) =>
          a.purpose === 'sign-in' &&
          a.outcome === 'success' &&
          a.user?.toLowerCase() === TUTORIAL_NAMES.webexUserEmail,
      )?.at ?? null,
  }
}

async function reading<T>(label: string, read: () => Promise<T>): Promise<ServerReading<T>> {
  try {
    return { up: true, snapshot: await read() }
  } catch (error) {
    return { up: false, reason: `${label} could not be read: ${(error as Error).message}` }
  }
}

const absent = async <T>(reason: string): Promise<ServerReading<T>> => ({ up: false, reason })

/** Reads both servers at once, read-only; a server that fails or is slow is reported down. */
export async function readServerSnapshots(
  sources: TutorialStateSources,
): Promise<{ entra: ServerReading<EntraSnapshot>; webex: ServerReading<WebexSnapshot> }> {
  const transport =
    sources.transport ??
    createNodeTransport({ timeoutMs: sources.timeoutMs ?? 2000, ...(sources.ca ? { ca: sources.ca } : {}) })
  const missing = sources.missing ?? 'not running here'
  const entraSource = sources.entra
  const webexSource = sources.webex
  const [entra, webex] = await Promise.all([
    entraSource
      ? reading(`Entra (${entraSource.baseUrl})`, () =>
          readEntra(getter(entraSource, transport, `Entra (${entraSource.baseUrl})`)),
        )
      : absent<EntraSnapshot>(missing),
    webexSource
      ? reading(`Webex (${webexSource.baseUrl})`, () =>
          readWebex(getter(webexSource, transport, `Webex (${webexSource.baseUrl})`), async (path) => {
            const url = new URL(path, webexSource.baseUrl)
            const response = await transport({
              method: 'GET',
              url,
              headers: { authorization: `Bearer ${webexSource.token}` },
            })
            if (response.status !== 200)
              throw new Error(`Webex answered HTTP ${response.status} to GET ${url.pathname}`)
            return response.body
          }),
        )
      : absent<WebexSnapshot>(missing),
  ])
  return { entra, webex }
}
