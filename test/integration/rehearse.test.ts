import {
  type RunnerOutput,
  type RunningSandbox,
  rehearse,
  silentOutput,
  startSandbox,
} from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(async () => {
  await sandbox?.close()
})

const target = () => ({
  idp: { baseUrl: sandbox.idp.url, token: sandbox.idp.graphApiToken },
  sp: { baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken },
})

function recordingOutput(): RunnerOutput & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    stepStarted: (i, n, title) => lines.push(`${i}/${n} ${title}`),
    action: (line) => lines.push(line),
    artefact: (name, value) => lines.push(`${name}=${String(value)}`),
    stepFinished: (log) => lines.push(`${log.status} ${log.step}`),
  }
}

describe('pnpm rehearse: the tutorial end to end over real sockets', () => {
  it('runs every step and ends with B.Simon signed in to Webex three ways', async () => {
    const output = recordingOutput()
    const result = await rehearse(target(), { fromScratch: true, output })
    const failed = result.logs.find((l) => l.status === 'failed')
    expect(failed?.problem ?? null).toBeNull()
    expect(result.ok).toBe(true)
    expect(result.logs.map((l) => l.status)).toEqual(Array(7).fill('passed'))
    const last = result.logs[6]?.produced ?? {}
    expect(Object.values(last).join('\n')).toMatch(/b\.simon@contoso\.com via the Webex Sign-on URL/)
    expect(Object.values(last).join('\n')).toMatch(/via "Test this application"/)
    expect(Object.values(last).join('\n')).toMatch(/via the Cisco Webex tile in My Apps/)
    expect(result.logs[2]?.produced.appFederationMetadataUrl).toMatch(/federationmetadata\.xml\?appid=/)
  })

  it('is idempotent: a second run without --from-scratch finds what the first created', async () => {
    const result = await rehearse(target(), { output: silentOutput })
    expect(result.logs.find((l) => l.status === 'failed')?.problem ?? null).toBeNull()
  })

  it('--step N stops after step N, leaving the sandbox at that point', async () => {
    const result = await rehearse(target(), { fromScratch: true, lastStep: 3, output: silentOutput })
    expect(result.ok).toBe(true)
    expect(result.logs).toHaveLength(3)
    const status = await fetch(`${sandbox.sp.url}/api/v1/sso`, {
      headers: { authorization: `Bearer ${sandbox.sp.adminApiToken}` },
    }).then((r) => r.json() as Promise<{ enabled: boolean; pending: unknown }>)
    expect(status).toMatchObject({ enabled: false, pending: null })
  })
})
