import { requirePythonModule, startPythonPeer } from '../support/python-peer'
import { describeInteropWith, type PeerVerdict } from '../support/saml-peer'

/**
 * OneLogin's python3-saml (Debian python3-onelogin-saml2), strict mode, configured by its metadata
 * parser. Its AuthnRequest asks for NameID format unspecified, which Entra answers with a pairwise ID.
 */
describeInteropWith('python3-saml', () => {
  requirePythonModule('onelogin.saml2', 'python3-onelogin-saml2')
  const python = startPythonPeer('onelogin_sp.py')
  const sp = {
    entityId: 'https://python3-saml-sp.example/metadata',
    acsUrl: 'https://python3-saml-sp.example/acs',
  }
  return {
    sp,
    expectedNameId: 'pairwise',
    async configure(metadataXml) {
      await python.call('configure', { metadataXml, ...sp })
    },
    authnRequest: () => python.call('authnRequest'),
    acs: (samlResponse, requestId) => python.call<PeerVerdict>('acs', { samlResponse, requestId }),
    close: () => python.close(),
  }
})
