import { TRAINING_EXERCISES } from '@sandbox/shared'
import { type RunningSandbox, startSandboxServers } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_FIXES, type Classroom, classroomOf, meetSymptom } from '../support/exercise-fixes'
import { shownPassword, type TrainingConsole, trainingConsoles } from '../support/training-consoles'

/** The Training pages of both consoles over HTTP: reset to each step, and every exercise from apply to explained. */
let sandbox: RunningSandbox
let entra: TrainingConsole
let hub: TrainingConsole
let classroom: Classroom

beforeAll(async () => {
  sandbox = await startSandboxServers({ log: () => {} })
  ;[entra, hub] = await trainingConsoles(sandbox)
  classroom = classroomOf(sandbox)
})
afterAll(async () => {
  await sandbox?.close()
})

const doneSteps = async () => (await classroom.state()).steps.map((s) => s.done)

describe('the Training page over HTTP', () => {
  it('lists every break-it exercise as a button in both consoles', async () => {
    for (const console of [entra, hub]) {
      const page = await console.open()
      expect(page.status).toBe(200)
      for (const exercise of TRAINING_EXERCISES) expect(page.facts.text).toContain(exercise.title)
    }
  })

  it('refuses an unknown exercise, an unknown step and a missing CSRF token with a 4xx that says why', async () => {
    for (const console of [entra, hub]) {
      const page = await console.open()
      const unknown = await console.submit(page, '/training/exercises', { exercise: 'no-such-exercise' })
      expect(unknown.status).toBe(400)
      expect(unknown.facts.text).toContain('There is no break-it exercise "no-such-exercise"')
      const confirm = await console.open(`${console.path}/reset?step=9`)
      expect(confirm.status).toBe(400)
      expect(confirm.facts.text).toContain('There is no tutorial step 9: choose a step from 1 to 7')
      const forged = await console.submit(
        await console.open(`${console.path}/reset?step=2`),
        '/training/reset',
        {
          step: 'x',
        },
      )
      expect(forged.status).toBe(400)
      const csrfField = entra === console ? 'csrfToken' : 'csrf_token'
      const noToken = await console.submit(
        await console.open(`${console.path}/reset?step=2`),
        '/training/reset',
        {
          [csrfField]: 'forged',
        },
      )
      expect(noToken.status).toBe(403)
    }
  })

  it('confirms a reset with what is lost and what is kept', async () => {
    const page = await hub.open('/admin/training/reset?step=5')
    expect(page.facts.text).toContain('Reset the class to just before step 5 (Configure SSO on Webex')
    expect(page.facts.text).toContain('This will be lost')
    expect(page.facts.text).toContain('the imported IdP metadata')
    expect(page.facts.text).toContain(
      'The Entra Global Administrator and the Control Hub administrator, with their passwords',
    )
  })

  it('resets the class to just before each step, from either console, keeping both admins signed in', async () => {
    for (const step of [1, 2, 3, 4, 5, 6, 7]) {
      const console = step % 2 === 0 ? entra : hub
      const confirm = await console.open(`${console.path}/reset?step=${step}`)
      const done = await console.submit(confirm, '/training/reset', {})
      expect(done.status).toBe(200)
      expect(done.url.pathname).toBe(console.path)
      const steps = await doneSteps()
      expect(steps.slice(0, step - 1)).toEqual(Array(step - 1).fill(true))
      // Step 7 ("Test SSO") too: it is done only once B.Simon has really signed in to Webex.
      expect(steps[step - 1]).toBe(false)
      if (step === 7) {
        expect(await classroom.signInAsBSimon(shownPassword(done))).toBe('signed in')
        expect(await doneSteps()).toEqual(Array(7).fill(true))
      }
    }
  }, 120_000)

  it('applies every exercise one after another: symptom, not fixed, fixed through the admin API, explained in both consoles', async () => {
    // The one that used to leave every later exercise failing goes first.
    const order = [...TRAINING_EXERCISES].sort((a, b) =>
      a.id === 'self-signed-idp-certificate' ? -1 : b.id === 'self-signed-idp-certificate' ? 1 : 0,
    )
    for (const [index, exercise] of order.entries()) {
      const console = index % 2 === 0 ? hub : entra
      const other = console === hub ? entra : hub
      const applied = await console.submit(await console.open(), '/training/exercises', {
        exercise: exercise.id,
      })
      expect(applied.status, exercise.id).toBe(200)
      expect(applied.facts.text).toContain(`Active exercise: ${exercise.title}`)
      expect(applied.facts.text).toContain(exercise.whereToLook)
      expect(applied.facts.text).toContain('Not fixed yet')
      expect(applied.facts.text).not.toContain(exercise.explanation.whyThisError)
      const password = shownPassword(applied)
      const seen = await meetSymptom(classroom, exercise.symptom.trigger, password)
      expect(seen, exercise.id).toContain(exercise.symptom.shows)
      const fix = API_FIXES[exercise.id]
      if (!fix) throw new Error(`no fix for ${exercise.id}`)
      await fix(classroom, password)
      const explained = await other.open()
      expect(explained.facts.text, exercise.id).toContain(`Active exercise: ${exercise.title}`)
      expect(explained.facts.text, exercise.id).toContain('Fixed: the state of both servers')
      expect(explained.facts.text).toContain(exercise.explanation.whyThisError)
      expect(explained.facts.text).toContain(exercise.explanation.fixScreen)
    }
  }, 240_000)

  it('shows the exercise in progress at the end of the progress panel on every console page while training mode is on', async () => {
    const exercise = TRAINING_EXERCISES[0]
    if (!exercise) throw new Error('no exercise')
    await entra.submit(await entra.open(), '/training/exercises', { exercise: exercise.id })
    const overview = await entra.open('/')
    expect(overview.facts.text).not.toContain(`Active exercise: ${exercise.title}`)
    await entra.submit(overview, '/training/mode', { on: 'true' })
    for (const [console, path] of [
      [entra, '/enterprise-apps'],
      [hub, '/admin/users'],
    ] as const) {
      const page = await console.open(path)
      expect(page.facts.text, console.name).toContain('Training progress')
      expect(page.facts.text, console.name).toContain(`Active exercise: ${exercise.title}`)
      expect(page.facts.text, console.name).toContain(exercise.whereToLook)
    }
    await entra.submit(await entra.open('/'), '/training/mode', { on: 'false' })
  })
})
