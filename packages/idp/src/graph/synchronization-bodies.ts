import { err, ok, type Result } from '@sandbox/shared'
import { z } from 'zod'
import type { MappingInput } from '../provisioning/mapping-rules'
import type { MappingEdits } from '../provisioning/provisioning-service'

const text = z.string().max(4096)
const keyValue = z.object({ key: z.string().max(128), value: z.string().max(8192) }).partial({ value: true })

/** POST …/synchronization/jobs. */
export const createJobBody = z.object({ templateId: text })

/** PUT …/synchronization/secrets. */
export const secretsBody = z.object({ value: z.array(keyValue).max(32) })

/** POST …/jobs/{id}/validateCredentials (and …/jobs/validateCredentials with a templateId). */
export const validateCredentialsBody = z
  .object({
    useSavedCredentials: z.boolean(),
    credentials: z.array(keyValue).max(32),
    templateId: text,
    applicationIdentifier: text,
  })
  .partial()

/** POST …/jobs/{id}/restart. */
export const restartBody = z.object({ criteria: z.object({ resetScope: text }).partial() }).partial()

/** POST …/jobs/{id}/provisionOnDemand. */
export const onDemandBody = z.object({
  parameters: z
    .array(
      z
        .object({
          ruleId: text,
          subjects: z
            .array(
              z.object({
                objectId: text,
                objectTypeName: text,
                // Graph names a group's members to provision under links.members.
                links: z
                  .object({ members: z.array(z.object({ objectId: text, objectTypeName: text })).max(6) })
                  .partial()
                  .optional(),
              }),
            )
            .min(1)
            .max(6),
        })
        .partial({ ruleId: true }),
    )
    .min(1)
    .max(1),
})

/** The restart scope named by Graph's resetScope flags ("Watermark, Escrows, QuarantineState", "Full"). */
export function readResetScope(
  value: string | undefined,
): Result<{ watermark: boolean; escrows: boolean; quarantine: boolean }, string> {
  if (value === undefined || value.trim() === '')
    return ok({ watermark: true, escrows: true, quarantine: true })
  const flags = value.split(',').map((f) => f.trim().toLowerCase())
  const known = ['none', 'watermark', 'escrows', 'quarantinestate', 'full', 'forcedeletes']
  const unknown = flags.find((f) => !known.includes(f))
  if (unknown)
    return err(
      `resetScope "${unknown}" is not one of Watermark, Escrows, QuarantineState, Full, ForceDeletes.`,
    )
  const full = flags.includes('full')
  return ok({
    watermark: full || flags.includes('watermark'),
    escrows: full || flags.includes('escrows'),
    quarantine: full || flags.includes('quarantinestate'),
  })
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

function readSource(value: unknown, where: string): Result<MappingInput['source'], string> {
  if (!isObject(value)) return err(`${where}.source must be an object {type, name, expression}.`)
  const type = typeof value.type === 'string' ? value.type : ''
  const name = typeof value.name === 'string' ? value.name : undefined
  const expression = typeof value.expression === 'string' ? value.expression : undefined
  if (type === 'Attribute') {
    const attribute = name ?? /^\s*\[([^\]]+)\]\s*$/.exec(expression ?? '')?.[1]
    return attribute ? ok({ type, name: attribute }) : err(`${where}.source of type Attribute needs a name.`)
  }
  if (type === 'Constant') {
    const constant = name ?? /^\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(expression ?? '')?.[1]
    return constant !== undefined
      ? ok({ type, value: constant })
      : err(`${where}.source of type Constant needs a name (the value).`)
  }
  if (type === 'Function') {
    return expression
      ? ok({ type, expression })
      : err(`${where}.source of type Function needs an expression.`)
  }
  return err(`${where}.source.type must be Attribute, Constant or Function, not "${type.slice(0, 40)}".`)
}

function readAttributeMapping(value: unknown, where: string): Result<MappingInput, string> {
  if (!isObject(value)) return err(`${where} must be an object.`)
  if (typeof value.targetAttributeName !== 'string') return err(`${where}.targetAttributeName is required.`)
  const source = readSource(value.source, where)
  if (!source.ok) return source
  const priority = value.matchingPriority ?? 0
  if (typeof priority !== 'number') return err(`${where}.matchingPriority must be a number.`)
  const flowType = value.flowType ?? 'Always'
  if (typeof flowType !== 'string') return err(`${where}.flowType must be a string.`)
  const defaultValue = value.defaultValue ?? null
  if (defaultValue !== null && typeof defaultValue !== 'string')
    return err(`${where}.defaultValue must be a string or null.`)
  return ok({
    targetAttributeName: value.targetAttributeName,
    source: source.value,
    matchingPriority: priority,
    flowType,
    defaultValue,
  })
}

/**
 * Reads PUT …/jobs/{id}/schema: a synchronizationSchema whose first rule's object mappings
 * (User, Group) carry the mappings. Directories are the connector's and are not changed.
 */
export function readSchemaBody(body: unknown): Result<MappingEdits, string> {
  if (!isObject(body) || !Array.isArray(body.synchronizationRules) || body.synchronizationRules.length === 0)
    return err('The body must be a synchronizationSchema with synchronizationRules[0].objectMappings.')
  const rule = body.synchronizationRules[0]
  if (!isObject(rule) || !Array.isArray(rule.objectMappings))
    return err('synchronizationRules[0].objectMappings is required.')
  const edits: { users?: MappingEdits['users']; groups?: MappingEdits['groups'] } = {}
  for (const [i, mapping] of rule.objectMappings.entries()) {
    const where = `objectMappings[${i}]`
    if (!isObject(mapping) || !Array.isArray(mapping.attributeMappings))
      return err(`${where}.attributeMappings is required.`)
    const kind = String(mapping.sourceObjectName ?? '').toLowerCase()
    if (kind !== 'user' && kind !== 'group') return err(`${where}.sourceObjectName must be User or Group.`)
    const rows: MappingInput[] = []
    for (const [j, row] of mapping.attributeMappings.slice(0, 65).entries()) {
      const read = readAttributeMapping(row, `${where}.attributeMappings[${j}]`)
      if (!read.ok) return read
      rows.push(read.value)
    }
    const edit = { enabled: mapping.enabled !== false, attributeMappings: rows }
    if (kind === 'user') edits.users = edit
    else edits.groups = edit
  }
  return ok(edits)
}

/**
 * The subjects of a provisionOnDemand body as one list: a group's `links.members` (Graph's
 * shape) follow the group, as members listed beside it do.
 */
export function onDemandSubjects(
  subjects: readonly {
    objectId: string
    objectTypeName: string
    links?: { members?: readonly { objectId: string; objectTypeName: string }[] } | undefined
  }[],
): { objectId: string; objectTypeName: string }[] {
  return subjects.flatMap(({ objectId, objectTypeName, links }) => [
    { objectId, objectTypeName },
    ...(links?.members ?? []).map((m) => ({ objectId: m.objectId, objectTypeName: m.objectTypeName })),
  ])
}
