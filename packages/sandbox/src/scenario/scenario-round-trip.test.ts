import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../sandbox'
import { ScenarioApplyError, ScenarioError } from './scenario-error'

// Two sandboxes for the file: the tutorial's end state is built in one and rebuilt in the other.
let first: Sandbox
let second: Sandbox

beforeAll(async () => {
  ;[first, second] = await Promise.all([startSandbox(), startSandbox()])
  await first.setupTutorial()
}, 120_000)

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()])
})

describe('scenario files through the sandbox', () => {
  it('round-trips losslessly: export, load into a fresh sandbox, export again gives the same file', async () => {
    const exported = await first.exportScenario()
    expect(exported).toContain('gallery: Cisco Webex')
    // biome-ignore lint/suspicious/noTemplateCurlyInString: scenario placeholders, not a template
    expect(exported).toContain('${webex.url}/idb/Consumer/metaAlias/${webex.orgId}/sp')
    const loaded = await second.loadScenario(exported)
    expect(loaded.users.map((u) => u.userPrincipalName)).toEqual(['B.Simon@contoso.com'])
    expect(await second.exportScenario()).toBe(exported)
    // The rebuilt sandbox works: B.Simon signs in to Webex with SSO on.
    const password = loaded.users[0]?.password ?? ''
    const signedIn = await second.signIn({ username: 'B.Simon@contoso.com', password })
    expect(signedIn.page.status).toBe(200)
  }, 120_000)

  it('loads the commented tutorial example, and B.Simon signs in with its password', async () => {
    await second.loadScenario(
      fileURLToPath(new URL('../../../../examples/scenarios/tutorial.yaml', import.meta.url)),
    )
    const signedIn = await second.signIn({ username: 'B.Simon@contoso.com', password: 'Sandbox-Pass-1' })
    expect(signedIn.page.status).toBe(200)
  }, 60_000)

  it('changes nothing when the scenario is invalid', async () => {
    const before = await second.exportScenario()
    const error = await second
      .loadScenario(
        'scenario: 1\nentra:\n  users:\n    - userPrincipalName: x@contoso.com\n      persona: guest\n',
      )
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScenarioError)
    expect((error as ScenarioError).message).toContain('scenario:5:16: entra.users[0].persona')
    expect(await second.exportScenario()).toBe(before)
  }, 60_000)

  it('puts both servers back when a server refuses a step midway', async () => {
    const before = await second.exportScenario()
    const error = await second
      .loadScenario({
        scenario: 1,
        webex: { org: { name: 'Half applied' } },
        entra: {
          users: [
            { userPrincipalName: 'ok@contoso.com', password: 'Sandbox-Pass-1' },
            { userPrincipalName: 'weak@contoso.com', password: 'short' },
          ],
        },
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScenarioApplyError)
    expect((error as ScenarioApplyError).message).toContain('creating user weak@contoso.com failed')
    expect((error as ScenarioApplyError).restored).toBe(true)
    expect(await second.exportScenario()).toBe(before)
  }, 120_000)
})
