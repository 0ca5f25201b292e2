import { X509Certificate } from 'node:crypto'
import { z } from 'zod'
import { err, ok, type Result } from '../result'
import {
  createStateFileExclusively,
  readStateFile,
  type StateFileError,
  writeStateFile,
} from '../store/state-file'
import { createSandboxCa, issueLeafCertificate, type SandboxCa } from './certificate-authority'
import { keyPairFromPem, type RsaKeyPair } from './keys'

const storedCertificate = z.object({
  certificatePem: z.string().includes('BEGIN CERTIFICATE'),
  privateKeyPem: z.string().includes('PRIVATE KEY'),
})

const CA_FILE_SPEC = {
  format: 'sso-sandbox/certificate-authority',
  version: 1,
  schema: z.object({ root: storedCertificate, intermediate: storedCertificate }),
}

type StoredCa = z.infer<typeof CA_FILE_SPEC.schema>

function toStored(ca: SandboxCa): StoredCa {
  return {
    root: { certificatePem: ca.root.certificatePem, privateKeyPem: ca.root.key.privateKeyPem },
    intermediate: {
      certificatePem: ca.intermediate.certificatePem,
      privateKeyPem: ca.intermediate.key.privateKeyPem,
    },
  }
}

function fromStored(stored: StoredCa): SandboxCa {
  return {
    root: { certificatePem: stored.root.certificatePem, key: keyPairFromPem(stored.root.privateKeyPem) },
    intermediate: {
      certificatePem: stored.intermediate.certificatePem,
      key: keyPairFromPem(stored.intermediate.privateKeyPem),
    },
  }
}

/** Where the CA lives and how to make one. */
export interface OpenCaOptions {
  /** The CA file, or null for an ephemeral CA that lives only in this process. */
  readonly path: string | null
  readonly now: number
  readonly generateKey: () => Promise<RsaKeyPair>
  /** Discard an existing CA file (the --reset flag). */
  readonly reset?: boolean
  /** Serial numbers of a new CA's two certificates (default: random). */
  readonly serialHex?: () => string
}

/**
 * Loads the sandbox CA, creating it on first start. Both servers share one CA file; when two
 * processes create it at the same moment, both end up with the one that was published first.
 */
export async function openSandboxCa(options: OpenCaOptions): Promise<Result<SandboxCa, StateFileError>> {
  if (options.path !== null && !options.reset) {
    const existing = await readStateFile(options.path, CA_FILE_SPEC)
    if (!existing.ok) return existing
    if (existing.value) return ok(fromStored(existing.value))
  }
  const [rootKey, intermediateKey] = await Promise.all([options.generateKey(), options.generateKey()])
  const created = createSandboxCa(rootKey, intermediateKey, {
    now: options.now,
    serialHex: options.serialHex,
  })
  if (options.path === null) return ok(created)
  if (options.reset) {
    await writeStateFile(options.path, CA_FILE_SPEC, toStored(created))
    return ok(created)
  }
  if (await createStateFileExclusively(options.path, CA_FILE_SPEC, toStored(created))) return ok(created)
  const winner = await readStateFile(options.path, CA_FILE_SPEC)
  if (!winner.ok) return winner
  if (!winner.value) {
    return err({
      code: 'UNREADABLE',
      path: options.path,
      message: `CA file ${options.path} vanished while starting.`,
    })
  }
  return ok(fromStored(winner.value))
}

/**
 * The sandbox CA's certificates (root, then issuing CA) from its file, without creating one
 * when there is none (null then) and without their keys: what a tool that only verifies
 * chains (the SAML inspector) needs.
 */
export async function readSandboxCaCertificates(
  path: string,
): Promise<Result<{ rootPem: string; intermediatePem: string } | null, StateFileError>> {
  const stored = await readStateFile(path, CA_FILE_SPEC)
  if (!stored.ok) return stored
  return ok(
    stored.value
      ? {
          rootPem: stored.value.root.certificatePem,
          intermediatePem: stored.value.intermediate.certificatePem,
        }
      : null,
  )
}

const TLS_FILE_SPEC = {
  format: 'sso-sandbox/tls-identity',
  version: 1,
  schema: storedCertificate,
}

/** A TLS server identity for localhost, as PEM (leaf first, then the issuing CA). */
export interface TlsIdentity {
  readonly certificateChainPem: string
  readonly privateKeyPem: string
}

/**
 * Loads the sandbox's TLS certificate for `localhost`, `127.0.0.1` and `::1`, issuing it from
 * the sandbox CA on first use of `--https`. A certificate close to expiry (or from another
 * CA, after a reset) is replaced.
 */
export async function openTlsIdentity(options: {
  readonly path: string | null
  readonly ca: SandboxCa
  readonly now: number
  readonly generateKey: () => Promise<RsaKeyPair>
}): Promise<Result<TlsIdentity, StateFileError>> {
  const chain = (certificatePem: string): string =>
    `${certificatePem}${options.ca.intermediate.certificatePem}`
  if (options.path !== null) {
    const existing = await readStateFile(options.path, TLS_FILE_SPEC)
    if (!existing.ok) return existing
    const stored = existing.value
    if (stored && isCurrent(stored.certificatePem, options.ca, options.now)) {
      return ok({ certificateChainPem: chain(stored.certificatePem), privateKeyPem: stored.privateKeyPem })
    }
  }
  const issued = issueLeafCertificate(options.ca, {
    profile: 'tls-server',
    commonName: 'localhost',
    organization: 'SSO Rehearsal Sandbox',
    key: await options.generateKey(),
    validityDays: 397,
    now: options.now,
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1', '::1'],
  })
  const stored = { certificatePem: issued.certificatePem, privateKeyPem: issued.key.privateKeyPem }
  if (options.path !== null) await writeStateFile(options.path, TLS_FILE_SPEC, stored)
  return ok({ certificateChainPem: chain(stored.certificatePem), privateKeyPem: stored.privateKeyPem })
}

function isCurrent(certificatePem: string, ca: SandboxCa, now: number): boolean {
  const certificate = new X509Certificate(certificatePem)
  const issuer = new X509Certificate(ca.intermediate.certificatePem)
  const renewBefore = 30 * 86_400_000
  return (
    certificate.checkIssued(issuer) &&
    certificate.verify(issuer.publicKey) &&
    Date.parse(certificate.validTo) - renewBefore > now
  )
}
