import { ok, type Result, type Scheduler } from '@sandbox/shared'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import { createScimClient } from './scim-client'
import { listResources, matchFilter } from './scim-payloads'

/** Entra's sentence for a good Test Connection. */
export const CREDENTIALS_AUTHORIZED = 'The supplied credentials are authorized to enable provisioning.'

/** Checks a Tenant URL's shape: absolute http(s), no credentials or fragment in it. */
export function checkTenantUrl(value: string, example: string): Result<string, ProvisioningError> {
  const trimmed = value.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return provisioningFailure(
      'TenantUrlInvalid',
      `"${trimmed.slice(0, 200)}" is not a URL (expected something like ${example}).`,
      'BaseAddress',
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return provisioningFailure(
      'TenantUrlInvalid',
      `"${trimmed.slice(0, 200)}" uses ${url.protocol}; it must be https:// (or http:// for the local emulator).`,
      'BaseAddress',
    )
  if (url.username || url.password || url.hash)
    return provisioningFailure(
      'TenantUrlInvalid',
      'The Tenant URL must not carry a user name, password or #fragment.',
      'BaseAddress',
    )
  if (trimmed.length > 2048)
    return provisioningFailure(
      'TenantUrlInvalid',
      'The Tenant URL is longer than 2048 characters.',
      'BaseAddress',
    )
  return ok(trimmed.replace(/\/+$/, ''))
}

function scimDetail(body: unknown): string {
  const detail = body !== null && typeof body === 'object' ? (body as { detail?: unknown }).detail : undefined
  return typeof detail === 'string' ? ` It said: "${detail.slice(0, 300)}".` : ''
}

/**
 * Test Connection, as Entra runs it: a query for a user that cannot exist
 * (`GET /Users?filter=userName eq "<new GUID>"`), which a SCIM server with valid credentials
 * answers with an empty ListResponse. One attempt, no retries, so a failure shows at once.
 */
export async function testCredentials(
  input: {
    readonly tenantUrl: string
    readonly secretToken: string
    readonly example: string
    readonly targetSystem: string
  },
  options: {
    readonly timeoutMs: number
    readonly scheduler: Scheduler
    readonly now: () => number
    readonly probeUserName: string
  },
): Promise<Result<string, ProvisioningError>> {
  const base = checkTenantUrl(input.tenantUrl, input.example)
  if (!base.ok) return base
  if (input.secretToken.trim() === '')
    return provisioningFailure('CredentialsRejected', 'The Secret Token is empty.', 'SecretToken')
  const client = createScimClient({
    baseAddress: base.value,
    token: input.secretToken.trim(),
    timeoutMs: options.timeoutMs,
    scheduler: options.scheduler,
    now: options.now,
    maxAttempts: 1,
  })
  const filter = encodeURIComponent(matchFilter('userName', options.probeUserName))
  const call = await client.request('GET', `/Users?filter=${filter}`)
  const asked = `GET ${base.value}/Users?filter=…`
  if (call.failure)
    return provisioningFailure('TargetUnreachable', `${asked} failed: ${call.failureMessage}.`, 'BaseAddress')
  const system = input.targetSystem
  if (call.status === 401 || call.status === 403)
    return provisioningFailure(
      'CredentialsRejected',
      `${system} answered ${call.status} to ${asked}: the Secret Token was refused.${scimDetail(call.body)}`,
      'SecretToken',
    )
  if (call.status !== 200 || listResources(call.body) === null)
    return provisioningFailure(
      'TenantUrlNotScim',
      `${asked} was answered with HTTP ${call.status}${call.status === 200 ? ' but not with a SCIM ListResponse' : ''}.${scimDetail(call.body)}`,
      'BaseAddress',
    )
  return ok(CREDENTIALS_AUTHORIZED)
}
