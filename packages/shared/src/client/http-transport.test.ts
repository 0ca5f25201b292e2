import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeTransport } from './http-transport'

let server: Server | null = null
const open = new Set<Socket>()
afterEach(async () => {
  // The client's agent keeps its last socket alive; close it so the server can stop.
  for (const socket of open) socket.destroy()
  open.clear()
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()))
  server = null
})

/**
 * An HTTP/1.1 server over raw TCP that keeps each connection alive after its first answer and
 * then drops it the moment a second request arrives on it: what a client meets when the server's
 * keep-alive timer closes an idle socket just as the client reuses it.
 */
function flakyKeepAliveServer(): Promise<{ port: number; connections: () => number }> {
  let connections = 0
  server = createServer((socket: Socket) => {
    open.add(socket)
    connections += 1
    let answered = false
    socket.on('data', () => {
      if (answered) {
        socket.destroy()
        return
      }
      answered = true
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok')
    })
  })
  return new Promise((resolve) =>
    server?.listen(0, '127.0.0.1', () => {
      const address = server?.address()
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        connections: () => connections,
      })
    }),
  )
}

describe('createNodeTransport', () => {
  it('sends a request again on a fresh socket when a kept-alive one was closed under it', async () => {
    const { port, connections } = await flakyKeepAliveServer()
    const transport = createNodeTransport()
    const url = new URL(`http://127.0.0.1:${port}/api/v1/sandbox/reset`)
    const first = await transport({ method: 'POST', url, headers: {}, body: '{}' })
    const second = await transport({ method: 'POST', url, headers: {}, body: '{}' })
    expect([first.status, first.body, second.status, second.body]).toEqual([200, 'ok', 200, 'ok'])
    expect(connections()).toBe(2)
  })

  it('does not retry a fresh socket that fails: the caller hears why', async () => {
    let connections = 0
    server = createServer((socket: Socket) => {
      open.add(socket)
      connections += 1
      socket.on('data', () => socket.destroy())
    })
    const port = await new Promise<number>((resolve) =>
      server?.listen(0, '127.0.0.1', () => {
        const address = server?.address()
        resolve(typeof address === 'object' && address ? address.port : 0)
      }),
    )
    const transport = createNodeTransport()
    await expect(
      transport({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`), headers: {} }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' })
    // A request on a new socket may have been read by the server: it is never sent twice.
    expect(connections).toBe(1)
  })
})
