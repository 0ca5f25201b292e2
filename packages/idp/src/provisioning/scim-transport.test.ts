import {
  droppingServer,
  keepAliveThenDropServer,
  type RawServer,
} from '@sandbox/shared/test-support/keep-alive-server'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeHttpTransport } from './scim-transport'

let server: RawServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const request = { method: 'GET', headers: {}, body: null, timeoutMs: 5_000, maxAnswerBytes: 1024 }

describe('nodeHttpTransport', () => {
  it('sends a SCIM request again on a fresh socket when its kept-alive one was closed under it', async () => {
    server = await keepAliveThenDropServer()
    const url = `http://127.0.0.1:${server.port}/scim/v2/Users?filter=userName%20eq%20%22b%22`
    const first = await nodeHttpTransport(url, request)
    const second = await nodeHttpTransport(url, request)
    expect([first.status, first.text, second.status, second.text]).toEqual([200, 'ok', 200, 'ok'])
    expect(server.connections()).toBe(2)
  })

  it('leaves a failure on a fresh socket to the cycle, which logs and retries it as Entra does', async () => {
    server = await droppingServer()
    await expect(
      nodeHttpTransport(`http://127.0.0.1:${server.port}/scim/v2/Users`, request),
    ).rejects.toMatchObject({
      code: 'ECONNRESET',
    })
    expect(server.connections()).toBe(1)
  })
})
