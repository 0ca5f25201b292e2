import { createPrivateKey } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  type CertificateAuthorities,
  certificateToDer,
  type DecryptionKey,
  idpContextFromMetadata,
  readSandboxCaCertificates,
  readStateFile,
  StartupError,
  statePaths,
} from '@sandbox/shared'
import { z } from 'zod'
import { ApiError, type ContextPart, createIdpClient, requestJson, webexOrgContextOf } from '../index'
import { commandNames } from './cli-host'
import { apiTargetsOf, type FoundSandbox, findRunningSandbox } from './running-record'

/**
 * What the inspector learns from a sandbox: from its data directory, the sandbox CA (to judge
 * chains) and the Webex SP's encryption key (to decrypt what Entra encrypted to it); from the
 * running servers, an Entra app's configuration (`--app`, through the Graph-shaped API) and
 * the Webex org's SSO configuration (`--org`, through the Control Hub API).
 */

export type { ContextPart }

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

async function running(dataDir: string, flag: string): Promise<FoundSandbox> {
  const record = await findRunningSandbox(dataDir)
  if (!record)
    throw new StartupError(
      `${flag} reads the running sandbox's configuration, but no sandbox is running on ${dataDir}. Start one with "${commandNames().start}" (or give --data-dir of the one that runs).`,
    )
  return record
}

function notFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404
}

/** An Entra app of the running sandbox, by service principal id or appId. */
export async function entraAppContext(dataDir: string, id: string): Promise<ContextPart> {
  const record = await running(dataDir, '--app')
  const target = apiTargetsOf(record).idp
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

/** The Webex org of the running sandbox: its entityID, ACS, imported IdP and SSO settings. */
export async function webexOrgContext(dataDir: string, id: string): Promise<ContextPart> {
  const record = await running(dataDir, '--org')
  if (record.sp.orgId !== id)
    throw new StartupError(
      `The running sandbox's Webex org is ${record.sp.orgId}, not ${id}: give --org ${record.sp.orgId}.`,
    )
  return webexOrgContextOf(apiTargetsOf(record).sp)
}
