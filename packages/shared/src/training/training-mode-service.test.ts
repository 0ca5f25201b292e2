import { describe, expect, it } from 'vitest'
import type { Runtime } from '../runtime'
import { createMemoryStore } from '../store/document-store'
import { createStoredTrainingModeService } from './training-mode-service'
import { createTrainingStateSlot } from './training-state-link'

interface ServerState {
  trainingMode: boolean
  apiToken: string
}

/** Only `training` is read by the service; the rest of a runtime plays no part here. */
const runtimeWith = (training = createTrainingStateSlot()) => ({ training }) as unknown as Runtime

function serviceOver(side: 'entra' | 'webex', runtime: Runtime, on = false) {
  const store = createMemoryStore<ServerState>({ trainingMode: on, apiToken: `${side}-token` })
  const service = createStoredTrainingModeService({
    side,
    runtime,
    store,
    url: `http://${side}.localhost`,
    apiToken: (state) => state.apiToken,
  })
  return { store, service }
}

describe('createStoredTrainingModeService', () => {
  it("reads the switch from the server's state and saves it there", async () => {
    const { store, service } = serviceOver('entra', runtimeWith())
    expect(service.isOn()).toBe(false)
    await service.setOn(true)
    expect(store.read().trainingMode).toBe(true)
    expect(service.isOn()).toBe(true)
  })

  it('switches the other console when both share a runtime, and not itself twice', async () => {
    const runtime = runtimeWith()
    const entra = serviceOver('entra', runtime)
    const webex = serviceOver('webex', runtime)
    await entra.service.setOn(true)
    expect(webex.store.read().trainingMode).toBe(true)
    await webex.service.setOn(false)
    expect(entra.store.read().trainingMode).toBe(false)
  })

  it('keeps a lone server to itself (no training slot on the runtime)', async () => {
    const { store, service } = serviceOver('webex', {} as Runtime, true)
    await service.setOn(false)
    expect(store.read().trainingMode).toBe(false)
  })
})
