import type { Prng } from './prng'

/**
 * Values for every parameter an app reads (query, form field, JSON value, path segment, header):
 * control characters of every class, and inputs nested as deep as each parser allows and
 * beyond. The fuzz test fills each slot of a request template with one of these.
 */

/** C0 controls, DEL, C1 controls, Unicode line/paragraph separators, BOM, non-characters, lone surrogates. */
export const CONTROL_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\t',
  '\n',
  '\u000b',
  '\u000c',
  '\r',
  '\r\n',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u{1f600}',
]

/** What Fetch's Headers accept in a value (no NUL, CR, LF; nothing above U+00FF). */
const HEADER_CONTROLS = [
  '\u0001',
  '\u0007',
  '\u000b',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u009f',
  '\u00ff',
]

const WORDS = [
  'a',
  'B.Simon@contoso.com',
  '/webex/home',
  'https://sp.test/acs',
  'Cisco Webex',
  '0',
  '-1',
  'true',
  '%01',
  '%00',
  '%7f',
  '%',
]

function sprinkle(prng: Prng, base: string, characters: readonly string[]): string {
  let text = base
  const count = 1 + prng.int(4)
  for (let i = 0; i < count; i += 1) {
    const at = prng.int(text.length + 1)
    text = `${text.slice(0, at)}${prng.pick(characters)}${text.slice(at)}`
  }
  return text
}

/** A plausible value with control characters inserted (or made only of them). */
export function controlText(prng: Prng, base: string = prng.pick(WORDS)): string {
  return prng.int(8) === 0
    ? prng.pick(CONTROL_CHARACTERS).repeat(1 + prng.int(3))
    : sprinkle(prng, base, CONTROL_CHARACTERS)
}

/** A header value with control characters a client can still send (Fetch refuses NUL, CR, LF). */
export function headerControlText(prng: Prng, base = 'eventual'): string {
  return sprinkle(prng, base, HEADER_CONTROLS)
}

/** The parsers fed by input, each with its own nesting syntax. */
export type NestingParser =
  | 'odata-filter'
  | 'odata-search'
  | 'odata-expand'
  | 'odata-orderby'
  | 'scim-filter'
  | 'scim-path'
  | 'json'

/** An input nested between 1 and 20 000 levels deep (or, for lists, that long) for `parser`. */
export function deepNesting(prng: Prng, parser: NestingParser): string {
  const depth = prng.pick([1, 31, 32, 33, 64, 500, 5_000, 20_000])
  const wrap = (open: string, inner: string, close: string) =>
    `${open.repeat(depth)}${inner}${close.repeat(depth)}`
  switch (parser) {
    case 'odata-filter':
      return prng.pick([
        wrap('(', "displayName eq 'a'", ')'),
        wrap('not (', "displayName eq 'a'", ')'),
        `${'not '.repeat(depth)}displayName eq 'a'`,
        Array.from({ length: Math.min(depth, 2000) }, () => "id eq 'a'").join(prng.pick([' or ', ' and '])),
        wrap('identifierUris/any(x:', "x eq 'a'", ')'),
      ])
    case 'odata-search':
      return prng.pick([
        wrap('(', '"displayName:a"', ')'),
        Array.from({ length: Math.min(depth, 2000) }, () => '"displayName:a"').join(' OR '),
        wrap('"', 'displayName:a', '"'),
      ])
    case 'odata-expand':
      return prng.pick([
        wrap('memberOf($expand=', 'members', ')'),
        Array.from({ length: Math.min(depth, 2000) }, () => 'memberOf').join(','),
        `memberOf($select=${'id,'.repeat(Math.min(depth, 2000))}id)`,
      ])
    case 'odata-orderby':
      return Array.from({ length: Math.min(depth, 2000) }, () => 'displayName desc').join(',')
    case 'scim-filter':
      return prng.pick([
        wrap('(', 'userName eq "a"', ')'),
        wrap('not (', 'userName eq "a"', ')'),
        wrap('emails[', 'value eq "a"', ']'),
        Array.from({ length: Math.min(depth, 2000) }, () => 'userName eq "a"').join(' or '),
      ])
    case 'scim-path':
      return prng.pick([wrap('emails[', 'type eq "work"', ']'), `${'name.'.repeat(depth)}givenName`])
    case 'json':
      return prng.pick([
        wrap('[', '1', ']'),
        wrap('{"a":', '1', '}'),
        `{"displayName":${wrap('[', '"x"', ']')}}`,
        `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@contoso.com","name":${wrap('{"givenName":', '"x"', '}')}}`,
      ])
  }
}

/** A JSON document whose string values carry control characters. */
export function controlJson(prng: Prng, template: Record<string, unknown>): string {
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return prng.int(2) === 0 ? controlText(prng, value) : value
    if (Array.isArray(value)) return value.map(visit)
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [prng.int(12) === 0 ? controlText(prng, k) : k, visit(v)]),
      )
    return value
  }
  return JSON.stringify(visit(template))
}

/** The text with each lone surrogate replaced by U+FFFD, as a browser sends it in a URL or form. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** encodeURIComponent that survives lone surrogates (see {@link wellFormed}). */
export function encodeParameter(text: string): string {
  return encodeURIComponent(wellFormed(text))
}
