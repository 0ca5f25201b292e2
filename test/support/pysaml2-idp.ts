import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { issueEntraStyleCertificate, type RsaKeyPair } from '@sandbox/shared'
import { SYSTEM_PYTHON } from './python-peer'

const DRIVER = fileURLToPath(new URL('./pysaml2/idp.py', import.meta.url))

/** Who the pysaml2 IdP says signed in. */
export interface Pysaml2User {
  readonly email: string
  readonly givenName: string
  readonly surname: string
}

/** A pysaml2 IdP (an independent SAML implementation) with its own self-signed key. */
export interface Pysaml2Idp {
  readonly entityId: string
  readonly ssoUrl: string
  /** The IdP's metadata as pysaml2 writes it, for the SP it will answer. */
  metadata(spMetadata: string): Promise<string>
  /** The Response pysaml2 signs for `authnRequestXml` (the SP's AuthnRequest), declaration included. */
  respond(spMetadata: string, authnRequestXml: string, user: Pysaml2User): Promise<string>
  close(): void
}

/** One pysaml2 process for the IdP's lifetime, answering JSON lines in order. */
function startDriver() {
  const child = spawn(SYSTEM_PYTHON, [DRIVER], { stdio: ['pipe', 'pipe', 'pipe'] })
  const waiting: Array<{ resolve: (v: Record<string, string>) => void; reject: (e: Error) => void }> = []
  let stderr = ''
  let buffered = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000)
  })
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end)
      buffered = buffered.slice(end + 1)
      const reply = JSON.parse(line) as Record<string, string>
      const next = waiting.shift()
      if (reply.error) next?.reject(new Error(`pysaml2: ${reply.error}`))
      else next?.resolve(reply)
    }
  })
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`pysaml2 exited (${code}): ${stderr}`))
  })
  return {
    run(request: Record<string, unknown>): Promise<Record<string, string>> {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject })
        child.stdin.write(`${JSON.stringify(request)}\n`)
      })
    },
    stop(): void {
      child.stdin.end()
      child.kill()
    },
  }
}

export function createPysaml2Idp(key: RsaKeyPair, now: number): Pysaml2Idp {
  const workDir = mkdtempSync(join(tmpdir(), 'pysaml2-idp-'))
  const certificate = issueEntraStyleCertificate({ key, now, commonName: 'pysaml2 test IdP' })
  const keyFile = join(workDir, 'idp.key')
  const certFile = join(workDir, 'idp.crt')
  writeFileSync(keyFile, key.privateKeyPem)
  writeFileSync(certFile, certificate.certificatePem)
  const entityId = 'https://pysaml2-idp.test/idp'
  const ssoUrl = 'https://pysaml2-idp.test/sso'
  const common = { entityId, ssoUrl, keyFile, certFile, workDir }
  const driver = startDriver()
  return {
    entityId,
    ssoUrl,
    async metadata(spMetadata) {
      return (await driver.run({ action: 'metadata', ...common, spMetadata })).metadata ?? ''
    },
    async respond(spMetadata, authnRequestXml, user) {
      const samlRequest = Buffer.from(authnRequestXml, 'utf8').toString('base64')
      return (
        (await driver.run({ action: 'response', ...common, spMetadata, samlRequest, user })).response ?? ''
      )
    },
    close() {
      driver.stop()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}
