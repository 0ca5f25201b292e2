import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/** One request the proxy saw, with the answer it got (or gave). */
export interface RecordedRequest {
  readonly method: string
  /** The path after the proxy's origin, e.g. `/v1/scim/{org}/Users`. */
  readonly path: string
  readonly query: URLSearchParams
  readonly body: unknown
  readonly authorization: string | undefined
  status: number | null
  responseBody: unknown
  /** Set when the proxy answered itself (a fault) instead of forwarding. */
  injected: boolean
}

/** A fault: requests it matches get this answer (or none at all) instead of the target's. */
export interface FaultRule {
  readonly match: (request: { method: string; path: string }) => boolean
  /** How many requests it applies to (default: all). */
  readonly times?: number
  readonly status?: number
  readonly headers?: Record<string, string>
  readonly body?: unknown
  /** Never answer (the client's timeout must end the request). */
  readonly hang?: boolean
}

/** A loopback proxy in front of a SCIM server that records every request and injects faults. */
export interface ScimProxy {
  readonly origin: string
  readonly requests: RecordedRequest[]
  /** The Tenant URL through the proxy for a URL of the real server. */
  via(url: string): string
  fail(rule: FaultRule): void
  clearFaults(): void
  /** Holds every request after the next `after` forwarded ones matching `match`, until released. */
  holdAfter(after: number, match: (request: { method: string; path: string }) => boolean): void
  /** Resolves once `count` requests are held. */
  whenHeld(count: number): Promise<void>
  /** Lets the held requests through to the server (their clients may be gone by then). */
  release(): Promise<void>
  /** Requests matching a method and a path pattern. */
  matching(method: string, path: RegExp): RecordedRequest[]
  close(): Promise<void>
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

const parse = (text: string): unknown => {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Starts a proxy on 127.0.0.1 that forwards to `targetOrigin` (e.g. the SP's base URL). */
export async function startScimProxy(targetOrigin: string): Promise<ScimProxy> {
  const target = new URL(targetOrigin).origin
  const requests: RecordedRequest[] = []
  const faults: { rule: FaultRule; left: number }[] = []
  const sockets = new Set<Socket>()
  let hold: { after: number; match: FaultRule['match'] } | null = null
  const held: (() => Promise<void>)[] = []
  const heldWaiters: { count: number; resolve: () => void }[] = []
  const wakeHeldWaiters = () => {
    for (const w of [...heldWaiters])
      if (held.length >= w.count) {
        heldWaiters.splice(heldWaiters.indexOf(w), 1)
        w.resolve()
      }
  }

  const forward = async (
    record: RecordedRequest,
    request: IncomingMessage,
    text: string,
    response: ServerResponse,
  ) => {
    const headers: Record<string, string> = {}
    for (const name of ['authorization', 'content-type', 'accept', 'if-match'])
      if (typeof request.headers[name] === 'string') headers[name] = request.headers[name] as string
    try {
      const answer = await fetch(`${target}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        ...(text === '' ? {} : { body: text }),
      })
      const body = await answer.text()
      record.status = answer.status
      record.responseBody = parse(body)
      const out: Record<string, string> = {}
      for (const name of ['content-type', 'etag', 'location', 'www-authenticate', 'retry-after'])
        if (answer.headers.get(name)) out[name] = answer.headers.get(name) as string
      if (!response.destroyed) response.writeHead(answer.status, out).end(body)
    } catch (error) {
      if (!response.destroyed) response.writeHead(502).end(String(error))
    }
  }

  const server = createServer(async (request, response) => {
    const text = await readBody(request)
    const url = new URL(request.url ?? '/', 'http://proxy')
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: parse(text),
      authorization: request.headers.authorization,
      status: null,
      responseBody: null,
      injected: false,
    }
    requests.push(record)
    const seen = { method: record.method, path: record.path }
    const fault = faults.find((f) => f.left > 0 && f.rule.match(seen))
    if (fault) {
      fault.left -= 1
      record.injected = true
      if (fault.rule.hang) return
      record.status = fault.rule.status ?? 500
      record.responseBody = fault.rule.body ?? null
      response
        .writeHead(record.status, { 'content-type': 'application/scim+json', ...fault.rule.headers })
        .end(fault.rule.body === undefined ? '' : JSON.stringify(fault.rule.body))
      return
    }
    if (hold?.match(seen)) {
      if (hold.after > 0) hold.after -= 1
      else {
        held.push(() => forward(record, request, text, response))
        wakeHeldWaiters()
        return
      }
    }
    await forward(record, request, text, response)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    origin,
    requests,
    via: (url) => {
      const u = new URL(url)
      return `${origin}${u.pathname}${u.search}`.replace(/\/+$/, '')
    },
    fail: (rule) => faults.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY }),
    clearFaults: () => {
      faults.length = 0
    },
    holdAfter: (after, match) => {
      hold = { after, match }
    },
    whenHeld: (count) =>
      new Promise((resolve) => {
        heldWaiters.push({ count, resolve })
        wakeHeldWaiters()
      }),
    release: async () => {
      hold = null
      await Promise.all(held.splice(0).map((go) => go()))
    },
    matching: (method, path) => requests.filter((r) => r.method === method && path.test(r.path)),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
