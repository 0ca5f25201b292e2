import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'

describe('pnpm sandbox ca export', () => {
  it('writes the root CA as PEM and DER (the same certificate the servers chain to), with its thumbprint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-export-'))
    const pem = runCli('scripts/sandbox.ts', [
      'ca',
      'export',
      '--data-dir',
      join(dir, 'data'),
      '--out',
      join(dir, 'root.pem'),
    ])
    expect(await pem.exited).toBe(0)
    const der = runCli('scripts/sandbox.ts', [
      'ca',
      'export',
      '--format',
      'der',
      '--data-dir',
      join(dir, 'data'),
      '--out',
      join(dir, 'root.cer'),
    ])
    expect(await der.exited).toBe(0)
    const fromPem = new X509Certificate(readFileSync(join(dir, 'root.pem')))
    const fromDer = new X509Certificate(readFileSync(join(dir, 'root.cer')))
    expect(fromPem.raw.equals(fromDer.raw)).toBe(true)
    expect(fromPem.ca).toBe(true)
    expect(fromPem.subject).toContain('CN=SSO Rehearsal Sandbox Root CA')
    const stored = JSON.parse(readFileSync(join(dir, 'data', 'ca', 'sandbox-ca.json'), 'utf8')) as {
      data: { root: { certificatePem: string } }
    }
    expect(new X509Certificate(stored.data.root.certificatePem).raw.equals(fromPem.raw)).toBe(true)
    expect(pem.output()).toContain(`SHA-1 thumbprint    ${fromPem.fingerprint.replace(/:/g, '')}`)
    expect(readFileSync(join(dir, 'root.pem'), 'utf8')).not.toContain('PRIVATE KEY')
    expect(
      execFileSync(
        'openssl',
        ['x509', '-in', join(dir, 'root.cer'), '-inform', 'DER', '-noout', '-subject'],
        { encoding: 'utf8' },
      ),
    ).toContain('SSO Rehearsal Sandbox Root CA')
  })

  it('writes the issuing CA with --issuing: an intermediate that chains to the exported root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-export-'))
    const data = join(dir, 'data')
    const root = runCli('scripts/sandbox.ts', [
      'ca',
      'export',
      '--data-dir',
      data,
      '--out',
      join(dir, 'root.pem'),
    ])
    expect(await root.exited).toBe(0)
    const issuing = runCli('scripts/sandbox.ts', [
      'ca',
      'export',
      '--issuing',
      '--data-dir',
      data,
      '--out',
      join(dir, 'issuing.pem'),
    ])
    expect(await issuing.exited).toBe(0)
    expect(issuing.output()).toContain('Wrote the sandbox issuing CA (PEM)')
    expect(issuing.output()).toContain('--untrusted-pem')
    const certificate = new X509Certificate(readFileSync(join(dir, 'issuing.pem')))
    expect(certificate.ca).toBe(true)
    expect(certificate.subject).toContain('CN=SSO Rehearsal Sandbox Issuing CA')
    expect(readFileSync(join(dir, 'issuing.pem'), 'utf8')).not.toContain('PRIVATE KEY')
    expect(
      execFileSync('openssl', ['verify', '-CAfile', join(dir, 'root.pem'), join(dir, 'issuing.pem')], {
        encoding: 'utf8',
      }),
    ).toContain(': OK')
  })

  it('refuses an unknown format with exit code 2', async () => {
    const run = runCli('scripts/sandbox.ts', ['ca', 'export', '--format', 'p12', '--ephemeral'])
    expect(await run.exited).toBe(2)
    expect(run.output()).toContain('--format must be one of pem, der; got "p12"')
  })
})
