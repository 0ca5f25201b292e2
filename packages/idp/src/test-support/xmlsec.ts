import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where Debian installs the independent verifier the definition of done names. */
export const XMLSEC1 = '/usr/bin/xmlsec1'

/** What xmlsec1 said about a document. */
export interface XmlsecVerdict {
  readonly ok: boolean
  readonly output: string
}

/**
 * Verifies an enveloped signature with xmlsec1 (OpenSSL backend), an implementation that shares
 * no code with the sandbox: `idAttribute` names the signed element (`ns:Local`), and either the
 * signer's certificate (`pubkeyCertPem`) or the CA chain (`trustedPem` + `untrustedPem`) is given.
 */
export function verifyWithXmlsec1(
  xml: string,
  options: { idAttribute: string; pubkeyCertPem?: string; trustedPem?: string; untrustedPem?: string },
): Promise<XmlsecVerdict> {
  const dir = mkdtempSync(join(tmpdir(), 'idp-xmlsec-'))
  const file = (name: string, text: string): string => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  const args = ['--verify', '--id-attr:ID', options.idAttribute]
  if (options.pubkeyCertPem) args.push('--pubkey-cert-pem', file('signer.pem', options.pubkeyCertPem))
  if (options.trustedPem) args.push('--trusted-pem', file('trusted.pem', options.trustedPem))
  if (options.untrustedPem) args.push('--untrusted-pem', file('untrusted.pem', options.untrustedPem))
  args.push(file('document.xml', xml))
  return new Promise((resolve) => {
    execFile(XMLSEC1, args, { timeout: 10_000 }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true })
      resolve({ ok: error === null, output: `${stdout}${stderr}` })
    })
  })
}
