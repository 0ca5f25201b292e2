import { afterEach, describe, expect, it } from 'vitest'
import { droppingServer, keepAliveThenDropServer, type RawServer } from '../test-support/keep-alive-server'
import { createNodeTransport } from './http-transport'

let server: RawServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe('createNodeTransport', () => {
  it('sends a request again on a fresh socket when a kept-alive one was closed under it', async () => {
    server = await keepAliveThenDropServer()
    const transport = createNodeTransport()
    const url = new URL(`http://127.0.0.1:${server.port}/api/v1/sandbox/reset`)
    const first = await transport({ method: 'POST', url, headers: {}, body: '{}' })
    const second = await transport({ method: 'POST', url, headers: {}, body: '{}' })
    expect([first.status, first.body, second.status, second.body]).toEqual([200, 'ok', 200, 'ok'])
    expect(server.connections()).toBe(2)
  })

  it('does not retry a fresh socket that fails: the caller hears why', async () => {
    server = await droppingServer()
    const transport = createNodeTransport()
    await expect(
      transport({ method: 'GET', url: new URL(`http://127.0.0.1:${server.port}/`), headers: {} }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' })
    // A request on a new socket may have been read by the server: it is never sent twice.
    expect(server.connections()).toBe(1)
  })
})
