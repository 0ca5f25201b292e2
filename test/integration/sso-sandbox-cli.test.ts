import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpTutorial } from '../../packages/sandbox/src/tutorial-setup'
import { type CliRun, runCli } from '../support/cli'

/** The package's bin, run from its sources in a child process exactly as `npx sso-sandbox` runs it. */
const BIN = 'packages/sandbox/src/cli/bin.ts'

interface ReadyLine {
  ready: boolean
  dataDir: string | null
  entra: { url: string; tenantId: string; graphToken: string; admin: { userPrincipalName: string } | null }
  webex: {
    url: string
    orgId: string
    adminToken: string
    signOnUrl: string
    scimBaseUrl: string
    scimToken: string
    admin: { email: string; password: string }
  }
}

let server: CliRun
let ready: ReadyLine

// One sandbox for the file: `start --json` in its own process, read from its first stdout line.
beforeAll(async () => {
  server = runCli(BIN, ['start', '--json', '--ephemeral', '--idp-port', '0', '--sp-port', '0'])
  await server.waitFor(/^\{.*\}\n/m, 60_000)
  ready = JSON.parse(server.stdout().split('\n')[0] ?? '') as ReadyLine
})

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL')
  await server.exited
})

describe('sso-sandbox start --json', () => {
  it('prints one line of JSON with both URLs, the ids, every token and both consoles’ administrators, and nothing else on stdout', async () => {
    expect(ready.ready).toBe(true)
    expect(ready.dataDir).toBeNull()
    expect(ready.entra.url).toMatch(/^http:\/\/localhost:\d+$/)
    expect(ready.entra.admin?.userPrincipalName).toMatch(/@/)
    expect(ready.webex.scimBaseUrl).toBe(`${ready.webex.url}/identity/scim/${ready.webex.orgId}/v2`)
    expect(server.stdout().trim().split('\n')).toHaveLength(1)
    const scim = await fetch(`${ready.webex.scimBaseUrl}/Users`, {
      headers: { authorization: `Bearer ${ready.webex.scimToken}` },
    })
    expect(scim.status).toBe(200)
    const graph = await fetch(`${ready.entra.url}/v1.0/users`, {
      headers: { authorization: `Bearer ${ready.entra.graphToken}` },
    })
    expect(graph.status).toBe(200)
  })

  it('serves a headless sign-in through `sso-sandbox login` once the tutorial is set up by API', async () => {
    const setUp = await setUpTutorial(
      { baseUrl: ready.entra.url, token: ready.entra.graphToken },
      { baseUrl: ready.webex.url, token: ready.webex.adminToken },
    )
    const login = runCli(
      BIN,
      [
        'login',
        '--user',
        setUp.username,
        '--start-url',
        ready.webex.signOnUrl,
        '--session-url',
        `${ready.webex.url}/api/v1/session`,
        '--json',
      ],
      { env: { SANDBOX_PASSWORD: setUp.password } },
    )
    expect(await login.exited, login.output()).toBe(0)
    const report = JSON.parse(login.stdout()) as { ok: boolean; session: { user: { userName: string } } }
    expect(report.ok).toBe(true)
    expect(report.session.user.userName.toLowerCase()).toBe(setUp.username.toLowerCase())
  })

  it('closes both servers and exits 0 on SIGTERM', async () => {
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output()).toContain('SIGTERM received')
    await expect(fetch(`${ready.entra.url}/healthz`)).rejects.toThrow()
  })
})
