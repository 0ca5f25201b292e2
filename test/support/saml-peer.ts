import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type IdpForPeer, idpForPeer, type PeerSp } from './peer-idp'

/** What an independent SAML SP library decided about a Response. */
export type PeerVerdict =
  | {
      readonly accepted: true
      readonly nameId: string
      /** Attribute values by the names the library reports (libraries rename some). */
      readonly attributes: Readonly<Record<string, unknown>>
    }
  | { readonly accepted: false; readonly error: string }

/** An independent SAML SP library, as the interop tests drive it. */
export interface SamlPeer {
  readonly sp: PeerSp
  /**
   * The NameID Entra sends for the library's AuthnRequest: the UPN (no NameIDPolicy, or
   * emailAddress), or a pairwise persistent ID (NameIDPolicy unspecified, as Entra answers it).
   */
  readonly expectedNameId: 'upn' | 'pairwise'
  /** Configures the library from the IdP's federation metadata, as its admin would. */
  configure(metadataXml: string): Promise<void>
  /** The library's AuthnRequest: the Redirect-binding URL to the IdP and the request ID. */
  authnRequest(): Promise<{ readonly url: string; readonly requestId: string }>
  /** The library's ACS: the SAMLResponse (base64) it got for `requestId`. */
  acs(samlResponse: string, requestId: string): Promise<PeerVerdict>
  close(): Promise<void>
}

/** The Response's NameID replaced, the signature left as it was. */
function withNameId(xml: string, nameId: string): string {
  const changed = xml.replace(/(<NameID\b[^>]*>)[^<]*(<\/NameID>)/, `$1${nameId}$2`)
  if (changed === xml) throw new Error('the Response has no NameID to change')
  return changed
}

const base64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64')

/**
 * The interop cases every peer runs: configured from the IdP's default app metadata, the
 * library accepts the Response of a real sign-in through the IdP, and refuses it once changed
 * (so acceptance means its signature check passed, not that it made none).
 */
export function describeInteropWith(name: string, startPeer: () => SamlPeer | Promise<SamlPeer>): void {
  let peer: SamlPeer
  let setUp: IdpForPeer

  beforeAll(async () => {
    peer = await startPeer()
    setUp = await idpForPeer(peer.sp)
    await peer.configure(setUp.metadataXml)
  })
  afterAll(async () => {
    await peer?.close()
  })

  describe(`${name} as the SP, configured from the IdP's default app metadata`, () => {
    it('accepts the Response of an SP-initiated sign-in through the IdP (CA-issued certificate, default claims)', async () => {
      const request = await peer.authnRequest()
      const response = await setUp.signIn(request.url)
      expect(response.xml).toContain(`InResponseTo="${request.requestId}"`)
      const verdict = await peer.acs(response.base64, request.requestId)
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ accepted: true })
      if (!verdict.accepted) return
      if (peer.expectedNameId === 'upn') expect(verdict.nameId).toBe(setUp.user.userPrincipalName)
      else expect(verdict.nameId).toMatch(/^[A-Za-z0-9+/]{43}=$/)
      const values = Object.values(verdict.attributes).flat()
      expect(values).toContain(setUp.user.userPrincipalName)
      expect(values).toContain(setUp.user.mail)
      expect(values).toContain(setUp.user.displayName)
    })

    it('refuses the same kind of Response once its NameID is changed after signing', async () => {
      const request = await peer.authnRequest()
      const response = await setUp.signIn(request.url)
      const verdict = await peer.acs(base64(withNameId(response.xml, 'admin@contoso.com')), request.requestId)
      expect(verdict).toMatchObject({ accepted: false, error: expect.stringMatching(/signature/i) })
    })
  })
}
