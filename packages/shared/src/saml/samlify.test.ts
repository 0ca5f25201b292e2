import { describe, expect, it } from 'vitest'
import { StartupError } from '../startup-error'
import { configureSamlify, loadSchemaValidator, samlifyApi } from './samlify'

describe('samlify boot configuration', () => {
  it('fails start-up with install advice when the schema validator is missing', () => {
    expect(() => loadSchemaValidator('@authenio/samlify-xmllint-wasm-missing')).toThrow(StartupError)
    expect(() => loadSchemaValidator('@authenio/samlify-xmllint-wasm-missing')).toThrow(
      /is not installed\. Run "pnpm install"/,
    )
  })

  it('installs the xmllint-wasm validator, which rejects schema-invalid SAML', async () => {
    await configureSamlify()
    const validator = loadSchemaValidator('@authenio/samlify-xmllint-wasm')
    const invalid =
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="1-starts-with-digit"/>'
    await expect(validator.validate(invalid)).rejects.toThrow('ERR_EXCEPTION_VALIDATE_XML')
    expect(typeof samlifyApi().ServiceProvider).toBe('function')
  }, 20_000)
})
