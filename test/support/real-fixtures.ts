import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The real, signed Entra samples live outside this repository (some are AGPL): tests read them
 * in place, byte-exact, and never copy them in. They are in SANDBOX_REAL_FIXTURES when it is
 * set, else in `../shared/fixtures/real` beside the checkout, and nowhere else: a folder found by
 * luck elsewhere on one machine would make the suite pass there and fail on every other.
 */
export function locateRealFixtures(envValue: string | undefined, repoRoot: string = REPO_ROOT): string {
  const fromEnv = envValue !== undefined && envValue.length > 0
  const folder = fromEnv ? resolve(envValue) : resolve(repoRoot, '..', 'shared', 'fixtures', 'real')
  if (!existsSync(join(folder, 'SOURCES.md'))) {
    throw new Error(
      fromEnv
        ? `SANDBOX_REAL_FIXTURES is ${envValue}, but ${folder} holds no SOURCES.md: point it at the folder of the real Entra fixtures.`
        : `The real Entra fixtures were not found in ${folder} (../shared/fixtures/real beside the checkout). Put them there, or set SANDBOX_REAL_FIXTURES to the folder holding SOURCES.md.`,
    )
  }
  return folder
}

export const REAL_FIXTURES_DIR = locateRealFixtures(process.env.SANDBOX_REAL_FIXTURES)

/** Reads one real fixture as text, exactly as stored. */
export function readRealFixture(name: string): string {
  return readFileSync(join(REAL_FIXTURES_DIR, name), 'utf8')
}

export const TERCEN_RESPONSE = 'entra-saml-response.2022.app-cert.tercen.xml'
export const TERCEN_CERTIFICATE = 'entra-app-signing-cert.2022.tercen.pem'
export const WIREAPP_RESPONSE = 'entra-saml-response.2018.tenant-key.wireapp.xml'
export const WIREAPP_METADATA = 'entra-tenant-federation-metadata.2018.wireapp.xml'
