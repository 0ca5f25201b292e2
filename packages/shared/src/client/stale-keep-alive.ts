import type { ClientRequest } from 'node:http'

/**
 * A server closes an idle kept-alive socket on its own clock, and a request written on it just
 * then is reset before any answer: the server never read it, so sending it once more on a fresh
 * socket is safe, and what browsers do. Call this as the request is made; its answer tells, in
 * the request's `error` handler, whether the error is that reset (a reused socket, no answer
 * yet, ECONNRESET or EPIPE) rather than a failure to report.
 */
export function staleKeepAliveCheck(outgoing: ClientRequest): (error: NodeJS.ErrnoException) => boolean {
  let answered = false
  outgoing.once('response', () => {
    answered = true
  })
  return (error) =>
    outgoing.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
}
