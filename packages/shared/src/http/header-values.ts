import type { MiddlewareHandler } from 'hono'

/**
 * What Node's HTTP layer writes in a header value: HTAB, space, visible ASCII and the bytes
 * 0x80–0xFF. Anything else (a control character, a character above U+00FF) makes `writeHead`
 * throw after the app has answered, and the Node adapter then sends its raw error text.
 */
const SENDABLE = /^[\t\x20-\x7e\x80-\xff]*$/

/** Whether Node can write `value` as a header value. */
export function isSendableHeaderValue(value: string): boolean {
  return SENDABLE.test(value)
}

const LONE_SURROGATE = /^[\uD800-\uDFFF]$/

/**
 * A URL as a Location header carries it: every character outside visible ASCII (space, controls,
 * non-ASCII) percent-encoded as UTF-8, a lone surrogate as U+FFFD. Visible ASCII is kept as it
 * is, so an already-encoded URL is unchanged.
 */
export function locationHeaderValue(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (character) =>
    encodeURIComponent(LONE_SURROGATE.test(character) ? '\uFFFD' : character),
  )
}

/**
 * `Content-Disposition: attachment` for a file name taken from input (an app's display name):
 * an ASCII `filename` with quotes, backslashes, path separators and control characters replaced,
 * and, when the name is not plain ASCII, the exact name as RFC 6266's `filename*` (UTF-8).
 */
export function attachmentDisposition(fileName: string): string {
  const cleaned = fileName.replace(/[\p{Cc}\p{Cs}/\\]/gu, '_').trim() || 'download'
  const ascii = cleaned.replace(/[^\x20-\x7e]|["%]/g, '_')
  if (ascii === cleaned) return `attachment; filename="${ascii}"`
  const encoded = encodeURIComponent(cleaned).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/**
 * Refuses to let a response with an unsendable header value leave the app: the header is dropped
 * and the error reaches the app's `onError` (a generic 500 and a log line naming the header)
 * instead of Node's adapter writing its own error text after the fact. It also makes such a
 * defect visible to in-process tests (`app.request`), which never go through Node's header check.
 */
export function sendableHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const unsendable = [...c.res.headers]
      .filter(([, value]) => !isSendableHeaderValue(value))
      .map(([name]) => name)
    if (unsendable.length === 0) return
    // onError's answer inherits this response's headers; it must not inherit the bad one.
    for (const name of unsendable) c.res.headers.delete(name)
    throw new Error(`the response's ${unsendable.join(', ')} header carries a character Node cannot send`)
  }
}
