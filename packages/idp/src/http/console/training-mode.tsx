import { exerciseHandout, exerciseHandouts, findTrainingExercise } from '@sandbox/shared'
import { HandoutIndexPage, HandoutPage, TrainerPage } from '@sandbox/shared/views'
import { setCookie } from 'hono/cookie'
import { safeReturnPath } from '../../sessions/return-path'
import { TrainingDocument } from '../../views/console/pages/training/training-document'
import type { HttpDeps } from '../env'
import { formFields } from '../request-facts'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'
import { PANEL_COOKIE, TRAINING_HREFS } from './training-links'

const TRAINER_REFRESH_SECONDS = 5

/**
 * Training mode in the admin center: the top bar's switch, the panel's disclosure (remembered in
 * a cookie), the trainer view and the exercise handouts.
 */
export function trainingModeRoutes(deps: HttpDeps) {
  return consoleArea(deps, '/training')
    .post(TRAINING_HREFS.mode, async (c) => {
      const form = await formFields(c)
      if (form.on !== 'true' && form.on !== 'false')
        return c.text(
          'Say whether training mode goes on or off: the field "on" must be "true" or "false".',
          400,
        )
      await deps.services.training.setOn(form.on === 'true')
      return c.redirect(safeReturnPath(form.back), 303)
    })
    .post(TRAINING_HREFS.panel, async (c) => {
      const form = await formFields(c)
      if (form.open !== 'true' && form.open !== 'false')
        return c.text(
          'Say whether the panel opens or closes: the field "open" must be "true" or "false".',
          400,
        )
      setCookie(c, PANEL_COOKIE, form.open === 'true' ? 'open' : 'collapsed', {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.url.startsWith('https:'),
        maxAge: 365 * 24 * 3600,
      })
      return c.redirect(safeReturnPath(form.back), 303)
    })
    .get(TRAINING_HREFS.trainer, async (c) => {
      const model = await deps.services.training.panel()
      return consolePage(c, deps).show(
        <TrainerPage
          Document={TrainingDocument}
          model={model}
          refreshSeconds={TRAINER_REFRESH_SECONDS}
          handoutsHref={TRAINING_HREFS.handouts}
        />,
      )
    })
    .get(TRAINING_HREFS.handouts, (c) =>
      consolePage(c, deps).show(
        <HandoutIndexPage
          Document={TrainingDocument}
          handouts={exerciseHandouts()}
          hrefOf={TRAINING_HREFS.handout}
        />,
      ),
    )
    .get('/training/handouts/:id', (c) => {
      const exercise = findTrainingExercise(c.req.param('id'))
      if (!exercise)
        return c.text(
          `There is no exercise "${c.req.param('id').slice(0, 80)}". The list of handouts is at ${TRAINING_HREFS.handouts}.`,
          404,
        )
      return consolePage(c, deps).show(
        <HandoutPage
          Document={TrainingDocument}
          handout={exerciseHandout(exercise)}
          indexHref={TRAINING_HREFS.handouts}
        />,
      )
    })
}
