// Turns the schema's findings into scenario issues that say what was expected: the keys an
// object takes (with a "did you mean" for a misspelt one), a missing key by name, the choices
// of an enumeration.
import { z } from 'zod'
import type { ScenarioDocument } from './scenario-document'
import { didYouMean, type ScenarioIssue, type ScenarioPath } from './scenario-error'

type AnySchema = z.ZodType

/** The object schemas a path can lead to (a union leads to several). */
function objectsAt(schema: AnySchema, path: ScenarioPath): z.ZodObject[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return objectsAt(schema.unwrap() as AnySchema, path)
  if (schema instanceof z.ZodUnion) return (schema.options as AnySchema[]).flatMap((o) => objectsAt(o, path))
  const [step, ...rest] = path
  if (step === undefined) return schema instanceof z.ZodObject ? [schema] : []
  if (schema instanceof z.ZodArray && typeof step === 'number')
    return objectsAt(schema.element as AnySchema, rest)
  if (schema instanceof z.ZodObject && typeof step === 'string') {
    const child = schema.shape[step] as AnySchema | undefined
    return child ? objectsAt(child, rest) : []
  }
  return []
}

/** The keys an object at this path takes. */
export function keysAt(schema: AnySchema, path: ScenarioPath): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((o) => Object.keys(o.shape)))]
}

function valueAt(value: unknown, path: ScenarioPath): { found: boolean; value: unknown } {
  let current = value
  for (const step of path) {
    if (current === null || typeof current !== 'object' || !(step in current))
      return { found: false, value: undefined }
    current = (current as Record<string | number, unknown>)[step]
  }
  return { found: true, value: current }
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}

function issuesOf(
  schema: AnySchema,
  document: ScenarioDocument,
  issue: z.core.$ZodIssue,
  basePath: ScenarioPath = [],
): ScenarioIssue[] {
  const path = [...basePath, ...(issue.path as (string | number)[])]
  const at = (where: ScenarioPath, part: 'key' | 'value' = 'value') => {
    const position = document.locate(where, part)
    return { line: position?.line ?? null, column: position?.column ?? null }
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path)
      return issue.keys.map((key) => ({
        path: [...path, key],
        ...at([...path, key], 'key'),
        message: `unknown key "${key}".${didYouMean(key, allowed)} Expected one of: ${allowed.join(', ')}.`,
      }))
    }
    case 'invalid_type': {
      const found = valueAt(document.value, path)
      if (!found.found) {
        const parent = path.slice(0, -1)
        return [
          {
            path,
            ...at(parent),
            message: `missing required key "${String(path.at(-1))}" (expected ${issue.expected}).`,
          },
        ]
      }
      return [{ path, ...at(path), message: `expected ${issue.expected}, found ${typeName(found.value)}.` }]
    }
    case 'invalid_union': {
      // The branch that got furthest says the most; when every branch fails at the value
      // itself, name what each would take.
      const branches = issue.errors.filter((b) => b.length > 0)
      const deepest = [...branches].sort(
        (a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)),
      )[0]
      if (deepest?.some((i) => i.path.length > 0 || i.code === 'unrecognized_keys'))
        return deepest.flatMap((i) => issuesOf(schema, document, i, path))
      const found = valueAt(document.value, path)
      const shapes = keysAt(schema, path)
      return [
        {
          path,
          ...at(path),
          message: `${found.found ? typeName(found.value) : 'nothing'} is not one of the accepted forms${
            shapes.length ? ` (a mapping takes: ${shapes.join(', ')})` : ''
          }: ${deepest?.[0]?.message ?? issue.message}.`,
        },
      ]
    }
    default:
      return [{ path, ...at(path), message: `${issue.message}.` }]
  }
}

/** The scenario issues of a schema failure, in document order. */
export function schemaIssues(
  schema: AnySchema,
  document: ScenarioDocument,
  error: z.ZodError,
): ScenarioIssue[] {
  return error.issues
    .flatMap((issue) => issuesOf(schema, document, issue))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}
