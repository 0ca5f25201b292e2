import { createPrivateKey } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  type AcsPolicy,
  type CertificateAuthorities,
  certificateToDer,
  type DecryptionKey,
  type InspectionContext,
  idpContextFromMetadata,
  readSandboxCaCertificates,
  readStateFile,
  StartupError,
  spContextFromMetadata,
  statePaths,
  type TrustedSigner,
} from '@sandbox/shared'
import { z } from 'zod'
import { ApiError, requestJson } from './clients/api-request'
import { createIdpClient } from './clients/idp-client'
import { createSpClient } from './clients/sp-client'
import { findRunningSandbox, type RunningRecord } from './running-record'

/**
 * What the inspector learns from a sandbox: from its data directory, the sandbox CA (to judge
 * chains) and the Webex SP's encryption key (to decrypt what Entra encrypted to it); from the
 * running servers, an Entra app's configuration (`--app`, through the Graph-shaped API) and
 * the Webex org's SSO configuration (`--org`, through the Control Hub API).
 */

/** Part of a context, merged with the others by the command. */
export type ContextPart = { -readonly [K in keyof InspectionContext]?: InspectionContext[K] }

/** The sandbox CA of a data directory, or null when the directory has none yet. */
export async function sandboxAuthorities(dataDir: string): Promise<CertificateAuthorities | null> {
  const read = await readSandboxCaCertificates(statePaths(dataDir).ca)
  if (!read.ok) throw new StartupError(read.error.message)
  if (!read.value) return null
  const der = (pem: string): Buffer[] => {
    const bytes = certificateToDer(pem)
    return bytes ? [bytes] : []
  }
  return {
    anchors: der(read.value.rootPem),
    intermediates: der(read.value.intermediatePem),
    label: `the sandbox CA (${join(dataDir, 'ca')})`,
  }
}

// Only what decryption needs of the SP's state file, which the SP package owns and writes.
const SP_STATE_KEYS = {
  format: 'sso-sandbox/sp-state',
  version: 1,
  schema: z.object({ encryptionCertificate: z.object({ privateKeyPem: z.string() }) }),
}

/** The sandbox Webex SP's encryption key, or null when the data directory has no SP state. */
export async function sandboxDecryptionKey(dataDir: string): Promise<DecryptionKey | null> {
  const path = statePaths(dataDir).sp
  if (!existsSync(path)) return null
  const read = await readStateFile(path, SP_STATE_KEYS)
  if (!read.ok) throw new StartupError(read.error.message)
  if (!read.value) return null
  return {
    key: createPrivateKey(read.value.encryptionCertificate.privateKeyPem),
    label: `the sandbox Webex SP's encryption key (${path})`,
  }
}

async function running(dataDir: string, flag: string): Promise<RunningRecord> {
  const record = await findRunningSandbox(dataDir)
  if (!record)
    throw new StartupError(
      `${flag} reads the running sandbox's configuration, but no sandbox is running on ${dataDir}. Start one with "pnpm start" (or give --data-dir of the one that runs).`,
    )
  return record
}

function notFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404
}

/** An Entra app of the running sandbox, by service principal id or appId. */
export async function entraAppContext(dataDir: string, id: string): Promise<ContextPart> {
  const record = await running(dataDir, '--app')
  const target = { baseUrl: record.idp.url, token: record.idp.graphApiToken }
  const idp = createIdpClient(target)
  let servicePrincipalId: string
  try {
    servicePrincipalId = (await idp.servicePrincipal(id)).id
  } catch (error) {
    if (!notFound(error)) throw error
    try {
      const path = `/v1.0/servicePrincipals(appId='${encodeURIComponent(id.replaceAll("'", "''"))}')`
      servicePrincipalId = (await requestJson<{ id: string }>(target, { method: 'GET', path })).id
    } catch (again) {
      if (!notFound(again)) throw again
      throw new StartupError(
        `The running sandbox has no Entra app ${id}: give --app the Object ID or Application ID of an enterprise app (GET ${record.idp.url}/v1.0/servicePrincipals lists them).`,
      )
    }
  }
  const page = await idp.samlPage(servicePrincipalId)
  const origin = { kind: 'entra-app', label: `${page.displayName} (${page.appId})` } as const
  const metadata = idpContextFromMetadata(await idp.federationMetadataXml(servicePrincipalId), origin)
  if (!metadata.ok) throw new StartupError(`The app's federation metadata cannot be read: ${metadata.error}`)
  const basic = page.basicSamlConfiguration
  const identifier = basic.identifiers.find((i) => i.isDefault) ?? basic.identifiers[0]
  return {
    idpEntityId: { value: page.setUp.microsoftEntraIdentifier, origin },
    idpSsoUrls: { value: [page.setUp.loginUrl], origin },
    idpSigners: metadata.value.idpSigners,
    ...(identifier ? { spEntityId: { value: identifier.value, origin } } : {}),
    ...(basic.replyUrls.length > 0 ? { acsUrls: { value: basic.replyUrls.map((r) => r.url), origin } } : {}),
  }
}

