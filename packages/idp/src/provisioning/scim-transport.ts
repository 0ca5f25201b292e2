import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { staleKeepAliveCheck } from '@sandbox/shared'

/** One SCIM request as the client sends it. */
export interface TransportRequest {
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | null
  readonly timeoutMs: number
  /** Answers longer than this are refused (a `RangeError`). */
  readonly maxAnswerBytes: number
}

/** The answer, read whole. */
export interface TransportAnswer {
  readonly status: number
  readonly text: string
  header(name: string): string | null
}

/** Sends one request and reads its answer; rejects with a `TimeoutError`, a `RangeError` or a socket error (`code`). */
export type ScimTransport = (url: string, request: TransportRequest) => Promise<TransportAnswer>

// Keep-alive connections shared by every job: a cycle sends two requests per user, and
// node:http costs a quarter of fetch's CPU per request on loopback.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 16 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
}

function timeoutError(timeoutMs: number): Error {
  const error = new Error(`no answer within ${timeoutMs} ms`)
  error.name = 'TimeoutError'
  return error
}

/**
 * The default transport: node:http(s) with keep-alive, a whole-request timeout and a size limit.
 * A request whose kept-alive socket the server had just closed goes once more on a fresh socket
 * (staleKeepAliveCheck); the cycle's own retries are for real failures.
 */
export const nodeHttpTransport: ScimTransport = (url, request) => exchange(url, request, false)

function exchange(url: string, request: TransportRequest, retried: boolean): Promise<TransportAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      reject(new TypeError(`unsupported protocol ${target.protocol}`))
      return
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const headers: Record<string, string | number> = { ...request.headers }
    if (request.body !== null) headers['Content-Length'] = Buffer.byteLength(request.body)
    const outgoing = send(target, { method: request.method, headers, agent: agents[target.protocol] })
    const timer = setTimeout(() => outgoing.destroy(timeoutError(request.timeoutMs)), request.timeoutMs)
    const fail = (error: Error) => {
      clearTimeout(timer)
      reject(error)
    }
    const staleReset = staleKeepAliveCheck(outgoing)
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!staleReset(error) || retried) return fail(error)
      clearTimeout(timer)
      exchange(url, request, true).then(resolve, reject)
    })
    outgoing.on('response', (answer: IncomingMessage) => {
      const chunks: Buffer[] = []
      let size = 0
      answer.on('data', (chunk: Buffer) => {
        size += chunk.byteLength
        if (size > request.maxAnswerBytes) {
          outgoing.destroy(new RangeError(`the answer is larger than ${request.maxAnswerBytes} bytes`))
          return
        }
        chunks.push(chunk)
      })
      answer.on('error', fail)
      answer.on('end', () => {
        clearTimeout(timer)
        resolve({
          status: answer.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          header: (name) => {
            const value = answer.headers[name.toLowerCase()]
            return Array.isArray(value) ? (value[0] ?? null) : (value ?? null)
          },
        })
      })
    })
    outgoing.end(request.body ?? undefined)
  })
}
