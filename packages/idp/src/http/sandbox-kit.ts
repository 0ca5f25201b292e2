import { err, ok, type Result } from '@sandbox/shared'
import type { z } from 'zod'
import { describeSchemaError } from '../admin/sandbox-bodies'
import { type GraphContext, graphError, readJson } from './graph/graph-kit'

/** Reads and checks a sandbox API JSON body; the error response names the field at fault. */
export async function readBody<S extends z.ZodType>(
  c: GraphContext,
  schema: S,
): Promise<Result<z.infer<S>, Response>> {
  const json = await readJson(c)
  if (!json.ok) return json
  const parsed = schema.safeParse(json.value)
  if (!parsed.success) return err(graphError(c, 400, 'BadRequest', describeSchemaError(parsed.error)))
  return ok(parsed.data)
}
