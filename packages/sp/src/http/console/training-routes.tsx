import {
  activeExerciseView,
  CLASSROOM_NEEDS_BOTH_SERVERS,
  CLASSROOM_RESET_KEEPS,
  CLASSROOM_RESET_LOSES,
  type ClassroomError,
  classroomStepProblem,
  EXERCISE_CHOICES,
  parseClassroomStep,
  RESET_CHOICES,
  resetSetsUp,
  resetTarget,
  setUpSummary,
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
    const actions = classroom()
    const [active, setUp] = actions
      ? await Promise.all([actions.activeExercise(), actions.lastSetUp()])
      : [null, null]
    const summary = setUpSummary(setUp)
    return renderPage(
      c,
      <TrainingPage
        chrome={consoleChrome(c, deps, 'training')}
        csrfToken={c.get('consoleAdmin').csrfToken}
        unavailable={actions ? null : CLASSROOM_NEEDS_BOTH_SERVERS}
        resetChoices={RESET_CHOICES}
        exercises={EXERCISE_CHOICES}
        active={activeExerciseView(active)}
        setUp={summary && setUp ? { summary, testUser: setUp.testUser } : null}
        {...(error ? { error: error.message } : {})}
      />,
      error ? (error.code === 'SET_UP_FAILED' ? 409 : 400) : 200,
    )
  }

  const notConnected = (c: ConsoleContext) =>
    renderTraining(c, { code: 'SET_UP_FAILED', message: CLASSROOM_NEEDS_BOTH_SERVERS })

  return new Hono<ConsoleEnv>()
    .use(TRAINING, requireControlHubAdmin(deps))
    .use(`${TRAINING}/*`, requireControlHubAdmin(deps))
    .get(TRAINING, (c) => renderTraining(c))
    .get(`${TRAINING}/reset`, (c) => {
      const step = parseClassroomStep(c.req.query('step'))
      const problem = classroomStepProblem(step)
      if (problem) return renderTraining(c, problem)
      return renderPage(
        c,
        <ResetConfirmPage
          chrome={consoleChrome(c, deps, 'training')}
          csrfToken={c.get('consoleAdmin').csrfToken}
          step={step}
          target={resetTarget(step)}
          setsUp={resetSetsUp(step)}
          loses={CLASSROOM_RESET_LOSES}
          keeps={CLASSROOM_RESET_KEEPS}
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
