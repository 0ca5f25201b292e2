import { deflateRawSync } from 'node:zlib'
import { encodePostBinding } from '../saml/bindings'
import type { SignInTrace, TracedMessage, TraceStep } from './sign-in-trace'

/** What stands where a secret was. */
export const REDACTED = '[redacted]'

// Keys whose values are secrets wherever they appear: passwords, tokens, cookies, keys.
const SECRET_KEY =
  /^(?:password|passwd|pwd|secret|client_?secret|secret_?text|token|access_?token|refresh_?token|id_?token|bearer|api_?token|scim_?token|authorization|cookie|set-cookie|session_?id|private_?key|key_?pem)$/i
const PRIVATE_KEY_PEM = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g
const COOKIE_PAIR = /\b((?:sandbox|idp|sp|esctx|estsauth\w*|session\w*)[-_]?\w*)=([A-Za-z0-9._~%+/=-]{12,})/gi

/** Percent-encoded as a form body or a query would carry it (`!'()*` too, which encodeURIComponent leaves). */
const urlEncoded = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

function redactText(text: string, known: readonly string[]): string {
  let out = text
    .replace(PRIVATE_KEY_PEM, '[redacted private key]')
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(COOKIE_PAIR, `$1=${REDACTED}`)
  for (const secret of known) {
    if (secret.length < 6) continue
    for (const form of new Set([secret, urlEncoded(secret), JSON.stringify(secret).slice(1, -1)]))
      out = out.split(form).join(REDACTED)
  }
  return out
}

/**
 * A deep copy of `value` without secrets: every value under a secret-named key (password,
 * token, client secret, cookie, authorization, session id, private key), every private key PEM,
 * bearer or basic credential and session cookie found in any text, and every `known` secret
 * (the ones the caller holds, in plain and URL-encoded form) wherever it appears.
 */
export function redactSecrets<T>(value: T, known: readonly string[] = []): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redactText(node, known)
    if (Array.isArray(node)) return node.map(walk)
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {}
      for (const [key, inner] of Object.entries(node))
        out[key] = SECRET_KEY.test(key) && inner !== null ? REDACTED : walk(inner)
      return out
    }
    return node
  }
  return walk(value) as T
}

interface HarEntry {
  readonly startedDateTime: string
  readonly time: number
  readonly request: Record<string, unknown>
  readonly response: Record<string, unknown>
  readonly cache: Record<string, never>
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number }
  readonly _sandboxTrace: { readonly side: string; readonly traceId: string; readonly step: string }
}

function harRequest(message: TracedMessage): Record<string, unknown> {
  const fields: [string, string][] = []
  if (message.binding === 'redirect') {
    fields.push([message.parameter, deflateRawSync(Buffer.from(message.xml, 'utf8')).toString('base64')])
  } else {
    fields.push([message.parameter, encodePostBinding(message.xml)])
  }
  if (message.relayState !== null) fields.push(['RelayState', message.relayState])
  const query = new URLSearchParams(fields).toString()
  const base = { httpVersion: 'HTTP/1.1', headers: [], cookies: [], headersSize: -1 }
  if (message.binding === 'redirect')
    return {
      ...base,
      method: 'GET',
      url: `${message.url}${message.url.includes('?') ? '&' : '?'}${query}`,
      queryString: fields.map(([name, value]) => ({ name, value })),
      bodySize: 0,
    }
  return {
    ...base,
    method: 'POST',
    url: message.url,
    queryString: [],
    postData: { mimeType: 'application/x-www-form-urlencoded', text: query },
    bodySize: query.length,
  }
}

function entryOf(trace: SignInTrace, step: TraceStep & { message: TracedMessage }): HarEntry {
  return {
    startedDateTime: step.at,
    time: 0,
    request: harRequest(step.message),
    response: {
      status: 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: 'text/plain' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _sandboxTrace: { side: trace.side, traceId: trace.id, step: step.title },
  }
}

/** Which of the two sides' copies of one message comes first: the one that sent it. */
const SENDER_FIRST: Readonly<Record<string, number>> = {
  'authn-request-sent': 0,
  'authn-request-received': 1,
  'response-sent': 0,
  'response-received': 1,
}

/**
 * The traces of one sign-in (one side or both) as one HAR 1.2 file, with secrets redacted.
 * Its entries are the SAML messages in the order they crossed the wire, each once even when
 * both sides traced it, so any HAR reader (and the SAML inspector) reads the conversation;
 * the full traces, step by step, are under `log._sandboxTraces`. The SAML messages stay: they
 * are what the file is for, and a sandbox's assertions sign in to nothing real.
 */
export function exportTracesAsHar(
  traces: readonly SignInTrace[],
  options: { readonly creator: string; readonly knownSecrets?: readonly string[] },
): Record<string, unknown> {
  const withMessages = traces.flatMap((trace) =>
    trace.steps.flatMap((step) =>
      step.message ? [{ trace, step: step as TraceStep & { message: TracedMessage } }] : [],
    ),
  )
  withMessages.sort(
    (a, b) =>
      a.step.at.localeCompare(b.step.at) ||
      (SENDER_FIRST[a.step.kind] ?? 0) - (SENDER_FIRST[b.step.kind] ?? 0),
  )
  const seen = new Set<string>()
  const entries: HarEntry[] = []
  for (const { trace, step } of withMessages) {
    const key = `${step.message.parameter}\n${step.message.xml}`
    if (seen.has(key)) continue
    seen.add(key)
    entries.push(entryOf(trace, step))
  }
  const har = {
    log: {
      version: '1.2',
      creator: { name: options.creator, version: '1' },
      comment: 'SSO rehearsal sandbox sign-in trace; passwords, tokens, cookies and private keys redacted.',
      entries,
      _sandboxTraces: traces,
    },
  }
  return redactSecrets(har, options.knownSecrets ?? [])
}

/** The traces of a HAR file this module exported, or null when it is not one. */
export function tracesOfExport(parsed: unknown): SignInTrace[] | null {
  const log = (parsed as { log?: { _sandboxTraces?: unknown } } | null)?.log
  return Array.isArray(log?._sandboxTraces) ? (log._sandboxTraces as SignInTrace[]) : null
}
