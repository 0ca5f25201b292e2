/** Characters after which a long name may wrap: URL and URN separators, never letters or digits. */
const SEPARATORS = new Set(['/', ':', '.', '#', '?', '&', '=', '@', '_', '-', '|', ',', ';', '+', '~'])

/**
 * Cuts a long identifier (a claim URI, a URN, an entity ID) into the parts between which a line
 * may break: after each run of separators, so `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name`
 * breaks after `//`, `.`, `/`, and never inside a word. Joining the parts gives the text back.
 * Short texts (under `minLength`) stay whole: they need no break and should not get one.
 */
export function separatorBreaks(text: string, minLength = 16): string[] {
  if (text.length < minLength) return [text]
  const parts: string[] = []
  let current = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    current += char
    const next = text[index + 1]
    if (SEPARATORS.has(char) && next !== undefined && !SEPARATORS.has(next)) {
      parts.push(current)
      current = ''
    }
  }
  if (current) parts.push(current)
  return parts
}

/**
 * A URI or URN with no spaces (`https://…`, `urn:oasis:…`): a value worth breaking at its
 * separators. Dates, email addresses and prose are left alone: they wrap as words.
 */
export function isIdentifierLike(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(text)
}
