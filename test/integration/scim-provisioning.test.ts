import { HeadlessBrowser, signIn } from '@sandbox/shared'
import { type RunningSandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpTutorial } from '../support/tutorial-setup'

let sandbox: RunningSandbox
let signOnUrl = ''
let password = ''
let scim: { token: string; legacyScimBaseUrl: string }

beforeAll(async () => {
  sandbox = await startSandbox()
  const setUp = await setUpTutorial(sandbox, 5)
  signOnUrl = setUp.signOnUrl
  password = setUp.password
  scim = (await fetch(`${sandbox.sp.url}/api/v1/scim/token`, {
    headers: { authorization: `Bearer ${sandbox.sp.adminApiToken}` },
  }).then((r) => r.json())) as typeof scim
})
afterAll(async () => {
  await sandbox?.close()
})

const scimCall = (method: string, path: string, body?: unknown) =>
  fetch(`${scim.legacyScimBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${scim.token}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

async function signInOutcome(): Promise<string> {
  const result = await signIn({
    startUrl: signOnUrl,
    username: 'B.Simon@contoso.com',
    password,
    browser: new HeadlessBrowser(),
    sessionInfoUrl: `${sandbox.sp.url}/api/v1/session`,
  })
  if (result.ok)
    return `signed in as ${(result.value.session as { user: { userName: string } }).user.userName}`
  return (
    /SSO_(USER_NOT_FOUND|USER_INACTIVE|UID_MISSING)/.exec(result.error.page?.facts.text ?? '')?.[0] ??
    result.error.code
  )
}

describe('users provisioned over SCIM are the users SSO signs in', () => {
  let id = ''

  it("a user created the way Entra's gallery connector creates it can sign in", async () => {
    expect(await signInOutcome()).toBe('SSO_USER_NOT_FOUND')
    const lookup = await scimCall(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "B.Simon@contoso.com"')}`,
    )
    expect(((await lookup.json()) as { totalResults: number }).totalResults).toBe(0)
    const created = await scimCall('POST', '/Users', {
      schemas: [
        'urn:ietf:params:scim:schemas:core:2.0:User',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      ],
      externalId: 'B.Simon',
      userName: 'B.Simon@contoso.com',
      active: true,
      displayName: 'B.Simon',
      name: { formatted: 'B Simon', familyName: 'Simon', givenName: 'B' },
      roles: [],
    })
    expect(created.status).toBe(201)
    id = ((await created.json()) as { id: string }).id
    expect(await signInOutcome()).toBe('signed in as b.simon@contoso.com')
  })

  it('soft delete (PATCH active=false, as Entra sends it) stops sign-in, removing active does not undo it; DELETE removes the user', async () => {
    const patched = await scimCall('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    })
    expect(patched.status).toBe(200)
    expect(await signInOutcome()).toBe('SSO_USER_INACTIVE')
    // Removing active leaves it unassigned (RFC 7644 §3.5.2.2); it never signs the user back in.
    const removed = await scimCall('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Remove', path: 'active' }],
    })
    expect(removed.status).toBe(200)
    expect(await signInOutcome()).toBe('SSO_USER_INACTIVE')
    expect((await scimCall('DELETE', `/Users/${id}`)).status).toBe(204)
    expect(await signInOutcome()).toBe('SSO_USER_NOT_FOUND')
  })
})
