import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type SandboxCa, summarizeCertificate } from '@sandbox/shared'

/** Formats the root CA can be exported in. */
export type ExportFormat = 'pem' | 'der'

/** Writes the sandbox root CA certificate (never a key) and returns what to tell the user. */
export function exportRootCa(ca: SandboxCa, outFile: string, format: ExportFormat): string {
  const summary = summarizeCertificate(ca.root.certificatePem)
  const path = resolve(outFile)
  writeFileSync(path, format === 'der' ? summary.der : summary.pem)
  return [
    `Wrote the sandbox root CA (${format.toUpperCase()}) to ${path}`,
    `  Subject             ${summary.subject}`,
    `  SHA-1 thumbprint    ${summary.thumbprint}`,
    `  SHA-256 fingerprint ${summary.sha256Fingerprint}`,
    `  Valid until         ${summary.notAfter.toISOString()}`,
    'Trust it only on machines you rehearse on (it signs every sandbox certificate):',
    `  Debian/Ubuntu: sudo cp ${path} /usr/local/share/ca-certificates/sso-sandbox-root.crt && sudo update-ca-certificates`,
    '  Chrome/Chromium: Settings > Privacy and security > Security > Manage certificates > Authorities > Import',
    '  Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import',
    `  macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${path}`,
    `  Windows: certutil -addstore -f Root ${path}`,
  ].join('\n')
}
