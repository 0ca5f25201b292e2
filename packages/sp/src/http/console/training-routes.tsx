import {
  CLASSROOM_NEEDS_BOTH_SERVERS,
  type ClassroomError,
  classroomPageView,
  classroomRefusalStatus,
  parseClassroomStep,
  resetConfirmView,
} from '@sandbox/shared'
import { Hono } from 'hono'
import { ResetConfirmPage, TrainingPage } from '../../views/console/pages/training-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import { consoleChrome, formText, postedForm, redirectWithToasts, renderPage } from './console-page'

const TRAINING = '/admin/training'

/**
 * Training: the classroom actions (reset to a step, break-it exercises) the sandbox connects
 * once both servers listen. Every change is a POST with the session's CSRF token (checked by the
 * guard), answered by a redirect with a toast; a refused one re-renders the page with the reason.
 */
export function consoleTrainingRoutes(deps: HttpDeps) {
  const classroom = () => deps.services.classroom()

  async function renderTraining(c: ConsoleContext, error?: ClassroomError) {
    return renderPage(
      c,
      <TrainingPage
        chrome={consoleChrome(c, deps, 'training')}
        csrfToken={c.get('consoleAdmin').csrfToken}
        {...(await classroomPageView(classroom()))}
        {...(error ? { error: error.message } : {})}
      />,
      error ? classroomRefusalStatus(error) : 200,
    )
  }

  const notConnected = (c: ConsoleContext) =>
    renderTraining(c, { code: 'SET_UP_FAILED', message: CLASSROOM_NEEDS_BOTH_SERVERS })

  return new Hono<ConsoleEnv>()
    .use(TRAINING, requireControlHubAdmin(deps))
    .use(`${TRAINING}/*`, requireControlHubAdmin(deps))
    .get(TRAINING, (c) => renderTraining(c))
    .get(`${TRAINING}/reset`, (c) => {
      const confirm = resetConfirmView(c.req.query('step'))
      if (!confirm.ok) return renderTraining(c, confirm.error)
      return renderPage(
        c,
        <ResetConfirmPage
          chrome={consoleChrome(c, deps, 'training')}
          csrfToken={c.get('consoleAdmin').csrfToken}
          {...confirm.value}
        />,
      )
    })
    .post(`${TRAINING}/reset`, async (c) => {
      const actions = classroom()
      if (!actions) return notConnected(c)
      const step = parseClassroomStep(formText(await postedForm(c), 'step', 10))
      const reset = await actions.resetToBefore(step)
      if (!reset.ok) return renderTraining(c, reset.error)
      return redirectWithToasts(c, deps, TRAINING, [{ code: 'classroom-reset' }])
    })
    .post(`${TRAINING}/exercises`, async (c) => {
      const actions = classroom()
      if (!actions) return notConnected(c)
      const applied = await actions.applyExercise(formText(await postedForm(c), 'exercise', 200))
      if (!applied.ok) return renderTraining(c, applied.error)
      return redirectWithToasts(c, deps, TRAINING, [{ code: 'exercise-applied' }])
    })
    .post(`${TRAINING}/end`, async (c) => {
      const actions = classroom()
      if (!actions) return notConnected(c)
      await actions.endExercise()
      return redirectWithToasts(c, deps, TRAINING, [{ code: 'exercise-ended' }])
    })
}
