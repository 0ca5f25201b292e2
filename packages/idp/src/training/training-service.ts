// training/: training mode in the admin center: the switch, kept in the IdP's state, and the progress panel's data.
import { createTrainingModeService, type DocumentStore, ok, type Runtime } from '@sandbox/shared'
import type { IdpState } from '../state/idp-state'

interface TrainingDeps {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
  /** The IdP's public base URL. */
  readonly url: string
}

/** Training mode of the admin center, over the IdP's state and its Graph API. */
export function createTrainingService(deps: TrainingDeps) {
  const { store } = deps
  return createTrainingModeService({
    side: 'entra',
    runtime: deps.runtime,
    isOn: () => store.read().trainingMode,
    save: (on) =>
      store.update((draft) => {
        draft.trainingMode = on
        return ok(on)
      }),
    ownApi: () => ({ baseUrl: deps.url, token: store.read().graphApiToken }),
  })
}

export type TrainingService = ReturnType<typeof createTrainingService>
