import { expect } from 'vitest'
import type { Sandbox } from './sandbox'

export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error'
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'

export interface ScimAnswer {
  readonly status: number
  readonly headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary SCIM JSON.
  readonly json: any
}

/** What the SCIM security tests send and assert, bound to one sandbox (in process, no sockets). */
export interface ScimProbe {
  /** A request with the org's bearer token, unless `headers` replaces it. */
  scim(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ScimAnswer>
  /** Asserts an RFC 7644 error with `status` (and `scimType` when given) that changed nothing. */
  refused(call: () => Promise<ScimAnswer>, status: number, scimType?: string | RegExp): Promise<ScimAnswer>
}

export function scimProbe(sandbox: Sandbox): ScimProbe {
  const scim: ScimProbe['scim'] = async (method, path, body, headers) => {
    const response = await sandbox.sp.app.request(path, {
      method,
      headers: {
        ...(headers ?? { authorization: `Bearer ${sandbox.sp.services.scimToken.current()}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await response.text()
    let json: unknown = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = text
    }
    return { status: response.status, headers: response.headers, json }
  }
  const refused: ScimProbe['refused'] = async (call, status, scimType) => {
    const before = sandbox.sp.store.read()
    const answer = await call()
    expect(answer.status, JSON.stringify(answer.json)).toBe(status)
    expect(answer.json.schemas).toEqual([ERROR_URN])
    expect(answer.json.status).toBe(String(status))
    if (scimType !== undefined) expect(answer.json.scimType, JSON.stringify(answer.json)).toMatch(scimType)
    expect(sandbox.sp.store.read()).toBe(before)
    return answer
  }
  return { scim, refused }
}
