import type { Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { TlsIdentity } from '../pki/ca-store'

/** Where and how to listen. */
export interface ListenOptions {
  /** Loopback only; the sandbox never listens on a public interface. */
  readonly host: string
  /** 0 picks a free port; the real one is reported in {@link RunningHttpServer.port}. */
  readonly port: number
  readonly tls?: TlsIdentity
}

/** A listening server. */
export interface RunningHttpServer {
  readonly port: number
  /**
   * Installs the request handler. Servers listen before their app is built so that the app
   * knows its real port (port 0); until then requests get 503.
   */
  handle(fetch: FetchHandler): void
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then
   * closes idle keep-alive sockets. Resolves when the server is fully closed.
   */
  close(graceMs?: number): Promise<void>
}

/**
 * A request handler (a Hono app's fetch). `env` carries the Node bindings (`incoming`,
 * `outgoing`), so that handlers can read the client's socket address.
 */
export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>

/** Why a server could not listen, in words a user can act on. */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
    this.name = 'ListenError'
  }
}

const notReady: FetchHandler = () => new Response('Starting up, try again in a moment.', { status: 503 })

/** Listens with a Node HTTP or HTTPS server; the handler (a Hono app's fetch) comes later. */
export function listen(options: ListenOptions, label: string): Promise<RunningHttpServer> {
  let handler = notReady
  const server = createAdaptorServer({
    fetch: (request: Request, env?: unknown) => handler(request, env),
    ...(options.tls
      ? {
          createServer: createHttpsServer,
          serverOptions: { cert: options.tls.certificateChainPem, key: options.tls.privateKeyPem },
        }
      : {}),
  }) as Server
  // Keep-alive sockets outlive a benchmark run otherwise; 5 s matches common proxies.
  server.keepAliveTimeout = 5_000
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const advice =
        error.code === 'EADDRINUSE'
          ? `port ${options.port} is already in use. Stop whatever uses it, or pick another port (0 picks a free one).`
          : error.code === 'EACCES'
            ? `permission denied for port ${options.port}; use a port above 1023.`
            : error.message
      reject(
        new ListenError(
          `${label} cannot listen on ${options.host}:${options.port}: ${advice}`,
          error.code ?? 'LISTEN',
        ),
      )
    }
    server.once('error', onError)
    server.listen(options.port, options.host, () => {
      server.off('error', onError)
      const { port } = server.address() as AddressInfo
      resolve({
        port,
        handle: (fetch) => {
          handler = fetch
        },
        close: (graceMs = 5_000) => closeGracefully(server, graceMs),
      })
    })
  })
}

function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs)
    force.unref()
    server.close(() => {
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}
