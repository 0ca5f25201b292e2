// Scenario strings may name the running sandbox's own addresses, which change from start to
// start (free ports, fresh tenant and org ids): `${webex.url}/idb/Consumer/metaAlias/${webex.orgId}/sp`.

import type { Locate } from './scenario-document'
import type { ScenarioIssue, ScenarioPath } from './scenario-error'

/** The values the placeholders stand for. */
export interface SandboxAddresses {
  readonly 'entra.url': string
  readonly 'entra.tenantId': string
  readonly 'webex.url': string
  readonly 'webex.orgId': string
}

const PLACEHOLDER = /\$\{([^}]*)\}/g

/** Replaces every placeholder in every string of `value`; unknown ones become issues. */
export function fillPlaceholders(
  value: unknown,
  addresses: SandboxAddresses,
  locate: Locate,
): { value: unknown; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = []
  const known = Object.keys(addresses)
  const visit = (node: unknown, path: ScenarioPath): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (Object.hasOwn(addresses, name)) return addresses[name as keyof SandboxAddresses]
        const position = locate(path)
        issues.push({
          path,
          line: position?.line ?? null,
          column: position?.column ?? null,
          message: `unknown placeholder ${whole}; the placeholders are ${known.map((k) => `\${${k}}`).join(', ')}.`,
        })
        return whole
      })
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, [...path, i]))
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v, [...path, k])]))
    return node
  }
  return { value: visit(value, []), issues }
}

/** The reverse, for export: the sandbox's own addresses in strings become placeholders again. */
export function toPlaceholders(value: unknown, addresses: SandboxAddresses): unknown {
  // URLs first: they contain the tenant id.
  const order = (['webex.url', 'entra.url', 'entra.tenantId', 'webex.orgId'] as const).filter(
    (name) => addresses[name].length > 0,
  )
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string')
      return order.reduce((text, name) => text.split(addresses[name]).join(`\${${name}}`), node)
    if (Array.isArray(node)) return node.map(visit)
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)]))
    return node
  }
  return visit(value)
}
