/** Where a console sign-in goes when the page asked for is missing or not acceptable. */
export const CONSOLE_HOME = '/'

const MAX_RETURN_PATH = 2048

/**
 * The page a console sign-in returns to, reduced to a path on this site: a relative path that
 * starts with one `/` (not `//` or `/\`, which browsers read as another host), printable ASCII
 * only, and that still resolves to this origin. Anything else returns home, so the sign-in
 * page can never be used to send an admin to another site.
 */
export function safeReturnPath(raw: string | undefined | null): string {
  if (!raw || raw.length > MAX_RETURN_PATH) return CONSOLE_HOME
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return CONSOLE_HOME
  if (!/^[\x21-\x7e]+$/.test(raw)) return CONSOLE_HOME
  const base = 'http://return.invalid'
  let parsed: URL
  try {
    parsed = new URL(raw, base)
  } catch {
    return CONSOLE_HOME
  }
  if (parsed.origin !== base) return CONSOLE_HOME
  return `${parsed.pathname}${parsed.search}`
}
