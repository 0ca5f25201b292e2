import { signIn } from '@sandbox/shared'
import { createTestIdp, type TestIdp } from '../../packages/idp/src/test-support/harness'
import { setUpSamlApp } from '../../packages/idp/src/test-support/saml-app'

/** A relying party's identifiers, as its own metadata would give them. */
export interface PeerSp {
  readonly entityId: string
  readonly acsUrl: string
}

/** The sandbox IdP (Entra), set up for one independent SAML SP with every default unchanged. */
export interface IdpForPeer {
  readonly idp: TestIdp
  /** The app's Federation Metadata XML, byte for byte as the App Federation Metadata Url serves it. */
  readonly metadataXml: string
  readonly user: { readonly userPrincipalName: string; readonly mail: string; readonly displayName: string }
  /**
   * Signs in as the test user from `startUrl` (the peer's AuthnRequest redirect) through the
   * IdP's real pages and returns the SAMLResponse the IdP posted to the peer's ACS.
   */
  signIn(startUrl: string): Promise<{ readonly xml: string; readonly base64: string }>
}

const PASSWORD = 'Sandbox!Pass1'

/**
 * An Entra tenant with a non-gallery app whose Identifier and Reply URL are the peer's, the
 * default signing certificate (CA-issued), default claims and signing options, and B.Simon
 * assigned: the default set-up a person makes for a new SP.
 */
export async function idpForPeer(peer: PeerSp): Promise<IdpForPeer> {
  const idp = await createTestIdp()
  const { spId, appId } = await setUpSamlApp(idp, {
    name: 'Independent SAML peer',
    entityId: peer.entityId,
    acs: peer.acsUrl,
    assignAdmin: false,
  })
  const user = {
    userPrincipalName: 'B.Simon@contoso.com',
    mail: 'B.Simon@contoso.com',
    displayName: 'B.Simon',
  }
  const created = await idp.services.directory.createUser({
    ...user,
    givenName: 'B.',
    surname: 'Simon',
    password: PASSWORD,
  })
  if (!created.ok) throw new Error(created.error.message)
  const assigned = await idp.services.assignments.assign({
    resourceId: spId,
    principalId: created.value.user.id,
  })
  if (!assigned.ok) throw new Error(assigned.error.message)
  const metadata = await idp.app.request(
    `/${idp.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
  )
  if (metadata.status !== 200) throw new Error(`federation metadata: HTTP ${metadata.status}`)
  return {
    idp,
    // Not text(): it would drop the UTF-8 BOM the real download starts with.
    metadataXml: Buffer.from(await metadata.arrayBuffer()).toString('utf8'),
    user,
    async signIn(startUrl) {
      const result = await signIn({
        startUrl,
        username: user.userPrincipalName,
        password: PASSWORD,
        browser: idp.browser(),
      })
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
      const xml = result.value.samlResponse.xml
      return { xml, base64: Buffer.from(xml, 'utf8').toString('base64') }
    },
  }
}
