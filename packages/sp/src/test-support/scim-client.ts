import { expect } from 'vitest'
import type { TestSp } from './harness'

/** A SCIM answer as tests read it. */
export interface ScimCall {
  readonly status: number
  readonly headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary SCIM JSON.
  readonly json: any
}

/** The two URL flavours a test runs against: Webex's SCIM 2 API and the legacy connector path. */
export const SCIM_FLAVOURS = [
  ['v2', (org: string) => `/identity/scim/${org}/v2`],
  ['legacy', (org: string) => `/v1/scim/${org}`],
] as const

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group'
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
export const CISCO_URN = 'urn:scim:schemas:extension:cisco:webexidentity:2.0:User'
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error'

/** A SCIM request with the org's bearer token through the SP app (HTTP, in process). */
export async function scimRequest(
  t: TestSp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ScimCall> {
  const response = await t.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${t.store.read().scimToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      ...headers,
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

/** A PatchOp body. */
export const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_URN], Operations })

/** Asserts an RFC 7644 §3.12 error answer. */
export function expectScimError(call: ScimCall, status: number, scimType?: string): void {
  expect(call.status, JSON.stringify(call.json)).toBe(status)
  expect(call.headers.get('content-type')).toContain('application/scim+json')
  expect(call.json).toMatchObject({
    schemas: [ERROR_URN],
    status: String(status),
    detail: expect.any(String),
  })
  if (scimType) expect(call.json.scimType).toBe(scimType)
}

/** Creates a user over SCIM (as Entra's Webex connector does: no userType, no emails) and returns its id. */
export async function createScimUser(
  t: TestSp,
  base: string,
  userName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const created = await scimRequest(t, 'POST', `${base}/Users`, {
    schemas: [USER_URN],
    userName,
    name: { givenName: 'B', familyName: 'Simon' },
    active: true,
    ...extra,
  })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  return created.json.id as string
}
