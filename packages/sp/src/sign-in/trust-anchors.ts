import { certificateToDer, type Runtime } from '@sandbox/shared'
import type { SpSnapshot } from '../state/sp-state'

/** The org's trust store: the sandbox root CA, always, plus the roots an admin added. */
export function trustAnchors(runtime: Runtime, state: SpSnapshot): Buffer[] {
  return [runtime.ca.root.certificatePem, ...state.sso.trustedRoots]
    .map((pem) => certificateToDer(pem))
    .filter((der): der is Buffer => der !== null)
}
