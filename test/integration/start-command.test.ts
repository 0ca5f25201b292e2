import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type CliRun, runCli } from '../support/cli'

const running: CliRun[] = []
afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null) run.child.kill('SIGKILL')
    await run.exited
  }
})

function start(args: readonly string[]): CliRun {
  const run = runCli('scripts/start.ts', args)
  running.push(run)
  return run
}

function urlsOf(output: string): { idp: string; sp: string } {
  const idp = /Entra admin center\s+(http\S+?)\/\n/.exec(output)?.[1]
  const sp = /Webex Control Hub\s+(http\S+?)\/admin\n/.exec(output)?.[1]
  if (!idp || !sp) throw new Error(`no URLs in:\n${output}`)
  return { idp, sp }
}

describe('pnpm start', () => {
  it('starts both servers on free ports, prints the real URLs and first steps, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'start-'))
    const run = start(['--idp-port', '0', '--sp-port', '0', '--data-dir', dataDir])
    await run.waitFor(/Sandbox ready in \d+ ms/)
    const output = run.output()
    const { idp, sp } = urlsOf(output)
    expect(idp).toMatch(/^http:\/\/localhost:\d+$/)
    expect(idp).not.toBe('http://localhost:0')
    expect(output).toMatch(/My Apps\s+http:\/\/localhost:\d+\/myapps/)
    expect(output).toMatch(/Webex sign-in\s+http:\/\/localhost:\d+\//)
    expect(output).toMatch(/Entra admin\s+admin@contoso\.com\s+password \S{8,}/)
    const controlHubPassword = /Control Hub admin\s+webexadmin@contoso\.com\s+password (\S{8,})/.exec(
      output,
    )?.[1]
    expect(controlHubPassword).toBeDefined()
    const record = JSON.parse(readFileSync(join(dataDir, 'running.json'), 'utf8'))
    expect(JSON.stringify(record)).toContain(`"password":"${controlHubPassword}"`)
    expect(output).toContain('First steps:')
    for (const base of [idp, sp]) {
      const health = await fetch(`${base}/healthz`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok' })
    }
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)

    // A second start restores the same tenant and org and does not show the password again.
    const again = start(['--idp-port', '0', '--sp-port', '0', '--data-dir', dataDir])
    await again.waitFor(/Sandbox ready/)
    const tenant = (text: string) => /Tenant ID\s+(\S+)/.exec(text)?.[1]
    const org = (text: string) => /Webex org ID\s+(\S+)/.exec(text)?.[1]
    expect(tenant(again.output())).toBe(tenant(output))
    expect(org(again.output())).toBe(org(output))
    expect(again.output()).not.toContain('password')
    expect(again.output()).not.toContain(controlHubPassword)
    expect(again.output()).toMatch(
      /Control Hub admin\s+webexadmin@contoso\.com\s+\(its secret: sp\.controlHubAdmin in /,
    )
  })

  it('reports every configuration problem at once and exits with code 2', async () => {
    const run = start(['--idp-port', '70000', '--sp-port', 'abc', '--host', '0.0.0.0', '--frobnicate'])
    expect(await run.exited).toBe(2)
    const output = run.output()
    expect(output).toContain(
      '--idp-port (or SANDBOX_IDP_PORT) must be a whole number from 0 to 65535; got "70000"',
    )
    expect(output).toContain(
      '--sp-port (or SANDBOX_SP_PORT) must be a whole number from 0 to 65535; got "abc"',
    )
    expect(output).toContain('--host must be a loopback address')
    expect(output).toContain('Unknown option --frobnicate')
  })

  it('stops with a message naming a corrupt state file, and leaves the file untouched', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corrupt-'))
    const first = start(['--idp-port', '0', '--sp-port', '0', '--data-dir', dataDir])
    await first.waitFor(/Sandbox ready/)
    first.child.kill('SIGTERM')
    await first.exited
    const statePath = join(dataDir, 'idp', 'state.json')
    const corrupt = readFileSync(statePath, 'utf8').slice(0, 100)
    writeFileSync(statePath, corrupt)
    const run = start(['--idp-port', '0', '--sp-port', '0', '--data-dir', dataDir])
    expect(await run.exited).toBe(1)
    expect(run.output()).toContain(`State file ${statePath} is not valid JSON`)
    expect(run.output()).not.toMatch(/\n\s+at /)
    expect(readFileSync(statePath, 'utf8')).toBe(corrupt)
  })

  it('serves HTTPS with a certificate from the sandbox CA under --https', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'https-'))
    const run = start(['--idp-port', '0', '--sp-port', '0', '--data-dir', dataDir, '--https'])
    await run.waitFor(/Sandbox ready/)
    const { idp } = urlsOf(run.output())
    expect(idp).toMatch(/^https:\/\/localhost:\d+$/)
    const ca = JSON.parse(readFileSync(join(dataDir, 'ca', 'sandbox-ca.json'), 'utf8')) as {
      data: { root: { certificatePem: string } }
    }
    const rootPem = ca.data.root.certificatePem
    const { status, peer } = await new Promise<{ status: number; peer: X509Certificate }>(
      (resolve, reject) => {
        const req = request(
          `${idp.replace('localhost', '127.0.0.1')}/healthz`,
          { ca: rootPem, servername: 'localhost' },
          (res) => {
            const socket = res.socket as import('node:tls').TLSSocket
            resolve({
              status: res.statusCode ?? 0,
              peer: new X509Certificate(socket.getPeerCertificate(false).raw),
            })
            res.resume()
          },
        )
        req.on('error', reject)
        req.end()
      },
    )
    expect(status).toBe(200)
    expect(peer.subjectAltName).toContain('DNS:localhost')
    expect(peer.checkHost('localhost')).toBe('localhost')
  })
})
