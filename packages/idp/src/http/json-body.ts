import { err, ok, parseJsonBody, type Result } from '@sandbox/shared'
import type { z } from 'zod'
import { describeSchemaError } from '../admin/sandbox-bodies'
import type { IdpContext } from './env'
import { graphError } from './graph/graph-errors'

/** The largest JSON body the admin APIs read. */
const MAX_JSON_BYTES = 1024 * 1024

/** Reads a JSON body (an empty one reads as `{}`), or answers Graph's error for an unreadable one. */
export async function readJson(c: IdpContext): Promise<Result<unknown, Response>> {
  const type = c.req.header('content-type') ?? ''
  const length = Number(c.req.header('content-length') ?? '0')
  const tooLarge = `The request body exceeds ${MAX_JSON_BYTES} bytes.`
  if (length > MAX_JSON_BYTES) return err(graphError(c, 'Request_EntityTooLarge', tooLarge))
  const json = parseJsonBody(await c.req.text(), { limit: MAX_JSON_BYTES })
  if (!json.ok && json.error.code === 'JSON_TOO_LARGE')
    return err(graphError(c, 'Request_EntityTooLarge', tooLarge))
  if (!json.ok && json.error.code === 'JSON_EMPTY') return ok({})
  if (!type.includes('json'))
    return err(graphError(c, 'BadRequest', 'Set the Content-Type header to application/json.'))
  if (!json.ok)
    return err(
      graphError(
        c,
        'BadRequest',
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      ),
    )
  return json
}

/** Reads and checks a sandbox API JSON body; the error response names the field at fault. */
export async function readBody<S extends z.ZodType>(
  c: IdpContext,
  schema: S,
): Promise<Result<z.infer<S>, Response>> {
  const json = await readJson(c)
  if (!json.ok) return json
  const parsed = schema.safeParse(json.value)
  if (!parsed.success) return err(graphError(c, 'BadRequest', describeSchemaError(parsed.error)))
  return ok(parsed.data)
}
