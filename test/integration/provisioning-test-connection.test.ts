import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  configureOverGraph,
  type ProvisioningSandbox,
  startProvisioningSandbox,
} from '../support/provisioning-setup'

let p: ProvisioningSandbox
let jobId = ''

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

beforeAll(async () => {
  p = await startProvisioningSandbox()
  jobId = await configureOverGraph(p, { start: false })
})
afterAll(async () => {
  await p?.close()
})

const INVALID =
  'You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account.'

async function validate(tenantUrl: string, token: string) {
  const response = await p.graph(
    'POST',
    `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/validateCredentials`,
    {
      credentials: [
        { key: 'BaseAddress', value: tenantUrl },
        { key: 'SecretToken', value: token },
      ],
    },
  )
  const body =
    response.status === 204 ? null : ((await response.json()) as { error: { code: string; message: string } })
  return { status: response.status, error: body?.error ?? null }
}

describe('Test Connection (validateCredentials)', () => {
  it('passes with the Tenant URL and Secret Token Control Hub shows, after Entra’s probe query', async () => {
    const before = p.proxy.requests.length
    expect(await validate(p.tenantUrl, p.scim.token)).toEqual({ status: 204, error: null })
    const probe = p.proxy.requests.slice(before)
    expect(probe).toHaveLength(1)
    expect(probe[0]).toMatchObject({ method: 'GET', status: 200 })
    expect(probe[0]?.query.get('filter')).toMatch(/^userName eq "[0-9a-f-]{36}"$/)
    const tested = (await (
      await p.sandboxApi('POST', `/servicePrincipals/${p.servicePrincipalId}/provisioning/testConnection`, {
        tenantUrl: p.scim.legacyScimBaseUrl,
        secretToken: p.scim.token,
      })
    ).json()) as { message: string }
    expect(tested.message).toBe('The supplied credentials are authorized to enable provisioning.')
  })

  it('fails a wrong token with Entra’s invalid-credentials sentence and what Webex answered', async () => {
    const result = await validate(p.tenantUrl, `${p.scim.token}x`)
    expect(result.status).toBe(400)
    expect(result.error?.code).toBe('CredentialsRejected')
    expect(result.error?.message.startsWith(INVALID)).toBe(true)
    expect(result.error?.message).toContain('answered 401')
    expect(result.error?.message).toContain('Copy the Secret Token again from Control Hub')
    expect(result.error?.message).not.toContain(p.scim.token)
  })

  it('fails a wrong Tenant URL (another org, or not a SCIM path) saying it is not a SCIM service', async () => {
    const otherOrg = p.tenantUrl.replace(
      /\/v1\/scim\/[^/]+$/,
      '/v1/scim/00000000-0000-0000-0000-000000000000',
    )
    const wrongOrg = await validate(otherOrg, p.scim.token)
    expect(wrongOrg.status).toBe(400)
    expect(wrongOrg.error?.code).toBe('TenantUrlNotScim')
    expect(wrongOrg.error?.message).toContain('HTTP 404')
    expect(wrongOrg.error?.message).toContain('the tenant URL must be')
    const notScim = await validate(`${p.proxy.origin}/scim/v2`, p.scim.token)
    expect(notScim.error?.code).toBe('TenantUrlNotScim')
    const malformed = await validate('api.ciscospark.com/v1/scim', p.scim.token)
    expect(malformed.error?.code).toBe('TenantUrlInvalid')
    expect(malformed.error?.message).toContain('https://api.ciscospark.com/v1/scim/[OrgId]')
  })

  it('fails a server that is down, or does not answer in time, saying it could not reach it', async () => {
    const down = await validate(`http://127.0.0.1:${await closedPort()}/v1/scim/org`, p.scim.token)
    expect(down.status).toBe(400)
    expect(down.error?.code).toBe('TargetUnreachable')
    expect(down.error?.message).toContain('connection refused')
    expect(
      (
        await p.sandboxApi('PUT', `/servicePrincipals/${p.servicePrincipalId}/provisioning`, {
          requestTimeoutMs: 200,
        })
      ).status,
    ).toBe(200)
    p.proxy.fail({ match: (r) => r.method === 'GET', hang: true, times: 1 })
    const silent = await validate(p.tenantUrl, p.scim.token)
    expect(silent.error?.code).toBe('TargetUnreachable')
    expect(silent.error?.message).toContain('no answer within 0.2 s')
  })

  it('records the last test on the job, for the Admin Credentials section', async () => {
    await validate(p.tenantUrl, 'wrong-token-value')
    const page = (await (
      await p.sandboxApi('GET', `/servicePrincipals/${p.servicePrincipalId}/provisioning`)
    ).json()) as {
      job: {
        status: { lastCredentialTest: { ok: boolean; code: string } }
        settings: Record<string, unknown>
      }
    }
    expect(page.job.status.lastCredentialTest).toMatchObject({ ok: false, code: 'CredentialsRejected' })
    expect(page.job.settings).not.toHaveProperty('secretToken')
    expect(page.job.settings.hasSecretToken).toBe(true)
    const secrets = (await (
      await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}/synchronization/secrets`)
    ).json()) as {
      value: { key: string; value: string }[]
    }
    expect(secrets.value.find((s) => s.key === 'SecretToken')?.value).toBe('*****')
    expect(JSON.stringify(secrets)).not.toContain(p.scim.token)
  })
})
