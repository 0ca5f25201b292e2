import { HeadlessBrowser, signIn } from '@sandbox/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  configureOverGraph,
  type ProvisioningSandbox,
  startProvisioningSandbox,
} from '../support/provisioning-setup'

let p: ProvisioningSandbox

beforeAll(async () => {
  p = await startProvisioningSandbox()
  await configureOverGraph(p)
})
afterAll(async () => {
  await p?.close()
})

/** Signs B.Simon in at the Webex Sign-on URL, headless; the outcome in a word. */
async function signInOutcome(): Promise<string> {
  const result = await signIn({
    startUrl: p.tutorial.signOnUrl,
    username: 'B.Simon@contoso.com',
    password: p.tutorial.password,
    browser: new HeadlessBrowser(),
    sessionInfoUrl: `${p.sandbox.sp.url}/api/v1/session`,
  })
  if (result.ok)
    return `signed in as ${(result.value.session as { user: { userName: string } }).user.userName}`
  return (
    /SSO_(USER_NOT_FOUND|USER_INACTIVE|UID_MISSING)/.exec(result.error.page?.facts.text ?? '')?.[0] ??
    result.error.code
  )
}

describe('a provisioned user signs in by SSO', () => {
  it('B.Simon cannot sign in to Webex before provisioning, and can once a cycle created her', async () => {
    expect(await signInOutcome()).toBe('SSO_USER_NOT_FOUND')
    expect((await p.cycle()).counts.created).toBe(1)
    expect(await signInOutcome()).toBe('signed in as b.simon@contoso.com')
  })
})
