import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The real, signed Entra samples live outside this repository (some are AGPL): tests read them
 * in place, byte-exact, and never copy them in.
 */
export const REAL_FIXTURES_DIR = fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url))

/** Reads one real fixture as text, exactly as stored. */
export function readRealFixture(name: string): string {
  return readFileSync(`${REAL_FIXTURES_DIR}${name}`, 'utf8')
}

export const TERCEN_RESPONSE = 'entra-saml-response.2022.app-cert.tercen.xml'
export const TERCEN_CERTIFICATE = 'entra-app-signing-cert.2022.tercen.pem'
export const WIREAPP_RESPONSE = 'entra-saml-response.2018.tenant-key.wireapp.xml'
export const WIREAPP_METADATA = 'entra-tenant-federation-metadata.2018.wireapp.xml'
