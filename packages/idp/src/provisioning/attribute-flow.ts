import type { DeepReadonly } from '@sandbox/shared'
import { err, ok, type Result } from '@sandbox/shared'
import type { ObjectMapping } from '../state/idp-state'
import { evaluateExpression, parseExpression, type SourceValue } from './expressions'
import type { AttributeDefinition } from './templates'

/** A value the engine sends: a string or a Boolean (references travel separately). */
export type TargetValue = string | boolean

/** One mapping, ready to evaluate. */
interface CompiledMapping {
  readonly target: AttributeDefinition
  readonly matchingPriority: number
  readonly onCreateOnly: boolean
  readonly defaultValue: string | null
  /** The source as the mapping shows it: an attribute name, "constant", or the expression. */
  readonly sourceText: string
  readonly evaluate: (source: Readonly<Record<string, SourceValue>>) => SourceValue
}

/** An object type's mappings, parsed once per cycle. */
export interface CompiledMappings {
  readonly enabled: boolean
  readonly mappings: readonly CompiledMapping[]
  /** The source attribute the `members` target takes, if members are mapped. */
  readonly membersSource: string | null
  /** How `target` is mapped, in words ("userPrincipalName", the expression), for messages. */
  describe(target: string): string
}

/** What the mappings make of one source object. */
export interface DesiredObject {
  /** Target attribute → value; attributes whose source is empty are absent (Entra never sends nulls). */
  readonly values: ReadonlyMap<string, TargetValue>
  /** Matching attributes with their value, in precedence order. */
  readonly matching: readonly { readonly target: string; readonly value: string }[]
  /** Required target attributes that came out empty (matching ones included). */
  readonly missingRequired: readonly string[]
  /** Matching target attributes that came out empty. */
  readonly missingMatching: readonly string[]
  /** Values the target cannot take (a Boolean attribute given "maybe"), with the reason. */
  readonly problems: readonly string[]
}

/** Compiles validated mappings; an expression that no longer parses is reported, not thrown. */
export function compileMappings(
  mapping: DeepReadonly<ObjectMapping>,
  targets: readonly AttributeDefinition[],
  sources: readonly AttributeDefinition[],
): Result<CompiledMappings, string> {
  const compiled: CompiledMapping[] = []
  let membersSource: string | null = null
  const sourceNames = sources.map((s) => s.name)
  for (const m of mapping.attributeMappings) {
    const target = targets.find((t) => t.name.toLowerCase() === m.targetAttributeName.toLowerCase())
    if (!target) return err(`${m.targetAttributeName} is not an attribute of the target.`)
    if (target.type === 'Reference') {
      membersSource = m.source.type === 'Attribute' ? m.source.name : null
      continue
    }
    let evaluate: CompiledMapping['evaluate']
    if (m.source.type === 'Constant') {
      const value = m.source.value
      evaluate = () => value
    } else {
      const expression = m.source.type === 'Attribute' ? `[${m.source.name}]` : m.source.expression
      const parsed = parseExpression(expression, sourceNames)
      if (!parsed.ok) return err(`${m.targetAttributeName}: ${parsed.error}`)
      const node = parsed.value
      evaluate = (source) => evaluateExpression(node, source)
    }
    compiled.push({
      target,
      matchingPriority: m.matchingPriority,
      onCreateOnly: m.flowType === 'ObjectAddOnly',
      defaultValue: m.defaultValue,
      sourceText:
        m.source.type === 'Attribute'
          ? m.source.name
          : m.source.type === 'Constant'
            ? `the constant "${m.source.value}"`
            : m.source.expression,
      evaluate,
    })
  }
  return ok({
    enabled: mapping.enabled,
    mappings: compiled,
    membersSource,
    describe: (name) => compiled.find((c) => c.target.name === name)?.sourceText ?? name,
  })
}

function convert(value: SourceValue, target: AttributeDefinition): Result<TargetValue | null, string> {
  if (value === null) return ok(null)
  if (typeof value !== 'string') {
    if (value.length > 1)
      return err(
        `${target.name} takes one value, and the source has ${value.length} (${value.join(', ')}). Map a single-valued attribute, or pick one value with an expression such as SingleAppRoleAssignment().`,
      )
    return convert(value[0] ?? null, target)
  }
  if (value === '') return ok(null)
  if (target.type !== 'Boolean') return ok(value)
  const lower = value.toLowerCase()
  if (lower === 'true' || lower === 'false') return ok(lower === 'true')
  return err(`${target.name} is a Boolean, and the mapping gave "${value}" (expected "True" or "False").`)
}

/**
 * Evaluates the mappings over a source object. `create` takes every mapping; `update` only
 * those applied Always (not "Only during object creation").
 */
export function desiredObject(
  compiled: CompiledMappings,
  source: Readonly<Record<string, SourceValue>>,
  purpose: 'create' | 'update',
): DesiredObject {
  const values = new Map<string, TargetValue>()
  const matching: { target: string; value: string; priority: number }[] = []
  const missingRequired: string[] = []
  const missingMatching: string[] = []
  const problems: string[] = []
  for (const m of compiled.mappings) {
    const raw = m.evaluate(source)
    const converted = convert(raw === null || raw === '' ? m.defaultValue : raw, m.target)
    if (!converted.ok) {
      problems.push(converted.error)
      continue
    }
    const value = converted.value
    if (value === null) {
      if (m.target.required || m.matchingPriority > 0) missingRequired.push(m.target.name)
      if (m.matchingPriority > 0) missingMatching.push(m.target.name)
      continue
    }
    if (m.matchingPriority > 0)
      matching.push({ target: m.target.name, value: String(value), priority: m.matchingPriority })
    if (purpose === 'update' && m.onCreateOnly) continue
    values.set(m.target.name, value)
  }
  matching.sort((a, b) => a.priority - b.priority)
  return {
    values,
    matching: matching.map(({ target, value }) => ({ target, value })),
    missingRequired,
    missingMatching,
    problems,
  }
}

/** Whether two target values are the same for this attribute (names and emails ignore case). */
export function sameValue(
  a: TargetValue | undefined,
  b: TargetValue | undefined,
  target?: AttributeDefinition,
): boolean {
  if (a === undefined || b === undefined) return a === b
  if (typeof a === 'string' && typeof b === 'string' && target && !target.caseExact)
    return a.toLowerCase() === b.toLowerCase()
  return a === b
}
