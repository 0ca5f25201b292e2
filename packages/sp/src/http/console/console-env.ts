// http/console/: Control Hub's pages: sign-in, the admin guard and CSRF, one route module per area (README.md).
import type { ActiveExerciseView, SecurityVariables, TrainingPanelModel } from '@sandbox/shared'
import type { Context } from 'hono'
import type { AdminIdentity } from '../../control-hub/admin-account'
import type { SpEnv } from '../env'

/** The signed-in administrator, as `requireControlHubAdmin` leaves it for the route. */
export interface ConsoleAdmin {
  readonly identity: AdminIdentity
  /** The CSRF token every form on the page carries (in `csrf_token`). */
  readonly csrfToken: string
}

/** The context of a guarded Control Hub route: `c.get('consoleAdmin')` is set. */
export interface ConsoleEnv {
  Variables: SecurityVariables & {
    consoleAdmin: ConsoleAdmin
    /** The training progress panel, read before the route while training mode is on. */
    trainingPanel?: TrainingPanelModel
    /** The break-it exercise handed out, shown at the panel's end. */
    trainingActive?: ActiveExerciseView
  }
  Bindings: SpEnv['Bindings']
}

export type ConsoleContext = Context<ConsoleEnv>
