import { beforeEach, describe, expect, it } from 'vitest'
import { PUBLIC_CLIENTS } from '../oauth/token-endpoint'
import { graphClient } from '../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../test-support/harness'

let t: TestIdp
beforeEach(async () => {
  t = await createTestIdp()
})

async function token(form: Record<string, string>, tenant = t.tenantId) {
  const response = await t.app.request(`/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  })
  // biome-ignore lint/suspicious/noExplicitAny: OAuth JSON is read field by field.
  return { status: response.status, json: (await response.json()) as any }
}

const automation = () => t.store.read().automationClient
const graphScope = 'https://graph.microsoft.com/.default'

describe('POST /{tenant}/oauth2/v2.0/token', () => {
  it('issues a client_credentials token for the automation app that the Graph API accepts', async () => {
    const issued = await token({
      grant_type: 'client_credentials',
      client_id: automation().appId,
      client_secret: automation().clientSecret,
      scope: graphScope,
    })
    expect(issued.status).toBe(200)
    expect(issued.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 })
    const users = await graphClient(t, issued.json.access_token).get('/v1.0/users')
    expect(users.status).toBe(200)
  })

  it('answers Entra’s OAuth errors with AADSTS codes', async () => {
    const cases: Array<[Record<string, string>, number, string, number]> = [
      [{ client_id: automation().appId, scope: graphScope }, 400, 'invalid_request', 900144],
      [
        {
          grant_type: 'client_credentials',
          client_id: automation().appId,
          client_secret: 'wrong',
          scope: graphScope,
        },
        401,
        'invalid_client',
        7000215,
      ],
      [
        {
          grant_type: 'client_credentials',
          client_id: '11111111-2222-4333-8444-555555555555',
          client_secret: 'x',
          scope: graphScope,
        },
        400,
        'unauthorized_client',
        700016,
      ],
      [
        {
          grant_type: 'authorization_code',
          client_id: automation().appId,
          client_secret: automation().clientSecret,
          scope: graphScope,
        },
        400,
        'unsupported_grant_type',
        70003,
      ],
      [
        {
          grant_type: 'client_credentials',
          client_id: automation().appId,
          client_secret: automation().clientSecret,
          scope: 'https://evil.test/x y',
        },
        400,
        'invalid_scope',
        70011,
      ],
      [
        {
          grant_type: 'client_credentials',
          client_id: automation().appId,
          client_secret: automation().clientSecret,
          scope: 'User.Read',
        },
        400,
        'invalid_scope',
        1002012,
      ],
    ]
    for (const [form, status, error, code] of cases) {
      const answer = await token(form)
      expect(answer.status).toBe(status)
      expect(answer.json).toMatchObject({ error, error_codes: [code] })
      expect(answer.json.error_description).toMatch(
        new RegExp(`^AADSTS${code}: .* Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: `),
      )
    }
    expect((await token({ grant_type: 'client_credentials' }, 'fabrikam.com')).json.error_codes).toEqual([
      90002,
    ])
    expect((await t.app.request(`/${t.tenantId}/oauth2/v2.0/token`)).status).toBe(405)
  })

  it('issues password-grant tokens: administrators may use Graph, other users get 403', async () => {
    const admin = await token({
      grant_type: 'password',
      client_id: PUBLIC_CLIENTS[0] as string,
      scope: 'https://graph.microsoft.com/.default',
      username: 'admin@contoso.com',
      password: t.adminPassword,
    })
    expect(admin.status).toBe(200)
    expect((await graphClient(t, admin.json.access_token).get('/v1.0/users')).status).toBe(200)
    const created = await t.services.directory.createUser({
      userPrincipalName: 'user@contoso.com',
      displayName: 'User',
      password: 'Contoso1234!',
    })
    expect(created.ok).toBe(true)
    const user = await token({
      grant_type: 'password',
      client_id: PUBLIC_CLIENTS[1] as string,
      scope: 'User.Read',
      username: 'user@contoso.com',
      password: 'Contoso1234!',
    })
    const denied = await graphClient(t, user.json.access_token).get('/v1.0/users')
    expect(denied).toMatchObject({
      status: 403,
      json: {
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
        },
      },
    })
  })

  it('refuses wrong passwords (AADSTS50126) and locks the account after ten (AADSTS50053)', async () => {
    const attempt = (password: string) =>
      token({
        grant_type: 'password',
        client_id: PUBLIC_CLIENTS[0] as string,
        scope: graphScope,
        username: 'admin@contoso.com',
        password,
      })
    expect((await attempt('wrong')).json).toMatchObject({ error: 'invalid_grant', error_codes: [50126] })
    for (let i = 0; i < 9; i += 1) await attempt(`wrong${i}`)
    expect((await attempt(t.adminPassword)).json.error_codes).toEqual([50053])
  })
})
