import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertPortsFree, startSandbox } from './index'

const SNAPSHOT_RUN = join(import.meta.dirname, 'test-support', 'seeded-snapshot.ts')
const AT = '2026-01-01T09:00:00.000Z'
const RUNS = 3

interface Snapshot {
  readonly tenantId: string
  readonly orgId: string
  readonly authnRequestXml: string
  readonly responseXml: string
  readonly federationMetadataXml: string
  readonly spMetadataXml: string
  readonly caPem: string
  readonly intermediatePem: string
}

let keyCache = ''
let workDir = ''
const snapshots: Snapshot[] = []

/** Two free ports outside the range the system hands out, so that every run can reuse them. */
async function fixedPorts(): Promise<[number, number]> {
  for (let candidate = 20_000 + ((process.pid * 37) % 9_000); ; candidate += 2) {
    try {
      await assertPortsFree('localhost', [
        { label: 'idp', port: candidate },
        { label: 'sp', port: candidate + 1 },
      ])
      return [candidate, candidate + 1]
    } catch {
      // Taken: try the next pair.
    }
  }
}

function snapshotInChild(options: object): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', SNAPSHOT_RUN, JSON.stringify(options)],
      { timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`snapshot run failed: ${error.message}\n${stderr}`))
        else resolve(JSON.parse(stdout) as Snapshot)
      },
    )
  })
}

function verifyWithXmlsec1(xml: string, idAttribute: string, certificatePem: string): Promise<string> {
  writeFileSync(join(workDir, 'document.xml'), xml)
  writeFileSync(join(workDir, 'signer.pem'), certificatePem)
  const args = ['--verify', '--id-attr:ID', idAttribute, '--pubkey-cert-pem', join(workDir, 'signer.pem')]
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/xmlsec1', [...args, join(workDir, 'document.xml')], (error, stdout, stderr) => {
      if (error) reject(new Error(`xmlsec1 refused the signature: ${stdout}${stderr}`))
      else resolve(`${stdout}${stderr}`)
    })
  })
}

const firstCertificatePem = (xml: string): string => {
  const base64 = /<(?:ds:)?X509Certificate>([^<]+)</.exec(xml)?.[1] ?? ''
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/\s/g, '').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`
}

beforeAll(async () => {
  keyCache = mkdtempSync(join(tmpdir(), 'sandbox-seeded-keys-'))
  workDir = mkdtempSync(join(tmpdir(), 'sandbox-seeded-xml-'))
  const [idpPort, spPort] = await fixedPorts()
  // One after another: the runs share the ports (URLs are part of the bytes); the first fills the key cache.
  for (let run = 0; run < RUNS; run += 1) {
    snapshots.push(await snapshotInChild({ seed: 'snapshot', at: AT, keyCache, idpPort, spPort }))
  }
}, 300_000)

afterAll(() => {
  rmSync(keyCache, { recursive: true, force: true })
  rmSync(workDir, { recursive: true, force: true })
})

describe('startSandbox({ seed, clock }): deterministic snapshots', () => {
  it('gives byte-identical AuthnRequests, Responses, federation metadata, SP metadata and CA certificates in three fresh processes', () => {
    const [first, ...others] = snapshots
    expect(first?.responseXml).toContain('<samlp:Response')
    expect(first?.federationMetadataXml).toContain('EntityDescriptor')
    for (const other of others) expect(other).toEqual(first)
  })

  it("pins every instant in the Response to the clock's", () => {
    const instants = snapshots[0]?.responseXml.match(/IssueInstant="[^"]+"/g) ?? []
    expect(instants.length).toBeGreaterThan(0)
    for (const instant of instants) expect(instant).toBe(`IssueInstant="${AT}"`)
  })

  it("keeps the snapshot's signatures valid for xmlsec1 (the Response's assertion and the federation metadata)", async () => {
    const snapshot = snapshots[0] as Snapshot
    const signer = firstCertificatePem(snapshot.federationMetadataXml)
    await verifyWithXmlsec1(snapshot.responseXml, 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', signer)
    await verifyWithXmlsec1(
      snapshot.federationMetadataXml,
      'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor',
      signer,
    )
  })

  it('mints other ids, serials and keys under another seed', async () => {
    const snapshot = snapshots[0] as Snapshot
    const other = await startSandbox({ seed: 'another seed', clock: { mode: 'fixed', at: AT }, keyCache })
    try {
      expect(other.entra.tenantId).not.toBe(snapshot.tenantId)
      expect(other.webex.orgId).not.toBe(snapshot.orgId)
      expect(other.runtime.ca.root.certificatePem).not.toBe(snapshot.caPem)
    } finally {
      await other.close()
    }
  })

  it('stays random without a seed: two starts with the same fixed clock mint different ids and CAs', async () => {
    const idsOf = async () => {
      // One after another, so the second start reuses the first one's cached keys.
      const sandbox = await startSandbox({ clock: { mode: 'fixed', at: AT }, keyCache })
      await sandbox.close()
      return [sandbox.entra.tenantId, sandbox.webex.orgId, sandbox.runtime.ca.root.certificatePem]
    }
    const [first, second] = [await idsOf(), await idsOf()]
    for (const [index, value] of (first ?? []).entries()) expect(second?.[index]).not.toBe(value)
    expect(first?.[0]).not.toBe(snapshots[0]?.tenantId)
  })

  it('refuses a fixed clock to advance, and moves a manual one only by advance()', async () => {
    // The snapshots' seed, whose keys are cached by now.
    const fixed = await startSandbox({ seed: 'snapshot', clock: { mode: 'fixed', at: AT }, keyCache })
    const manual = await startSandbox({
      seed: 'snapshot',
      clock: { mode: 'manual', at: Date.parse(AT) },
      keyCache,
    })
    try {
      expect(() => fixed.clock.advance(1_000)).toThrow(/fixed at 2026-01-01T09:00:00.000Z.*mode: 'manual'/)
      expect(fixed.clock.now()).toBe(Date.parse(AT))
      manual.clock.advance(90_000)
      expect(manual.clock.now()).toBe(Date.parse(AT) + 90_000)
      const tenant = await manual.entra.client.tenant()
      expect(tenant.tenantId).toBe(snapshots[0]?.tenantId)
    } finally {
      await Promise.all([fixed.close(), manual.close()])
    }
  })

  it('explains a bad seed, clock or key cache instead of starting', async () => {
    await expect(startSandbox({ seed: 'x', keyCache: false })).rejects.toThrow(/needs the key cache/)
    await expect(startSandbox({ seed: '' })).rejects.toThrow(/non-empty/)
    await expect(startSandbox({ clock: { mode: 'fixed', at: 'next tuesday' } })).rejects.toThrow(
      /ISO 8601 instant/,
    )
  })
})
