import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openFileStore, writeStateFile } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { createTestServices } from '../test-support/harness'
import { IDP_STATE_FILE, type IdpState } from './idp-state'

describe('the provisioning part of the IdP state', () => {
  it('is empty in a state file written before provisioning existed, and everything else loads as it was', async () => {
    const { store } = await createTestServices()
    const { provisioning: _absent, ...older } = structuredClone(store.read()) as IdpState
    const path = join(mkdtempSync(join(tmpdir(), 'idp-state-')), 'state.json')
    await writeStateFile(path, IDP_STATE_FILE, older)
    expect(JSON.parse(readFileSync(path, 'utf8')).data).not.toHaveProperty('provisioning')
    const opened = await openFileStore({
      path,
      spec: IDP_STATE_FILE,
      createInitial: async () => store.read() as IdpState,
    })
    if (!opened.ok) throw new Error(opened.error.message)
    expect(opened.value.read().provisioning).toEqual({ jobs: [], logs: [] })
    expect(opened.value.read().users).toEqual(store.read().users)
    await opened.value.close()
  })
})
