import { HeadlessBrowser, type Runtime, TRAINING_EXERCISES } from '@sandbox/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../../../test/support/test-runtime'
import type { IdpConfig } from '../../config'
import { type RunningIdp, startIdp } from '../../server'
import { signInToConsole } from '../../test-support/console'

/**
 * Training mode over HTTP on an Entra emulator started on its own (`pnpm start:idp --training`):
 * its panel reads itself and says the Webex emulator is not running here.
 */
let runtime: Runtime
let idp: RunningIdp
const browser = new HeadlessBrowser()
const config: IdpConfig = {
  host: '127.0.0.1',
  port: 0,
  publicUrl: undefined,
  dataDir: null,
  reset: false,
  https: false,
  training: true,
}

beforeAll(async () => {
  runtime = await createTestRuntime()
  idp = await startIdp(config, runtime)
  const first = idp.firstStart
  if (!first) throw new Error('expected a first start')
  await signInToConsole(idp, browser, { login: first.adminUserPrincipalName, password: first.adminPassword })
})
afterAll(async () => {
  await idp?.close()
})

const formOf = (body: string, action: string) => {
  const form = body.match(new RegExp(`<form method="post" action="${action}"[\\s\\S]*?</form>`))?.[0] ?? ''
  return Object.fromEntries([...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]))
}

describe('training mode in the admin center, server alone', () => {
  it('is on from --training and shows the panel, saying the Webex emulator is not running here', async () => {
    const page = await browser.open(`${idp.url}/users`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('role="switch" aria-checked="true"')
    expect(page.body).toContain('Training progress')
    expect(page.body).toContain('The Webex emulator is not running here')
    expect(page.body).toContain('0 of 7 steps done')
    expect(page.body).toContain('href="/enterprise-apps/gallery"')
    // The optional provisioning part after the 7 steps: Webex's token unknown, Entra's sub-steps decided.
    expect(page.body).toContain('Automatic user provisioning (optional)')
    expect(page.body).toContain(
      'B.Simon is assigned to Cisco Webex with a role other than Default Access</span> <span class="training-status training-status-not-done">',
    )
    expect(page.body).toContain(
      'href="/enterprise-apps/gallery">Open the provisioning step in the Microsoft Entra admin center',
    )
  })

  it('refuses a switch without the CSRF token, and a value that is not true or false', async () => {
    const page = await browser.open(`${idp.url}/`)
    const fields = formOf(page.body, '/training/mode')
    const post = (body: Record<string, string>) =>
      fetch(`${idp.url}/training/mode`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: idp.url, cookie: cookieHeader() },
        body: new URLSearchParams(body),
      })
    expect((await post({ ...fields, csrfToken: 'forged' })).status).toBe(403)
    const bad = await post({ ...fields, on: 'maybe' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('must be "true" or "false"')
    const off = await post({ ...fields, back: '//evil.example/x' })
    expect(off.status).toBe(303)
    expect(off.headers.get('location')).toBe('/')
    const after = await browser.open(`${idp.url}/`)
    expect(after.body).toContain('role="switch" aria-checked="false"')
    expect(after.body).not.toContain('Training progress')
  })

  it('lists a handout per exercise, serves each, and answers 404 with the way back for an unknown one', async () => {
    const index = await browser.open(`${idp.url}/training/handouts`)
    for (const exercise of TRAINING_EXERCISES)
      expect(index.body).toContain(`href="/training/handouts/${exercise.id}"`)
    const one = await browser.open(`${idp.url}/training/handouts/clock-skew`)
    expect(one.status).toBe(200)
    expect(one.body).toContain('SSO_ASSERTION_EXPIRED')
    const missing = await browser.open(`${idp.url}/training/handouts/%3Cscript%3E`)
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('/training/handouts')
    const trainer = await browser.open(`${idp.url}/training/trainer`)
    expect(trainer.status).toBe(200)
    expect(trainer.body).toContain('The Webex emulator is not running here')
    expect(trainer.body).toContain('Automatic user provisioning (optional)')
    expect(trainer.body).toContain(
      '<th scope="row">Provisioning Status is On and the job is not in quarantine</th>',
    )
  })
})

function cookieHeader(): string {
  return browser.jar.headerFor(new URL(idp.url), { method: 'POST', initiator: new URL(idp.url) })
}
