import type { IdpClient } from './clients/idp-client'
import { type CreatedUser, createEntraUser } from './entra-users'
import { readMetadataInput, signingCertificatePem } from './metadata-input'

/** Entra's "Non-gallery application" template ("Create your own application"). */
const NON_GALLERY_TEMPLATE_ID = '8adf8e6e-67b2-4cf2-a259-e3dc5476c621'
/** The custom app's only role, "Default Access". */
const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000'

/** What {@link registerServiceProvider} registers. */
export interface RegisterServiceProviderRequest {
  /** Your SP's metadata: the XML itself, a file path, or an http(s) URL that serves it. */
  readonly metadata: string
  /** User principal names to assign; each is created (with a generated password) when missing. */
  readonly assign?: readonly string[]
  /** The enterprise app's name (default: the SP's entity id). */
  readonly displayName?: string
}

/** A registered SP: what to configure your SP with, and who may sign in. */
export interface RegisteredServiceProvider {
  readonly appId: string
  readonly servicePrincipalId: string
  /** The Microsoft Entra Identifier (the IdP's entity id for this app). */
  readonly entityId: string
  /** The Login URL: Entra's SAML endpoint, where AuthnRequests go. */
  readonly loginUrl: string
  readonly logoutUrl: string
  readonly federationMetadataUrl: string
  readonly federationMetadataXml: string
  /** The app's active SAML signing certificate. */
  readonly signingCertificatePem: string
  /** The assigned users; `password` is set for those this call created. */
  readonly users: readonly (Omit<CreatedUser, 'password'> & { readonly password?: string })[]
}

/**
 * Registers your SAML SP in the Entra emulator as a new non-gallery app, through the same
 * Graph-shaped and sandbox APIs the admin center uses: SAML selected, Identifier and Reply
 * URLs from the metadata upload, the users assigned.
 */
export async function registerServiceProvider(
  client: IdpClient,
  request: RegisterServiceProviderRequest,
): Promise<RegisteredServiceProvider> {
  const xml = await readMetadataInput(request.metadata)
  const entityIdInMetadata = /entityID\s*=\s*"([^"]+)"/.exec(xml)?.[1] ?? 'SAML application'
  const created = await client.instantiate(NON_GALLERY_TEMPLATE_ID, request.displayName ?? entityIdInMetadata)
  const spId = created.servicePrincipal.id
  let saml: Awaited<ReturnType<IdpClient['uploadSpMetadata']>>['saml']
  try {
    await client.enableSaml(spId)
    saml = (await client.uploadSpMetadata(spId, xml)).saml
  } catch (error) {
    // Refused metadata (unreadable, or an Identifier another app has) leaves no half-made app behind.
    await client.deleteServicePrincipal(spId).catch(() => undefined)
    throw error
  }
  const servicePrincipal = await client.servicePrincipal(spId)
  const roleId = servicePrincipal.appRoles[0]?.id ?? DEFAULT_ACCESS_ROLE_ID
  const users: RegisteredServiceProvider['users'][number][] = []
  for (const upn of request.assign ?? []) {
    const existing = await client.userByPrincipalName(upn)
    const user = existing
      ? { id: existing.id, userPrincipalName: existing.userPrincipalName }
      : await createEntraUser(client, { userPrincipalName: upn })
    await client.assign(spId, user.id, roleId)
    users.push(user)
  }
  const federationMetadataXml = await client.federationMetadataXml(spId)
  return {
    appId: created.application.appId,
    servicePrincipalId: spId,
    entityId: saml.setUp.microsoftEntraIdentifier,
    loginUrl: saml.setUp.loginUrl,
    logoutUrl: saml.setUp.logoutUrl,
    federationMetadataUrl: saml.samlCertificates.appFederationMetadataUrl,
    federationMetadataXml,
    signingCertificatePem: signingCertificatePem(federationMetadataXml),
    users,
  }
}
