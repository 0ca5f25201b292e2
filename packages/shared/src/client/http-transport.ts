import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { staleKeepAliveCheck } from './stale-keep-alive'

/** One HTTP exchange, as the headless browser needs it. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

export interface TransportResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** Sends requests; swap it for an in-process one (e.g. a Hono app's fetch) in tests. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

/** A response larger than this is refused: no sandbox page comes close. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024

/**
 * A keep-alive HTTP(S) transport over node:http, lighter than fetch on the sign-in hot path.
 * `ca` adds trusted roots for https (the sandbox root CA under --https).
 */
export function createNodeTransport(options: { ca?: string; timeoutMs?: number } = {}): Transport {
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 })
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    maxSockets: 64,
    ...(options.ca ? { ca: options.ca } : {}),
  })
  const timeoutMs = options.timeoutMs ?? 15_000
  return (req) => exchange(req, false)

  /** One exchange; `retried` once a kept-alive socket was closed under it (see staleKeepAliveCheck). */
  function exchange(req: TransportRequest, retried: boolean): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const secure = req.url.protocol === 'https:'
      const send = secure ? httpsRequest : httpRequest
      const outgoing = send(
        req.url,
        {
          method: req.method,
          headers: {
            ...req.headers,
            ...(req.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(req.body)) }),
          },
          agent: secure ? httpsAgent : httpAgent,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > MAX_RESPONSE_BYTES) {
              res.destroy(new Error(`response from ${req.url.origin} exceeds ${MAX_RESPONSE_BYTES} bytes`))
              return
            }
            chunks.push(chunk)
          })
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          )
          res.on('error', reject)
        },
      )
      const staleReset = staleKeepAliveCheck(outgoing)
      outgoing.on('timeout', () =>
        outgoing.destroy(new Error(`no answer from ${req.url.origin} within ${timeoutMs} ms`)),
      )
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (staleReset(error) && !retried) exchange(req, true).then(resolve, reject)
        else reject(error)
      })
      outgoing.end(req.body)
    })
  }
}

/**
 * A transport that calls `fetch`-style handlers in-process by origin (Hono apps' `fetch`),
 * for tests that need no sockets.
 */
export function createInProcessTransport(
  handlers: Readonly<Record<string, (request: Request) => Response | Promise<Response>>>,
): Transport {
  return async (req) => {
    const handler = handlers[req.url.origin]
    if (!handler) throw new Error(`no in-process server for ${req.url.origin}`)
    const response = await handler(
      new Request(req.url, {
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
      }),
    )
    const headers: IncomingHttpHeaders = {}
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') headers[key] = value
    })
    const cookies = response.headers.getSetCookie()
    if (cookies.length > 0) headers['set-cookie'] = cookies
    return { status: response.status, headers, body: await response.text() }
  }
}
