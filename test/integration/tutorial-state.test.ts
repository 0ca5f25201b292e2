import { createServer, type Server, type Socket } from 'node:net'
import { readTutorialState, TRAINING_EXERCISES, type TutorialState } from '@sandbox/shared'
import {
  type RunningSandbox,
  rehearse,
  silentOutput,
  startSandboxServers as startSandbox,
} from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let sandbox: RunningSandbox
let silent: Server
let closedUrl = ''
let silentUrl = ''
const sockets = new Set<Socket>()

beforeAll(async () => {
  sandbox = await startSandbox()
  // A port nobody listens on (a server that is down), and one that accepts but never answers.
  const closed = createServer()
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
  closedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}`
  await new Promise<void>((done) => closed.close(() => done()))
  silent = createServer((socket) => sockets.add(socket))
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done))
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise<void>((done) => silent.close(() => done()))
  await sandbox?.close()
})

const entra = () => ({ baseUrl: sandbox.idp.url, token: sandbox.idp.graphApiToken })
const webex = () => ({ baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken })
const target = () => ({ idp: entra(), sp: webex() })
const done = (state: TutorialState) => state.steps.map((s) => s.done)
const sub = (state: TutorialState, id: string) =>
  state.steps.flatMap((s) => s.subSteps).find((s) => s.id === id)

describe('the state of the tutorial, from the real state of both servers', () => {
  it('reads a fresh sandbox as nothing done, next step 1', async () => {
    await rehearse(target(), { fromScratch: true, lastStep: 0, output: silentOutput })
    const state = await readTutorialState({ entra: entra(), webex: webex() })
    expect(state.entra.up && state.webex.up).toBe(true)
    expect(done(state)).toEqual([false, false, false, false, false, false, false])
    expect(state.nextStep).toBe(1)
  })

  it('follows the rehearsal: after step 3 the first three are done and step 4 is next', async () => {
    const run = await rehearse(target(), { fromScratch: true, lastStep: 3, output: silentOutput })
    expect(run.ok).toBe(true)
    const state = await readTutorialState({ entra: entra(), webex: webex() })
    expect(done(state).slice(0, 4)).toEqual([true, true, true, false])
    expect(state.nextStep).toBe(4)
  })

  it('reads the whole tutorial as done, and every SSO exercise as fixed; provisioning is not set up', async () => {
    const run = await rehearse(target(), { fromScratch: true, output: silentOutput })
    expect(run.ok).toBe(true)
    const state = await readTutorialState({ entra: entra(), webex: webex() })
    expect(done(state)).toEqual(Array(7).fill(true))
    expect(state.nextStep).toBeNull()
    const sso = TRAINING_EXERCISES.filter((e) => e.setUp !== 'provisioning')
    expect(sso.map((e) => [e.id, e.isFixed(state)])).toEqual(sso.map((e) => [e.id, true]))
    // B Simon was added by hand: no job, no Secret Token, a manual Webex user.
    expect(state.entra.up && state.entra.snapshot.provisioning).toBeNull()
    expect(state.provisioning.subSteps.filter((s) => s.done === false).map((s) => s.id)).toEqual([
      'provisioning-token-accepted',
      'provisioning-matching-attribute',
      'provisioning-on',
      'provisioning-webex-user',
    ])
  })

  it('reads the --provisioning tutorial from the Provisioning page and Control Hub, never a token, every exercise fixed', async () => {
    const run = await rehearse(target(), { fromScratch: true, provisioning: true, output: silentOutput })
    expect(run.ok).toBe(true)
    const state = await readTutorialState({ entra: entra(), webex: webex() })
    expect(done(state)).toEqual(Array(7).fill(true))
    expect(state.provisioning.done).toBe(true)
    expect(TRAINING_EXERCISES.map((e) => [e.id, e.isFixed(state)])).toEqual(
      TRAINING_EXERCISES.map((e) => [e.id, true]),
    )
    if (!state.entra.up || !state.webex.up) throw new Error('a server could not be read')
    expect(state.entra.snapshot.provisioning).toMatchObject({
      statusOn: true,
      lastCycleState: 'Succeeded',
      quarantineReason: null,
      matching: { targetAttribute: 'userName', sourceAttribute: 'userPrincipalName', testUserHasIt: true },
    })
    expect(state.entra.snapshot.testUser?.assignedRole).toBe('User')
    expect(state.webex.snapshot.webexUser?.source).toBe('scim')
    const token = sandbox.sp.scimToken
    expect(state.entra.snapshot.provisioning?.secretTokenFingerprint).toMatch(/^sha256:[0-9a-f]{16}$/)
    expect(state.webex.snapshot.scimTokenFingerprints).toContain(
      state.entra.snapshot.provisioning?.secretTokenFingerprint,
    )
    expect(JSON.stringify(state)).not.toContain(token)
  })

  it('says when Webex is down, still decides what Entra alone tells, and leaves the rest unknown', async () => {
    const state = await readTutorialState({ entra: entra(), webex: { baseUrl: closedUrl, token: 'x' } })
    expect(state.webex).toMatchObject({ up: false, reason: expect.stringContaining(`Webex (${closedUrl})`) })
    expect(sub(state, 'gallery-app')?.done).toBe(true)
    expect(sub(state, 'test-user-assigned')?.done).toBe(true)
    expect(sub(state, 'reply-url')?.done).toBeNull()
    expect(sub(state, 'sso-enabled')?.done).toBeNull()
    expect(state.steps[0]?.done).toBe(true)
    expect(state.steps[4]?.done).toBeNull()
    expect(TRAINING_EXERCISES.find((e) => e.id === 'webex-user-missing')?.isFixed(state)).toBeNull()
  })

  it('says when Entra is down or too slow to answer (short timeout), deciding Webex-only steps', async () => {
    const state = await readTutorialState({
      entra: { baseUrl: silentUrl, token: 'x' },
      webex: webex(),
      timeoutMs: 300,
    })
    expect(state.entra).toMatchObject({ up: false, reason: expect.stringContaining('within 300 ms') })
    expect(sub(state, 'webex-user')?.done).toBe(true)
    expect(sub(state, 'sso-enabled')?.done).toBe(true)
    expect(sub(state, 'gallery-app')?.done).toBeNull()
  })

  it('refuses a wrong token as "could not be read", not as "not done"', async () => {
    const state = await readTutorialState({ entra: { ...entra(), token: 'wrong' }, webex: webex() })
    expect(state.entra).toMatchObject({ up: false, reason: expect.stringContaining('HTTP 401') })
    expect(sub(state, 'gallery-app')?.done).toBeNull()
  })
})
