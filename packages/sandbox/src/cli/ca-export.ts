import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type SandboxCa, summarizeCertificate } from '@sandbox/shared'
import { commandNames } from './cli-host'

/** Formats a CA certificate can be exported in. */
export type ExportFormat = 'pem' | 'der'

/** Which CA certificate: the root (to trust) or the issuing CA (an intermediate, to chain through). */
export type ExportedCa = 'root' | 'issuing'

/** Writes a sandbox CA certificate (never a key) and returns what to tell the user. */
export function exportCaCertificate(
  ca: SandboxCa,
  which: ExportedCa,
  outFile: string,
  format: ExportFormat,
): string {
  const pem = which === 'root' ? ca.root.certificatePem : ca.intermediate.certificatePem
  const summary = summarizeCertificate(pem)
  const path = resolve(outFile)
  writeFileSync(path, format === 'der' ? summary.der : summary.pem)
  const facts = [
    `Wrote the sandbox ${which === 'root' ? 'root CA' : 'issuing CA'} (${format.toUpperCase()}) to ${path}`,
    `  Subject             ${summary.subject}`,
    `  SHA-1 thumbprint    ${summary.thumbprint}`,
    `  SHA-256 fingerprint ${summary.sha256Fingerprint}`,
    `  Valid until         ${summary.notAfter.toISOString()}`,
  ]
  if (which === 'issuing')
    return [
      ...facts,
      'It issued every sandbox leaf certificate; it is an intermediate, not a root: trust the root',
      `(${commandNames().tools} ca export) and give a relying party this one as an untrusted intermediate, e.g.`,
      `  xmlsec1 --verify --trusted-pem sandbox-root-ca.pem --untrusted-pem ${path} …`,
      '  Windows: certutil -addstore -f CA <file>; other SPs: their intermediate or chain setting.',
      'IdP metadata lists each signing certificate alone, as Entra does, so an SP that checks the',
      'chain must know this CA; the Webex emulator knows it already (GET /api/v1/sso/intermediate-cas).',
    ].join('\n')
  return [
    ...facts,
    'Trust it only on machines you rehearse on (it signs every sandbox certificate):',
    `  Debian/Ubuntu: sudo cp ${path} /usr/local/share/ca-certificates/sso-sandbox-root.crt && sudo update-ca-certificates`,
    '  Chrome/Chromium: Settings > Privacy and security > Security > Manage certificates > Authorities > Import',
    '  Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import',
    `  macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${path}`,
    `  Windows: certutil -addstore -f Root ${path}`,
  ].join('\n')
}
