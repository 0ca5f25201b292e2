import { err, ok, type Result } from '@sandbox/shared'
import type { AttributeMapping, ObjectMapping } from '../state/idp-state'
import { FLOW_TYPES } from '../state/idp-state'
import { parseExpression } from './expressions'
import type { AttributeDefinition } from './templates'

/** The most rows one object mapping may have. */
const MAX_MAPPINGS = 64
const MAX_TEXT = 1024

/** A mapping row as an editor or Graph sends it (checked here, then stored). */
export interface MappingInput {
  readonly targetAttributeName: string
  readonly source:
    | { readonly type: 'Attribute'; readonly name: string }
    | { readonly type: 'Constant'; readonly value: string }
    | { readonly type: 'Function'; readonly expression: string }
  readonly matchingPriority?: number
  readonly flowType?: string
  readonly defaultValue?: string | null
}

const find = (list: readonly AttributeDefinition[], name: string) =>
  list.find((a) => a.name.toLowerCase() === name.toLowerCase())

/** Checks one row; returns it with the names spelled as the schemas spell them. */
function checkRow(
  row: MappingInput,
  targets: readonly AttributeDefinition[],
  sources: readonly AttributeDefinition[],
  noun: string,
): Result<AttributeMapping, string> {
  const target = find(targets, row.targetAttributeName)
  if (!target)
    return err(
      `"${row.targetAttributeName}" is not an attribute of the target's ${noun}s; use one of ${targets.map((t) => t.name).join(', ')}.`,
    )
  const priority = row.matchingPriority ?? 0
  if (!Number.isInteger(priority) || priority < 0 || priority > 16)
    return err(`${target.name}: Matching precedence must be a whole number from 0 (not matching) to 16.`)
  const flowType = row.flowType ?? 'Always'
  if (!(FLOW_TYPES as readonly string[]).includes(flowType))
    return err(
      `${target.name}: Apply this mapping must be Always or ObjectAddOnly (only during object creation).`,
    )
  if (priority > 0 && !target.filterable)
    return err(
      `${target.name} cannot be a matching attribute: the target cannot be queried by it. Use one of ${targets
        .filter((t) => t.filterable)
        .map((t) => t.name)
        .join(', ')}.`,
    )
  if (priority > 0 && flowType !== 'Always')
    return err(`${target.name} is a matching attribute, so it must be applied Always.`)
  const defaultValue = row.defaultValue ?? null
  if (defaultValue !== null && defaultValue.length > MAX_TEXT)
    return err(`${target.name}: the default value is longer than ${MAX_TEXT} characters.`)
  const base = {
    targetAttributeName: target.name,
    matchingPriority: priority,
    flowType: flowType as AttributeMapping['flowType'],
    defaultValue,
  }
  const { source } = row
  if (source.type === 'Attribute') {
    const attribute = find(sources, source.name)
    if (!attribute)
      return err(
        `${target.name}: "${source.name}" is not an attribute of Microsoft Entra ${noun}s; use one of ${sources.map((s) => s.name).join(', ')}.`,
      )
    if ((attribute.type === 'Reference') !== (target.type === 'Reference'))
      return err(
        `${target.name}: ${attribute.name} is a ${attribute.type} and ${target.name} a ${target.type}; members map only to members.`,
      )
    if (target.type === 'Boolean' && attribute.type !== 'Boolean')
      return err(
        `${target.name} is a Boolean; map it from a Boolean attribute (accountEnabled) or an expression such as Not([IsSoftDeleted]).`,
      )
    return ok({ ...base, source: { type: 'Attribute', name: attribute.name } })
  }
  if (target.type === 'Reference')
    return err(`${target.name} takes references: map it from the attribute members.`)
  if (source.type === 'Constant') {
    if (source.value.length > MAX_TEXT)
      return err(`${target.name}: the constant is longer than ${MAX_TEXT} characters.`)
    if (target.type === 'Boolean' && !/^(true|false)$/i.test(source.value))
      return err(`${target.name} is a Boolean; the constant must be True or False, not "${source.value}".`)
    return ok({ ...base, source: { type: 'Constant', value: source.value } })
  }
  const parsed = parseExpression(
    source.expression,
    sources.map((s) => s.name),
  )
  if (!parsed.ok) return err(`${target.name}: ${parsed.error}`)
  return ok({ ...base, source: { type: 'Function', expression: source.expression.trim() } })
}

/**
 * Validates an edit of one object type's mappings (Attribute Mapping's Save): every target
 * attribute once, known sources, expressions that parse, matching attributes the target can
 * be queried by with distinct precedences (at least one), the required attributes mapped.
 */
export function validateObjectMapping(
  input: { readonly enabled: boolean; readonly attributeMappings: readonly MappingInput[] },
  targets: readonly AttributeDefinition[],
  sources: readonly AttributeDefinition[],
  noun: 'user' | 'group',
): Result<ObjectMapping, string> {
  if (input.attributeMappings.length > MAX_MAPPINGS)
    return err(`At most ${MAX_MAPPINGS} mappings are allowed.`)
  const rows: AttributeMapping[] = []
  for (const row of input.attributeMappings) {
    const checked = checkRow(row, targets, sources, noun)
    if (!checked.ok) return checked
    if (rows.some((r) => r.targetAttributeName === checked.value.targetAttributeName))
      return err(
        `${checked.value.targetAttributeName} is mapped twice; a target attribute takes one mapping.`,
      )
    rows.push(checked.value)
  }
  for (const required of targets.filter((t) => t.required))
    if (!rows.some((r) => r.targetAttributeName === required.name))
      return err(`${required.name} is required by the target; add a mapping for it.`)
  const matching = rows.filter((r) => r.matchingPriority > 0)
  if (matching.length === 0)
    return err(
      `At least one mapping must be a matching attribute (Matching precedence 1), for example ${noun === 'user' ? 'userName' : 'displayName'}.`,
    )
  const priorities = matching.map((r) => r.matchingPriority)
  if (new Set(priorities).size !== priorities.length)
    return err(
      `Two matching attributes have the same Matching precedence (${priorities.join(', ')}); give each its own.`,
    )
  return ok({ enabled: input.enabled, attributeMappings: rows })
}
