import type { DeepReadonly } from '@sandbox/shared'
import type { IdpState } from './idp-state'

/** A committed, frozen state snapshot (what `store.read()` returns). */
export type DeepState = DeepReadonly<IdpState>
