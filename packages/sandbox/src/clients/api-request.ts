import { createNodeTransport, type Transport } from '@sandbox/shared'

/**
 * The one place the sandbox's scripts talk JSON to a server's admin API. Both servers answer
 * errors as `{error: {code, message, fix?}}` (Graph's shape on the IdP, the same plus a fix on
 * the SP), which becomes an {@link ApiError} that says which call failed and why.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fix: string | undefined,
    readonly call: string,
  ) {
    super(`${call} answered ${status} ${code}: ${detail}`)
    this.name = 'ApiError'
  }
}

export interface ApiTarget {
  readonly baseUrl: string
  readonly token: string
  /** PEM of a root to trust for https (the sandbox CA under `--https`). */
  readonly ca?: string
}

/** One keep-alive transport per trusted root, shared by every client of this process. */
const transports = new Map<string, Transport>()

function transportFor(target: ApiTarget): Transport {
  const key = target.ca ?? ''
  let transport = transports.get(key)
  if (!transport) {
    transport = createNodeTransport(target.ca ? { ca: target.ca } : {})
    transports.set(key, transport)
  }
  return transport
}

interface ApiResponse {
  readonly status: number
  readonly body: string
}

export interface ApiCall {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly path: string
  /** A JSON value, or raw XML text (sent as `application/xml`). */
  readonly body?: unknown
  readonly xml?: string
}

function describeError(call: string, status: number, text: string): ApiError {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string; fix?: string } }
    if (parsed.error?.code)
      return new ApiError(status, parsed.error.code, parsed.error.message ?? '', parsed.error.fix, call)
  } catch {
    /* not JSON: fall through to the raw text */
  }
  return new ApiError(status, `HTTP_${status}`, text.slice(0, 300), undefined, call)
}

async function send(target: ApiTarget, call: ApiCall): Promise<ApiResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}` }
  let body: string | undefined
  if (call.xml !== undefined) {
    headers['content-type'] = 'application/xml'
    body = call.xml
  } else if (call.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(call.body)
  }
  const label = `${call.method} ${call.path}`
  let response: ApiResponse
  try {
    response = await transportFor(target)({
      method: call.method,
      url: new URL(call.path, target.baseUrl),
      headers,
      ...(body === undefined ? {} : { body }),
    })
  } catch (error) {
    throw new ApiError(
      0,
      'UNREACHABLE',
      `${target.baseUrl} did not answer (${(error as Error).message})`,
      'Start the sandbox with "pnpm start".',
      label,
    )
  }
  if (response.status < 200 || response.status > 299)
    throw describeError(label, response.status, response.body)
  return response
}

/** Sends a call and returns its JSON answer (undefined for 204). */
export async function requestJson<T>(target: ApiTarget, call: ApiCall): Promise<T> {
  const response = await send(target, call)
  if (response.status === 204) return undefined as T
  return JSON.parse(response.body) as T
}

/** Sends a call and returns its body as text (downloads: metadata XML, certificates). */
export async function requestText(target: ApiTarget, call: ApiCall): Promise<string> {
  return (await send(target, call)).body
}
