import { describe, expect, it } from 'vitest'
import { graphClient } from '../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { PUBLIC_CLIENTS } from './token-endpoint'

async function token(t: TestIdp, form: Record<string, string>): Promise<string> {
  const response = await t.app.request(`/${t.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ scope: 'https://graph.microsoft.com/.default', ...form }).toString(),
  })
  const body = (await response.json()) as { access_token?: string }
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`)
  return body.access_token
}

describe('minted access tokens', () => {
  it("keep the automation app's token however many tokens one user mints, replacing the user's own oldest", async () => {
    const t = await createTestIdp({ memoryBounds: { tokens: { capacity: 6, perPrincipal: 2 } } })
    const automation = t.store.read().automationClient
    const script = await token(t, {
      grant_type: 'client_credentials',
      client_id: automation.appId,
      client_secret: automation.clientSecret,
    })
    const minted = []
    for (let i = 0; i < 20; i += 1)
      minted.push(
        await token(t, {
          grant_type: 'password',
          client_id: PUBLIC_CLIENTS[0] as string,
          username: 'admin@contoso.com',
          password: t.adminPassword,
        }),
      )
    expect((await graphClient(t, script).get('/v1.0/users')).status).toBe(200)
    expect((await graphClient(t, minted[19] as string).get('/v1.0/users')).status).toBe(200)
    expect((await graphClient(t, minted[0] as string).get('/v1.0/users')).status).toBe(401)
  })
})
