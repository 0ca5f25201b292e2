import { exerciseHandout, exerciseHandouts, findTrainingExercise } from '@sandbox/shared'
import { HandoutIndexPage, HandoutPage, TrainerPage } from '@sandbox/shared/views'
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { TrainingDocument } from '../../views/console/pages/training-document'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin, safeReturnPath } from './console-auth'
import type { ConsoleEnv } from './console-env'
import { formText, postedForm, renderPage } from './console-page'
import { PANEL_COOKIE, TRAINING_HREFS } from './training-links'

const TRAINER_REFRESH_SECONDS = 5

/**
 * Training mode in Control Hub: the top bar's switch, the panel's disclosure (remembered in a
 * cookie), the trainer view and the exercise handouts.
 */
export function consoleTrainingModeRoutes(deps: HttpDeps) {
  return new Hono<ConsoleEnv>()
    .use('/admin/training/*', requireControlHubAdmin(deps))
    .post(TRAINING_HREFS.mode, async (c) => {
      const form = await postedForm(c)
      const on = formText(form, 'on')
      if (on !== 'true' && on !== 'false')
        return c.text(
          'Say whether training mode goes on or off: the field "on" must be "true" or "false".',
          400,
        )
      await deps.services.training.setOn(on === 'true')
      return c.redirect(safeReturnPath(formText(form, 'back', 1024)), 303)
    })
    .post(TRAINING_HREFS.panel, async (c) => {
      const form = await postedForm(c)
      const open = formText(form, 'open')
      if (open !== 'true' && open !== 'false')
        return c.text(
          'Say whether the panel opens or closes: the field "open" must be "true" or "false".',
          400,
        )
      setCookie(c, PANEL_COOKIE, open === 'true' ? 'open' : 'collapsed', {
        path: '/admin',
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.https,
        maxAge: 365 * 24 * 3600,
      })
      return c.redirect(safeReturnPath(formText(form, 'back', 1024)), 303)
    })
    .get(TRAINING_HREFS.trainer, async (c) =>
      renderPage(
        c,
        <TrainerPage
          Document={TrainingDocument}
          model={await deps.services.training.panel()}
          refreshSeconds={TRAINER_REFRESH_SECONDS}
          handoutsHref={TRAINING_HREFS.handouts}
        />,
      ),
    )
    .get(TRAINING_HREFS.handouts, (c) =>
      renderPage(
        c,
        <HandoutIndexPage
          Document={TrainingDocument}
          handouts={exerciseHandouts()}
          hrefOf={TRAINING_HREFS.handout}
        />,
      ),
    )
    .get('/admin/training/handouts/:id', (c) => {
      const exercise = findTrainingExercise(c.req.param('id'))
      if (!exercise)
        return c.text(
          `There is no exercise "${c.req.param('id').slice(0, 80)}". The list of handouts is at ${TRAINING_HREFS.handouts}.`,
          404,
        )
      return renderPage(
        c,
        <HandoutPage
          Document={TrainingDocument}
          handout={exerciseHandout(exercise)}
          indexHref={TRAINING_HREFS.handouts}
        />,
      )
    })
}
