import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildIdpMetadata,
  buildSpMetadata,
  IDP,
  SP,
  type TestSigner,
  testSigners,
} from '../test-support/saml-messages'
import { idpContextFromMetadata, readCertificateFile, spContextFromMetadata } from './context-sources'

let idp: TestSigner
let sp: TestSigner
beforeAll(async () => {
  ;({ idp, sp } = await testSigners())
})

const origin = { kind: 'idp-metadata', label: 'entra.xml' } as const

describe('context from files', () => {
  it('reads a certificate as PEM, base64 or DER, and refuses what is not one', () => {
    const der = Buffer.from(idp.base64, 'base64')
    for (const bytes of [Buffer.from(idp.certificatePem), Buffer.from(idp.base64), der])
      expect(readCertificateFile(bytes)).toEqual({ ok: true, value: idp.trusted })
    expect(readCertificateFile(Buffer.from('hello'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('expected a PEM file'),
    })
  })

  it('turns IdP metadata into the IdP entityID, SSO URL and signing certificates', () => {
    expect(idpContextFromMetadata(buildIdpMetadata(idp), origin)).toEqual({
      ok: true,
      value: {
        idpEntityId: { value: IDP.entityId, origin },
        idpSsoUrls: { value: [IDP.ssoUrl], origin },
        idpSigners: { value: [idp.trusted], origin },
      },
    })
  })

  it('turns SP metadata into the SP entityID, ACS URL and signing certificate', () => {
    const spOrigin = { kind: 'sp-metadata', label: 'webex.xml' } as const
    expect(spContextFromMetadata(buildSpMetadata(sp), spOrigin)).toEqual({
      ok: true,
      value: {
        spEntityId: { value: SP.entityId, origin: spOrigin },
        acsUrls: { value: [SP.acsUrl], origin: spOrigin },
        spSigners: { value: [sp.trusted], origin: spOrigin },
      },
    })
  })

  it('says which flag to use when the metadata is of the other side, and why unreadable metadata is', () => {
    expect(idpContextFromMetadata(buildSpMetadata(sp), origin)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--sp-metadata'),
    })
    expect(spContextFromMetadata(buildIdpMetadata(idp), origin)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--idp-metadata'),
    })
    expect(idpContextFromMetadata('<!DOCTYPE x><x/>', origin)).toMatchObject({
      ok: false,
      error: expect.stringContaining('DOCTYPE'),
    })
  })
})
