import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The real, signed Entra samples live outside this repository (some are AGPL): tests read them
 * in place, byte-exact, and never copy them in. They are looked up in SANDBOX_REAL_FIXTURES,
 * then in ../shared/fixtures/real beside the checkout, then in the workspace's shared folder.
 */
function locateFixtures(): string {
  const candidates = [
    process.env.SANDBOX_REAL_FIXTURES,
    fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url)),
    '/work/shared/fixtures/real/',
  ].filter((c): c is string => typeof c === 'string' && c.length > 0)
  const found = candidates.find((c) => existsSync(join(c, 'SOURCES.md')))
  if (!found) {
    throw new Error(
      `The real Entra fixtures were not found (looked in: ${candidates.join(', ')}). Set SANDBOX_REAL_FIXTURES to the folder holding SOURCES.md.`,
    )
  }
  return found
}

export const REAL_FIXTURES_DIR = locateFixtures()

/** Reads one real fixture as text, exactly as stored. */
export function readRealFixture(name: string): string {
  return readFileSync(join(REAL_FIXTURES_DIR, name), 'utf8')
}

export const TERCEN_RESPONSE = 'entra-saml-response.2022.app-cert.tercen.xml'
export const TERCEN_CERTIFICATE = 'entra-app-signing-cert.2022.tercen.pem'
export const WIREAPP_RESPONSE = 'entra-saml-response.2018.tenant-key.wireapp.xml'
export const WIREAPP_METADATA = 'entra-tenant-federation-metadata.2018.wireapp.xml'
