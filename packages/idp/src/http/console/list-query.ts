import type { IdpContext } from '../env'

/** A list page's `?search=` and `?page=` (0-based), read leniently: bad values mean the defaults. */
export function listQueryOf(c: IdpContext): { readonly search: string; readonly page: number } {
  const search = (c.req.query('search') ?? '').slice(0, 256)
  const page = Number.parseInt(c.req.query('page') ?? '0', 10)
  return { search, page: Number.isSafeInteger(page) && page > 0 ? page : 0 }
}
