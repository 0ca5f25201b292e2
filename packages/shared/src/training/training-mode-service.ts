import { ok } from '../result'
import type { Runtime } from '../runtime'
import type { DeepReadonly, DocumentStore } from '../store/document-store'
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

/** The part of a server's state that training mode keeps: its switch. */
export interface TrainingModeState {
  trainingMode: boolean
}

/** What a server gives {@link createStoredTrainingModeService}: its state, and how to call its own admin API. */
export interface StoredTrainingModeDeps<S extends TrainingModeState> {
  readonly side: TrainingSide
  readonly runtime: Runtime
  readonly store: DocumentStore<S>
  /** The server's public base URL, where its admin API answers. */
  readonly url: string
  /** The admin API's token as the state holds it (Graph for Entra, the admin API for Control Hub). */
  readonly apiToken: (state: DeepReadonly<S>) => string
}

/**
 * Training mode of a console whose switch lives in its server's state document (both servers
 * keep it as `trainingMode`), and whose own tutorial state is read through its admin API.
 */
export function createStoredTrainingModeService<S extends TrainingModeState>(
  deps: StoredTrainingModeDeps<S>,
) {
  const { store } = deps
  return createTrainingModeService({
    side: deps.side,
    runtime: deps.runtime,
    isOn: () => store.read().trainingMode,
    save: (on) =>
      store.update((draft) => {
        draft.trainingMode = on
        return ok(on)
      }),
    ownApi: () => ({ baseUrl: deps.url, token: deps.apiToken(store.read()) }),
  })
}
