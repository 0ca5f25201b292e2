import { describe, expect, it } from 'vitest'
import { readRealFixture, WIREAPP_METADATA } from '../../../../test/support/real-fixtures'
import { readEntityMetadata } from './metadata-reader'
import { BINDING } from './urns'

describe('readEntityMetadata', () => {
  it('reads the real Entra tenant metadata: default namespace, two RoleDescriptors, two signing keys', () => {
    const result = readEntityMetadata(readRealFixture(WIREAPP_METADATA))
    if (!result.ok) throw new Error(result.error.message)
    const metadata = result.value
    expect(metadata.entityId).toBe('https://sts.windows.net/682febe8-021b-4fde-ac09-e60085f05181/')
    expect(metadata.signed).toBe(true)
    expect(metadata.sp).toBeUndefined()
    expect(metadata.idp?.keys).toHaveLength(2)
    expect(metadata.idp?.keys.every((k) => k.use === 'signing')).toBe(true)
    expect(metadata.idp?.singleSignOnServices.map((s) => s.binding)).toEqual([BINDING.redirect, BINDING.post])
    expect(metadata.idp?.singleLogoutServices.map((s) => s.binding)).toEqual([BINDING.redirect])
    expect(metadata.idp?.nameIdFormats).toEqual([])
  })

  it('tolerates a UTF-8 byte order mark, as Entra app metadata has', () => {
    const result = readEntityMetadata(`\uFEFF${readRealFixture(WIREAPP_METADATA)}`)
    expect(result.ok).toBe(true)
  })

  it('reads prefixed SP metadata with several ACS entries and a KeyDescriptor without use', () => {
    const xml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sp.example/">
      <md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="1" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
        <md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>AAAA</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
        <md:NameIDFormat> urn:oasis:names:tc:SAML:2.0:nameid-format:transient </md:NameIDFormat>
        <md:AssertionConsumerService Binding="${BINDING.post}" Location="https://sp.example/acs" index="0"/>
        <md:AssertionConsumerService Binding="${BINDING.post}" Location="https://sp.example/acs2" index="1" isDefault="true"/>
      </md:SPSSODescriptor></md:EntityDescriptor>`
    const result = readEntityMetadata(xml)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.sp).toMatchObject({
      authnRequestsSigned: true,
      wantAssertionsSigned: true,
      nameIdFormats: ['urn:oasis:names:tc:SAML:2.0:nameid-format:transient'],
      keys: [{ use: 'both' }],
      assertionConsumerServices: [
        { location: 'https://sp.example/acs', index: 0, isDefault: undefined },
        { location: 'https://sp.example/acs2', index: 1, isDefault: true },
      ],
    })
  })

  it.each([
    [
      'a DOCTYPE',
      '<!DOCTYPE x><EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
      'METADATA_XML',
    ],
    [
      'a file over 1 MB',
      `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">${' '.repeat(1_100_000)}</EntityDescriptor>`,
      'METADATA_XML',
    ],
    [
      'two entities',
      '<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><EntityDescriptor entityID="a"/><EntityDescriptor entityID="b"/></EntitiesDescriptor>',
      'METADATA_MULTIPLE_ENTITIES',
    ],
    [
      'no entityID',
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><SPSSODescriptor/></EntityDescriptor>',
      'METADATA_NO_ENTITY_ID',
    ],
    [
      'no SAML role',
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
      'METADATA_NO_SAML_ROLE',
    ],
    ['another document', '<html><body>login page</body></html>', 'METADATA_NOT_ENTITY_DESCRIPTOR'],
    ['broken XML', '<EntityDescriptor', 'METADATA_XML'],
  ])('refuses %s with a message', (_label, xml, code) => {
    const result = readEntityMetadata(xml)
    expect(result).toMatchObject({ ok: false, error: { code } })
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10)
  })
})
