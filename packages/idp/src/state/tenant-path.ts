import { verifiedDomains } from '../directory/user-rules'
import type { DeepState } from './deep-state'

/**
 * Whether a `{tenant}` path segment names this tenant: its GUID or one of its verified domains,
 * as login.microsoftonline.com accepts both.
 */
export function isThisTenant(state: DeepState, segment: string): boolean {
  const value = segment.toLowerCase()
  return value === state.tenant.id.toLowerCase() || verifiedDomains(state).includes(value)
}
