import { requirePythonModule, startPythonPeer } from '../support/python-peer'
import { describeInteropWith, type PeerVerdict } from '../support/saml-peer'

/** pysaml2 7 (Debian python3-pysaml2), which verifies with xmlsec1 and keeps one certificate per X509Data. */
describeInteropWith('pysaml2', () => {
  requirePythonModule('saml2', 'python3-pysaml2')
  const python = startPythonPeer('pysaml2_sp.py')
  const sp = { entityId: 'https://pysaml2-sp.example/metadata', acsUrl: 'https://pysaml2-sp.example/acs' }
  return {
    sp,
    expectedNameId: 'upn',
    async configure(metadataXml) {
      const read = await python.call<{ identityProviders: string[]; signingCertificates: number }>(
        'configure',
        {
          metadataXml,
          ...sp,
        },
      )
      if (read.identityProviders.length !== 1) throw new Error(`pysaml2 read ${JSON.stringify(read)}`)
    },
    authnRequest: () => python.call('authnRequest'),
    acs: (samlResponse, requestId) => python.call<PeerVerdict>('acs', { samlResponse, requestId }),
    close: () => python.close(),
  }
})
