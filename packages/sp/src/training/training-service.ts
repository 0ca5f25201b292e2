// training/: training mode in Control Hub: the switch, kept in the SP's state, and the progress panel's data.
import {
  type DocumentStore,
  ok,
  type Runtime,
  readTrainingPanel,
  type TrainingPanelModel,
} from '@sandbox/shared'
import type { SpState } from '../state/sp-state'

interface TrainingDeps {
  readonly store: DocumentStore<SpState>
  readonly runtime: Runtime
  /** The SP's public base URL. */
  readonly url: string
}

/**
 * Training mode of Control Hub. Each server keeps its own switch; when both run together
 * (the sandbox), switching it in one console switches the other as well, since a trainer turns
 * training on for the class, not for one tab.
 */
export function createTrainingService(deps: TrainingDeps) {
  const { store, runtime } = deps
  const setOwn = (on: boolean) =>
    store.update((draft) => {
      draft.trainingMode = on
      return ok(on)
    })
  runtime.training?.followMode('webex', async (on) => {
    await setOwn(on)
  })
  return {
    isOn: (): boolean => store.read().trainingMode,
    /** Switches training mode here and, when linked, in the Entra admin center. */
    async setOn(on: boolean): Promise<void> {
      await setOwn(on)
      await runtime.training?.announceMode('webex', on)
    },
    /** Where the class stands, read from both servers (read-only), as the panel shows it. */
    panel(): Promise<TrainingPanelModel> {
      return readTrainingPanel(runtime, 'webex', { baseUrl: deps.url, token: store.read().adminApiToken })
    },
  }
}

export type TrainingService = ReturnType<typeof createTrainingService>
