import { type Runtime, TRAINING_EXERCISES } from '@sandbox/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../../../test/support/test-runtime'
import { type RunningSp, startSp } from '../../server'
import { type ConsoleClient, consoleBrowser } from '../../test-support/console-client'

/**
 * Training mode over HTTP on a Webex emulator started on its own (`pnpm start:sp --training`):
 * its panel reads itself and says the Entra ID emulator is not running here.
 */
let runtime: Runtime
let sp: RunningSp
let browser: ConsoleClient

beforeAll(async () => {
  runtime = await createTestRuntime()
  sp = await startSp(
    {
      host: '127.0.0.1',
      port: 0,
      publicUrl: undefined,
      dataDir: null,
      reset: false,
      https: false,
      training: true,
    },
    runtime,
  )
  browser = consoleBrowser({
    app: { request: (path, init) => sp.fetch(new Request(new URL(path, sp.url), init)) },
    store: {
      read: () => {
        throw new Error('not read: the credentials come from the running server')
      },
    },
  })
  const { email, password } = sp.controlHubAdmin
  await browser.get('/admin/login')
  await browser.post('/admin/login', { email })
  expect((await browser.post('/admin/login/password', { email, password })).status).toBe(303)
})
afterAll(async () => {
  await sp?.close()
})

describe('training mode in Control Hub, server alone', () => {
  it('is on from --training and shows the panel, saying the Entra ID emulator is not running here', async () => {
    const page = await (await browser.get('/admin/users')).text()
    expect(page).toContain('role="switch" aria-checked="true"')
    expect(page).toContain('Training progress')
    expect(page).toContain('The Entra ID emulator is not running here')
    // Entra's steps are unknown; the Webex-only ones are decided, and the next link stays here.
    expect(page).toContain(
      'Step 1: Add Cisco Webex from the gallery</span><span class="training-status training-status-unknown">',
    )
    expect(page).toContain('href="/admin/settings/authentication/sso?step=test">Open it in Control Hub')
    // The optional provisioning part after the 7 steps: Entra's sub-steps unknown, no link to a console not running here.
    expect(page).toContain('Automatic user provisioning (optional)')
    expect(page).toContain(
      'B Simon is in Control Hub &gt; Users, provisioned over SCIM</span> <span class="training-status training-status-not-done">',
    )
    expect(page).not.toContain('Open the provisioning step')
  })

  it('collapses the panel (remembered in a cookie), refuses bad values and a forged token', async () => {
    const collapse = await browser.post('/admin/training/panel', { open: 'false', back: '/admin/users' })
    expect(collapse.status).toBe(303)
    expect(collapse.headers.get('location')).toBe('/admin/users')
    const page = await (await browser.get('/admin/users')).text()
    expect(page).toContain('aria-expanded="false"')
    expect(page).toMatch(/id="training-panel-body" class="training-panel-body" hidden/)
    expect((await browser.post('/admin/training/panel', { open: 'sideways' })).status).toBe(400)
    const forged = await browser.post('/admin/training/mode', { on: 'false', csrf_token: 'forged' })
    expect(forged.status).not.toBe(303)
    expect(await (await browser.get('/admin')).text()).toContain('aria-checked="true"')
  })

  it('switches training mode off, back to a Control Hub path only', async () => {
    const off = await browser.post('/admin/training/mode', { on: 'false', back: 'https://evil.example/' })
    expect(off.status).toBe(303)
    expect(off.headers.get('location')).toBe('/admin')
    const page = await (await browser.get('/admin')).text()
    expect(page).toContain('aria-checked="false"')
    expect(page).not.toContain('Training progress')
  })

  it('serves the handouts and the trainer view', async () => {
    const index = await (await browser.get('/admin/training/handouts')).text()
    for (const exercise of TRAINING_EXERCISES)
      expect(index).toContain(`/admin/training/handouts/${exercise.id}`)
    const one = await browser.get('/admin/training/handouts/user-not-assigned')
    expect(one.status).toBe(200)
    expect((await browser.get('/admin/training/handouts/nope')).status).toBe(404)
    const trainer = await browser.get('/admin/training/trainer')
    expect(trainer.status).toBe(200)
    const trainerPage = await trainer.text()
    expect(trainerPage).toContain('data-refresh-seconds="5"')
    expect(trainerPage).toContain('Automatic user provisioning (optional)')
    expect(trainerPage).toContain(
      '<th scope="row">Admin Credentials: the Secret Token is one Control Hub accepts now</th>',
    )
  })
})
