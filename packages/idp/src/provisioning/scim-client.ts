import type { Scheduler } from '@sandbox/shared'
import type { ScimExchange } from '../state/idp-state'
import { nodeHttpTransport, type ScimTransport } from './scim-transport'

/** How the provisioning service talks to one target. */
export interface ScimClientOptions {
  /** The Tenant URL (the SCIM base), e.g. `https://api.ciscospark.com/v1/scim/{orgId}`. */
  readonly baseAddress: string
  readonly token: string
  /** Each attempt's limit. */
  readonly timeoutMs: number
  readonly scheduler: Scheduler
  /** Attempts per request, the first included (default 4: three retries). */
  readonly maxAttempts?: number
  /** Wall-clock time, for Retry-After given as an HTTP date. */
  readonly now: () => number
  /** How requests travel (default: node:http(s) with keep-alive connections). */
  readonly transport?: ScimTransport
}

/** The final answer to a request (after retries), or why there was none. */
export interface ScimCall {
  readonly status: number | null
  readonly body: unknown
  /** `timeout` or `unreachable` when no answer came. */
  readonly failure: 'timeout' | 'unreachable' | null
  /** Said in words: "connection refused", "no answer within 30 s". */
  readonly failureMessage: string | null
  /** Every attempt, token redacted. */
  readonly exchanges: readonly ScimExchange[]
  /** The request as sent ("PATCH /Users/…"), for messages. */
  readonly summary: string
}

/** The SCIM client's interface. */
export interface ScimClient {
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ScimCall>
}

const BASE_BACKOFF_MS = 1000
const MAX_BACKOFF_MS = 60_000
/** Answers longer than this are cut in logs (and refused beyond `MAX_ANSWER_BYTES`). */
const LOGGED_BODY_CHARS = 4096
const MAX_ANSWER_BYTES = 4 * 1024 * 1024

const REDACTED = '[redacted]'

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

function failureOf(error: unknown, timeoutMs: number): { kind: 'timeout' | 'unreachable'; message: string } {
  const named = error as {
    name?: string
    message?: string
    code?: string
    cause?: { code?: string; message?: string }
  }
  if (named.name === 'TimeoutError' || named.name === 'AbortError')
    return { kind: 'timeout', message: `no answer within ${timeoutMs / 1000} s` }
  // node:http puts the socket's code on the error itself, fetch on its cause.
  const code = named.code ?? named.cause?.code
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name does not resolve',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'the host is unreachable',
    UND_ERR_SOCKET: 'the connection closed before an answer',
  }
  return {
    kind: 'unreachable',
    message: (code && known[code]) ?? named.cause?.message ?? named.message ?? 'the request failed',
  }
}

/**
 * A SCIM client that retries 429 and 5xx answers (and failed connections) with exponential
 * back-off, waiting what Retry-After asks when the target says, gives each attempt a timeout,
 * and records every attempt with the bearer token redacted.
 */
export function createScimClient(options: ScimClientOptions): ScimClient {
  const base = options.baseAddress.replace(/\/+$/, '')
  const maxAttempts = options.maxAttempts ?? 4
  const send = options.transport ?? nodeHttpTransport
  const redact = (text: string): string =>
    options.token.length >= 4 ? text.split(options.token).join(REDACTED) : text

  return {
    async request(method, path, body) {
      const url = `${base}${path}`
      const requestBody = body === undefined ? null : JSON.stringify(body)
      const headers: Record<string, string> = {
        Accept: 'application/scim+json',
        ...(requestBody === null ? {} : { 'Content-Type': 'application/scim+json' }),
      }
      const exchanges: ScimExchange[] = []
      const summary = `${method} ${redact(url)}`
      let last: Omit<ScimCall, 'exchanges' | 'summary'> = {
        status: null,
        body: null,
        failure: 'unreachable',
        failureMessage: 'not sent',
      }
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        const began = performance.now()
        let wait: number | null = null
        let exchange: Omit<ScimExchange, 'durationMs' | 'retryInMs'>
        try {
          const response = await send(url, {
            method,
            headers: { ...headers, Authorization: `Bearer ${options.token}` },
            body: requestBody,
            timeoutMs: options.timeoutMs,
            maxAnswerBytes: MAX_ANSWER_BYTES,
          })
          const text = response.text
          let parsed: unknown = text
          try {
            parsed = text === '' ? null : JSON.parse(text)
          } catch {
            /* not JSON: kept as text, and callers treat it as a non-SCIM answer */
          }
          last = { status: response.status, body: parsed, failure: null, failureMessage: null }
          exchange = {
            method,
            url: redact(url),
            requestHeaders: { ...headers, Authorization: `Bearer ${REDACTED}` },
            requestBody: requestBody === null ? null : redact(requestBody),
            status: response.status,
            responseBody: text === '' ? null : redact(text).slice(0, LOGGED_BODY_CHARS),
            failure: null,
            attempt,
          }
          if (response.status === 429 || response.status >= 500)
            wait = retryAfterMs(response.header('retry-after'), options.now())
          else {
            exchanges.push({
              ...exchange,
              durationMs: Math.round(performance.now() - began),
              retryInMs: null,
            })
            break
          }
        } catch (error) {
          const failure = failureOf(error, options.timeoutMs)
          last = { status: null, body: null, failure: failure.kind, failureMessage: failure.message }
          exchange = {
            method,
            url: redact(url),
            requestHeaders: { ...headers, Authorization: `Bearer ${REDACTED}` },
            requestBody: requestBody === null ? null : redact(requestBody),
            status: null,
            responseBody: null,
            failure: redact(failure.message),
            attempt,
          }
        }
        const durationMs = Math.round(performance.now() - began)
        if (attempt === maxAttempts) {
          exchanges.push({ ...exchange, durationMs, retryInMs: null })
          break
        }
        const backoff = Math.min(wait ?? BASE_BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS)
        exchanges.push({ ...exchange, durationMs, retryInMs: backoff })
        await options.scheduler.sleep(backoff)
      }
      return { ...last, exchanges, summary }
    },
  }
}
