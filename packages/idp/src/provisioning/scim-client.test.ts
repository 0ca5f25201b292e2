import { createServer, type Server } from 'node:http'
import { manualScheduler } from '@sandbox/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { createScimClient, retryAfterMs } from './scim-client'

const TOKEN = 'secret-token-value-1234'
let server: Server | undefined

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** A loopback server answering with `answers` in turn (then the last one again). */
async function serve(
  answers: { status: number; headers?: Record<string, string>; body?: string }[],
): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = []
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url} ${request.headers.authorization}`)
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)] ?? { status: 500 }
    response
      .writeHead(answer.status, { 'content-type': 'application/scim+json', ...answer.headers })
      .end(answer.body ?? '')
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/scim`, seen }
}

describe('the SCIM client', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('5', 0)).toBe(5000)
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000)
    expect(retryAfterMs('soon', 0)).toBeNull()
    expect(retryAfterMs(null, 0)).toBeNull()
  })

  it('retries 429 and 5xx with back-off (Retry-After when given), recording every attempt', async () => {
    const { url, seen } = await serve([
      { status: 503 },
      { status: 429, headers: { 'Retry-After': '3' } },
      { status: 200, body: '{"totalResults":0}' },
    ])
    const scheduler = manualScheduler()
    const client = createScimClient({
      baseAddress: url,
      token: TOKEN,
      timeoutMs: 2000,
      scheduler,
      now: () => 0,
    })
    const call = await client.request('GET', '/Users')
    expect(call).toMatchObject({ status: 200, body: { totalResults: 0 }, failure: null })
    expect(seen).toHaveLength(3)
    expect(seen[0]).toBe(`GET /scim/Users Bearer ${TOKEN}`)
    expect(scheduler.sleeps).toEqual([1000, 3000])
    expect(call.exchanges.map((x) => [x.attempt, x.status, x.retryInMs])).toEqual([
      [1, 503, 1000],
      [2, 429, 3000],
      [3, 200, null],
    ])
  })

  it('gives up after the last attempt and returns the last answer', async () => {
    const { url } = await serve([{ status: 500 }])
    const scheduler = manualScheduler()
    const client = createScimClient({
      baseAddress: url,
      token: TOKEN,
      timeoutMs: 2000,
      scheduler,
      now: () => 0,
      maxAttempts: 3,
    })
    const call = await client.request('DELETE', '/Users/1')
    expect(call.status).toBe(500)
    expect(call.exchanges).toHaveLength(3)
    expect(scheduler.sleeps).toEqual([1000, 2000])
  })

  it('never retries other answers (a 401 or a 404 is final)', async () => {
    const { url, seen } = await serve([{ status: 401 }])
    const client = createScimClient({
      baseAddress: url,
      token: TOKEN,
      timeoutMs: 2000,
      scheduler: manualScheduler(),
      now: () => 0,
    })
    expect((await client.request('GET', '/Users')).status).toBe(401)
    expect(seen).toHaveLength(1)
  })

  it('redacts the token wherever it would appear in what it records', async () => {
    const { url } = await serve([{ status: 400, body: `{"detail":"bad token ${TOKEN}"}` }])
    const client = createScimClient({
      baseAddress: url,
      token: TOKEN,
      timeoutMs: 2000,
      scheduler: manualScheduler(),
      now: () => 0,
    })
    const call = await client.request('POST', '/Users', { note: TOKEN })
    const recorded = JSON.stringify(call.exchanges)
    expect(recorded).not.toContain(TOKEN)
    expect(call.exchanges[0]?.requestHeaders.Authorization).toBe('Bearer [redacted]')
    expect(call.exchanges[0]?.requestBody).toBe('{"note":"[redacted]"}')
  })

  it('ends an attempt that gets no answer at its timeout, and says so', async () => {
    server = createServer(() => undefined)
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const client = createScimClient({
      baseAddress: url,
      token: TOKEN,
      timeoutMs: 100,
      scheduler: manualScheduler(),
      now: () => 0,
      maxAttempts: 2,
    })
    const call = await client.request('GET', '/Users')
    expect(call).toMatchObject({ status: null, failure: 'timeout', failureMessage: 'no answer within 0.1 s' })
    expect(call.exchanges).toHaveLength(2)
    server.closeAllConnections()
  })
})
