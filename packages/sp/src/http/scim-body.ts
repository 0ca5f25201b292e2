import { err, ok, parseJsonBody, type Result } from '@sandbox/shared'
import type { Context } from 'hono'
import { MAX_SCIM_BODY_BYTES } from '../scim/discovery'
import type { ScimError } from '../scim/scim-error'

/** Reads a request body as text, refusing more than `limit` bytes without buffering them all. */
async function readCapped(request: Request, limit: number): Promise<Result<string, 'too-large'>> {
  if (!request.body) return ok('')
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return err('too-large')
    }
    chunks.push(value)
  }
  return ok(Buffer.concat(chunks).toString('utf8'))
}

/** Reads a SCIM JSON body: the content type, the size limit and the JSON syntax are checked. */
export async function readScimBody(
  c: Context,
  limit: number = MAX_SCIM_BODY_BYTES,
): Promise<Result<unknown, ScimError>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/scim+json' && type !== 'application/json') {
    return err({
      status: 415,
      detail: `Content-Type must be application/scim+json (or application/json), not "${type || 'none'}".`,
    })
  }
  const tooLarge: ScimError = {
    status: 413,
    detail: `The request body is larger than ${limit} bytes; send fewer attributes, members or operations per request.`,
  }
  const declared = Number(c.req.header('content-length') ?? '0')
  if (declared > limit) return err(tooLarge)
  const text = await readCapped(c.req.raw, limit)
  if (!text.ok) return err(tooLarge)
  const json = parseJsonBody(text.value, { limit })
  if (json.ok) c.set('scimRequestBody', json.value)
  if (json.ok) return json
  if (json.error.code === 'JSON_TOO_LARGE') return err(tooLarge)
  return err({ status: 400, scimType: 'invalidSyntax', detail: json.error.message })
}
