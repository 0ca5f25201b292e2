import {
  CLASSROOM_NEEDS_BOTH_SERVERS,
  type ClassroomError,
  classroomPageView,
  classroomRefusalStatus,
  parseClassroomStep,
  resetConfirmView,
  resetTarget,
} from '@sandbox/shared'
import type { SandboxClockView } from '../../views/console/pages/training/sandbox-clock-section'
import {
  TRAINING_CLOCK_HREF,
  TRAINING_END_HREF,
  TRAINING_EXERCISES_HREF,
  TRAINING_HREF,
  TRAINING_RESET_HREF,
} from '../../views/console/pages/training/training-links'
import { ResetConfirmPage, TrainingPage } from '../../views/console/pages/training/training-page'
import type { HttpDeps, IdpContext } from '../env'
import { formFields } from '../request-facts'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'

/**
 * Training: the classroom actions (reset to a step, break-it exercises) the sandbox connects
 * once both servers listen, and the Sandbox clock (Entra's clock offset). Every change is a POST with the session's CSRF token, answered by a
 * redirect with a toast; a refused one re-renders the page with the reason and a 4xx.
 */
export function trainingRoutes(deps: HttpDeps) {
  const classroom = () => deps.services.runtime.classroom?.current() ?? null

  /** The training page; with `error` a refused classroom action, with `clockError` a refused clock offset. */
  async function renderTraining(
    c: IdpContext,
    error?: ClassroomError,
    clockError?: Pick<SandboxClockView, 'typed' | 'error'>,
  ) {
    const page = consolePage(c, deps)
    const view = (
      <TrainingPage
        frame={page.frame(TRAINING_HREF)}
        csrf={page.csrf}
        {...(await classroomPageView(classroom()))}
        clock={{ offsetSeconds: deps.services.sandbox.clockOffsetSeconds(), ...clockError }}
        {...(error ? { error: error.message } : {})}
      />
    )
    if (clockError) return c.html(view, 400, { 'Cache-Control': 'no-store' })
    if (!error) return page.show(view)
    return c.html(view, classroomRefusalStatus(error), { 'Cache-Control': 'no-store' })
  }

  const notConnected = (c: IdpContext) =>
    renderTraining(c, { code: 'SET_UP_FAILED', message: CLASSROOM_NEEDS_BOTH_SERVERS })

  return consoleArea(deps, TRAINING_HREF)
    .get(TRAINING_HREF, (c) => renderTraining(c))
    .get(TRAINING_RESET_HREF, (c) => {
      const confirm = resetConfirmView(c.req.query('step'))
      if (!confirm.ok) return renderTraining(c, confirm.error)
      const page = consolePage(c, deps)
      return page.show(
        <ResetConfirmPage frame={page.frame(TRAINING_HREF)} csrf={page.csrf} {...confirm.value} />,
      )
    })
    .post(TRAINING_RESET_HREF, async (c) => {
      const actions = classroom()
      if (!actions) return notConnected(c)
      const step = parseClassroomStep((await formFields(c)).step)
      const reset = await actions.resetToBefore(step)
      if (!reset.ok) return renderTraining(c, reset.error)
      return consolePage(c, deps).done(TRAINING_HREF, {
        kind: 'success',
        title: 'The class was reset',
        // B.Simon's new password is on the page, not in the toast: a flash cookie is no place for it.
        message: `Reset to ${resetTarget(step)}.${reset.value.testUser ? " B.Simon's new password is shown below." : ''}`,
      })
    })
    .post(TRAINING_EXERCISES_HREF, async (c) => {
      const actions = classroom()
      if (!actions) return notConnected(c)
      const id = ((await formFields(c)).exercise ?? '').slice(0, 200)
      const applied = await actions.applyExercise(id)
      if (!applied.ok) return renderTraining(c, applied.error)
      return consolePage(c, deps).done(TRAINING_HREF, {
        kind: 'success',
        title: 'Exercise applied',
        message: applied.value.did,
      })
    })
    .post(TRAINING_CLOCK_HREF, async (c) => {
      // Entra's own clock: there even when this server runs alone, unlike the classroom actions.
      const form = await formFields(c)
      const typed = (form.offsetSeconds ?? '').trim().slice(0, 40)
      const asked =
        form.useRealTime === 'yes' ? 0 : /^[+-]?\d{1,15}$/.test(typed) ? Number(typed) : Number.NaN
      const set = deps.services.sandbox.setClockOffset(asked)
      if (!set.ok) {
        return renderTraining(c, undefined, {
          typed,
          error: `${set.error.message} For example -7200 runs two hours behind; "Use the real time" sets 0.`,
        })
      }
      return consolePage(c, deps).done(TRAINING_HREF, {
        kind: 'success',
        title: 'Sandbox clock set',
        message:
          set.value === 0
            ? "Entra's clock shows the real time again."
            : `Entra's clock now runs ${set.value} seconds off the real time.`,
      })
    })
    .post(TRAINING_END_HREF, async (c) => {
      const actions = classroom()
      if (!actions) return notConnected(c)
      await actions.endExercise()
      return consolePage(c, deps).done(TRAINING_HREF, {
        kind: 'success',
        title: 'Exercise ended',
        message: 'The servers keep their state; choose another exercise or reset the class.',
      })
    })
}
