import type { SpClient, SsoStatus, TestResult } from './clients/sp-client'
import { readMetadataInput } from './metadata-input'

/** What {@link registerIdentityProvider} imports into the Webex emulator. */
export interface RegisterIdentityProviderRequest {
  /** Your IdP's metadata: the XML itself, a file path, or an http(s) URL that serves it. */
  readonly metadata: string
  /** Control Hub's certificate choice: a CA-signed IdP certificate (the default), or allow a self-signed one. */
  readonly trust?: 'ca-signed' | 'self-signed'
  /**
   * Runs Control Hub's Test SSO Connection with this user, then enables SSO as Control Hub
   * allows only after a passed test. Without it the metadata is imported and SSO stays off.
   */
  readonly testWith?: { readonly username: string; readonly password: string }
}

/** Where the Webex side stands after the import (and the test, when one ran). */
export interface RegisteredIdentityProvider {
  readonly status: SsoStatus
  readonly test: TestResult | null
}

/** Imports IdP metadata into Webex through the Control Hub API and, given a test user, enables SSO. */
export async function registerIdentityProvider(
  client: SpClient,
  request: RegisterIdentityProviderRequest,
  signIn: (startUrl: string, username: string, password: string) => Promise<unknown>,
): Promise<RegisteredIdentityProvider> {
  const xml = await readMetadataInput(request.metadata)
  const trust = request.trust === 'self-signed' ? 'self-signed-allowed' : 'ca-signed'
  await client.importIdpMetadata(xml, trust)
  if (!request.testWith) return { status: await client.status(), test: null }
  const { url } = await client.startTest()
  // The test's verdict is Control Hub's, read below; a refused sign-in is one of its outcomes.
  await signIn(url, request.testWith.username, request.testWith.password).catch(() => undefined)
  const test = await client.testResult()
  if (test.status === 'passed') await client.enable()
  return { status: await client.status(), test }
}