interface OrgSso {
  readonly enabled: boolean
  readonly pending: ImportedIdp | null
  readonly active: ImportedIdp | null
  readonly settings: {
    readonly clockSkewSeconds: number
    readonly allowSha1: boolean
    readonly requireAssertionSignature: boolean
    readonly allowIdpInitiated: boolean
    readonly matchUserBy: 'uid' | 'nameid'
  }
}

interface ImportedIdp {
  readonly idpEntityId: string
  readonly trustMode: 'ca-signed' | 'self-signed-allowed'
  readonly ssoUrl: string | null
  readonly signingCertificates: readonly { subject: string; thumbprint: string }[]
}

/** The Webex org of the running sandbox: its entityID, ACS, imported IdP and SSO settings. */
export async function webexOrgContext(dataDir: string, id: string): Promise<ContextPart> {
  const record = await running(dataDir, '--org')
  if (record.sp.orgId !== id)
    throw new StartupError(
      `The running sandbox's Webex org is ${record.sp.orgId}, not ${id}: give --org ${record.sp.orgId}.`,
    )
  return webexOrgContextOf({ baseUrl: record.sp.url, token: record.sp.adminApiToken })
}

/** The Webex org's SSO configuration, read through the Control Hub API at `target`. */
export async function webexOrgContextOf(target: { baseUrl: string; token: string }): Promise<ContextPart> {
  const sp = createSpClient(target)
  const [org, sso, spMetadata] = await Promise.all([
    sp.organization(),
    requestJson<OrgSso>(target, { method: 'GET', path: '/api/v1/sso' }),
    sp.spMetadataXml(),
  ])
  const origin = { kind: 'webex-org', label: `${org.name}, ${org.orgId}` } as const
  const own = spContextFromMetadata(spMetadata, origin)
  // Sign-ins use the active configuration; before SSO is enabled, Test SSO Connection uses the pending one.
  const imported = sso.enabled ? sso.active : (sso.pending ?? sso.active)
  const policy: AcsPolicy = {
    skewMs: sso.settings.clockSkewSeconds * 1000,
    allowSha1: sso.settings.allowSha1,
    requireAssertionSignature: sso.settings.requireAssertionSignature,
    allowUnsolicited: sso.settings.allowIdpInitiated,
    matchUserBy: sso.settings.matchUserBy,
    trustMode: imported?.trustMode ?? null,
    label: "the Webex org's SSO settings",
  }
  const signers: TrustedSigner[] = (imported?.signingCertificates ?? []).map((c) => ({
    thumbprint: c.thumbprint,
    subject: c.subject,
    der: null,
  }))
  return {
    spEntityId: { value: org.entityId, origin },
    acsUrls: { value: [org.acsUrl], origin },
    ...(own.ok && own.value.spSigners ? { spSigners: own.value.spSigners } : {}),
    ...(imported
      ? {
          idpEntityId: { value: imported.idpEntityId, origin },
          idpSigners: { value: signers, origin },
          ...(imported.ssoUrl ? { idpSsoUrls: { value: [imported.ssoUrl], origin } } : {}),
        }
      : {}),
    policy,
  }
}
