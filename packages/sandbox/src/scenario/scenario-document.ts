// Reads scenario text (YAML, and so JSON, which is YAML) into a plain value plus a way to find
// the line and column of any path in it, so schema and reference errors can point at the text.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import type { ScenarioIssue, ScenarioPath } from './scenario-error'

/** Where a path starts in the text, 1-based; null when the scenario has no text. */
export type Locate = (path: ScenarioPath, at?: 'key' | 'value') => { line: number; column: number } | null

/** A parsed scenario: its value and where each part of it is in the text. */
export interface ScenarioDocument {
  readonly value: unknown
  readonly locate: Locate
}

/** The same shape for a scenario given as an object: no positions. */
export function objectDocument(value: unknown): ScenarioDocument {
  return { value, locate: () => null }
}

/**
 * Parses scenario text. Syntax errors (and duplicate keys) come back as issues with the line
 * and column the parser stopped at; the text is then not used at all.
 */
export function parseScenarioText(text: string): ScenarioDocument | { issues: ScenarioIssue[] } {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (document.errors.length > 0) {
    return {
      issues: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0])
        return {
          path: [],
          line: position.line,
          column: position.col,
          message: `YAML syntax error: ${error.message.split('\n')[0] ?? error.code}`,
        }
      }),
    }
  }
  const locate: Locate = (path, at = 'value') => {
    let node: unknown = document.contents
    let last: Node | null = isNodeLike(node) ? node : null
    for (const [depth, step] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))
        if (!pair) break
        const wantKey = at === 'key' && depth === path.length - 1
        node = wantKey ? pair.key : (pair.value ?? pair.key)
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step]
      } else break
      if (!isNodeLike(node)) break
      last = node
    }
    const offset = last?.range?.[0]
    if (offset === undefined) return null
    const position = lineCounter.linePos(offset)
    return { line: position.line, column: position.col }
  }
  return { value: document.toJS({ maxAliasCount: 100 }), locate }
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value
}
