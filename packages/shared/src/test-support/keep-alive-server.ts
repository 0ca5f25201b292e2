import { createServer, type Server, type Socket } from 'node:net'

/** A raw TCP server a test starts and stops, counting the connections clients open to it. */
export interface RawServer {
  readonly port: number
  connections(): number
  /** Drops every open socket (a client's agent keeps its last one alive) and stops listening. */
  close(): Promise<void>
}

async function listen(onSocket: (socket: Socket) => void): Promise<RawServer> {
  const open = new Set<Socket>()
  let connections = 0
  const server: Server = createServer((socket) => {
    open.add(socket)
    connections += 1
    onSocket(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    connections: () => connections,
    close: () => {
      for (const socket of open) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * HTTP/1.1 over raw TCP that keeps each connection alive after its first answer (200 "ok") and
 * drops it the moment a second request arrives on it: what a client meets when the server's
 * keep-alive timer closes an idle socket just as the client reuses it.
 */
export function keepAliveThenDropServer(): Promise<RawServer> {
  return listen((socket) => {
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
}

/** A server that drops every connection as soon as a request arrives on it. */
export function droppingServer(): Promise<RawServer> {
  return listen((socket) => socket.on('data', () => socket.destroy()))
}
