import { attachmentDisposition } from '@sandbox/shared'
import type { HttpDeps, IdpContext } from '../env'

/**
 * A log download (`?format=csv` or `?format=json`): the file as an attachment named by `fileName`
 * from the day (the sandbox clock's), never cached; an unknown format is a 400 that names both.
 */
export function logDownload(
  c: IdpContext,
  deps: HttpDeps,
  file: {
    readonly fileName: (day: string, format: 'csv' | 'json') => string
    readonly csv: () => string
    readonly json: () => unknown
  },
): Response {
  const format = c.req.query('format') ?? ''
  if (format !== 'csv' && format !== 'json')
    return c.text(`Download format '${format.slice(0, 32)}' is unknown: use format=csv or format=json.`, 400)
  const day = new Date(deps.services.runtime.clock.now()).toISOString().slice(0, 10)
  const headers = {
    'Cache-Control': 'no-store',
    'Content-Disposition': attachmentDisposition(file.fileName(day, format)),
  }
  if (format === 'csv')
    return c.body(file.csv(), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' })
  return c.body(JSON.stringify(file.json(), null, 2), 200, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
  })
}
