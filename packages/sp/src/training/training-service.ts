// training/: training mode in Control Hub: the switch, kept in the SP's state, and the progress panel's data.
import { createTrainingModeService, type DocumentStore, ok, type Runtime } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'

interface TrainingDeps {
  readonly store: DocumentStore<SpState>
  readonly runtime: Runtime
  /** The SP's public base URL. */
  readonly url: string
}

/** Training mode of Control Hub, over the SP's state and its admin API. */
export function createTrainingService(deps: TrainingDeps) {
  const { store } = deps
  return createTrainingModeService({
    side: 'webex',
    runtime: deps.runtime,
    isOn: () => store.read().trainingMode,
    save: (on) =>
      store.update((draft) => {
        draft.trainingMode = on
        return ok(on)
      }),
    ownApi: () => ({ baseUrl: deps.url, token: store.read().adminApiToken }),
  })
}

export type TrainingService = ReturnType<typeof createTrainingService>
