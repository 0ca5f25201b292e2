import type { Runtime } from '../runtime'
import { readTrainingPanel, type TrainingPanelModel } from './training-panel-model'
import type { TrainingSide } from './training-state-link'
import type { AdminApiSource } from './tutorial-snapshot'

/** What a server gives {@link createTrainingModeService}: where its switch is kept, and its admin API. */
export interface TrainingModeDeps {
  readonly side: TrainingSide
  readonly runtime: Runtime
  /** The switch as this server's state holds it. */
  isOn(): boolean
  /** Saves the switch in this server's state. */
  save(on: boolean): Promise<unknown>
  /** This server's own admin API, read when no training link joins the two servers. */
  ownApi(): AdminApiSource
}

/**
 * Training mode of one console. Each server keeps its own switch; when both run together (the
 * sandbox), switching it in one console switches the other as well, since a trainer turns
 * training on for the class, not for one tab.
 */
export function createTrainingModeService(deps: TrainingModeDeps) {
  const { side, runtime } = deps
  runtime.training?.followMode(side, async (on) => {
    await deps.save(on)
  })
  return {
    isOn: (): boolean => deps.isOn(),
    /** Switches training mode here and, when linked, in the other console. */
    async setOn(on: boolean): Promise<void> {
      await deps.save(on)
      await runtime.training?.announceMode(side, on)
    },
    /** Where the class stands, read from both servers (read-only), as the panel shows it. */
    panel(): Promise<TrainingPanelModel> {
      return readTrainingPanel(runtime, side, deps.ownApi())
    },
  }
}

export type TrainingModeService = ReturnType<typeof createTrainingModeService>
