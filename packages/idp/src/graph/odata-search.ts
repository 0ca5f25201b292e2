import { err, ok, type Result } from '@sandbox/shared'
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, type ODataPredicate, propertyAt } from './odata-filter'

/** Which properties `$search` may name on a collection, and how each is matched. */
export interface SearchableProperties {
  /** Matched word by word (Graph tokenizes `displayName` and `description`). */
  readonly tokenized: readonly string[]
  /** Matched as "starts with" (every other string property Graph lets `$search` name). */
  readonly prefix: readonly string[]
}

/** Why a `$search` cannot be answered: a syntax error or a property the collection cannot search. */
export interface SearchError {
  readonly kind: 'syntax' | 'property'
  readonly message: string
}

type SearchToken = { kind: 'clause'; text: string } | { kind: 'and' | 'or' | '(' | ')' }

function lex(text: string): Result<SearchToken[], string> {
  const tokens: SearchToken[] = []
  let at = 0
  while (at < text.length) {
    const character = text[at] ?? ''
    if (/\s/.test(character)) at += 1
    else if (character === '(' || character === ')') {
      tokens.push({ kind: character })
      at += 1
    } else if (character === '"') {
      let clause = ''
      at += 1
      while (at < text.length && text[at] !== '"') {
        // Inside quotes a backslash escapes the next character (a quote or a backslash).
        if (text[at] === '\\') at += 1
        clause += text[at] ?? ''
        at += 1
      }
      if (at >= text.length) return err('a quoted clause is not closed; write "property:text"')
      tokens.push({ kind: 'clause', text: clause })
      at += 1
    } else {
      const word = /^[A-Za-z]+/.exec(text.slice(at, at + 3))?.[0] ?? ''
      if (word === 'AND' || word === 'OR') {
        tokens.push({ kind: word === 'AND' ? 'and' : 'or' })
        at += word.length
      } else
        return err(
          `unexpected '${character}' at position ${at + 1}; each clause is "property:text" in double quotes, joined by AND or OR in upper case`,
        )
    }
  }
  return ok(tokens)
}

/**
 * Graph's tokenization of directory text: words split at spaces, at a change from lower to
 * upper case, between letters and digits, and at symbols (each symbol a token too); a word with
 * symbols also yields its letters and digits joined ("hello.world" → hello . world helloworld).
 */
function searchTokens(text: string): string[] {
  const tokens: string[] = []
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const pieces = word.match(/[\p{L}\p{M}]+|\p{N}+|[^\p{L}\p{M}\p{N}]/gu) ?? []
    for (const piece of pieces) tokens.push(...piece.split(/(?<=\p{Ll})(?=\p{Lu})/u))
    const joined = word.replace(/[^\p{L}\p{M}\p{N}]/gu, '')
    if (joined !== word && joined.length > 0) tokens.push(joined)
  }
  return tokens.map((t) => t.toLowerCase())
}

function clauseMatcher(
  clause: string,
  searchable: SearchableProperties,
): Result<ODataPredicate, SearchError> {
  const colon = clause.indexOf(':')
  if (colon <= 0)
    return err({ kind: 'syntax', message: `"${clause}" names no property; write "property:text"` })
  const name = clause.slice(0, colon).trim()
  const wanted = clause.slice(colon + 1)
  const known = (list: readonly string[]) => list.find((p) => p.toLowerCase() === name.toLowerCase())
  const tokenized = known(searchable.tokenized)
  const prefixed = known(searchable.prefix)
  if (!tokenized && !prefixed) {
    const allowed = [...searchable.tokenized, ...searchable.prefix].join(', ')
    return err({ kind: 'property', message: `'${name}' cannot be searched here; search ${allowed}` })
  }
  const values = (item: Readonly<Record<string, unknown>>): string[] => {
    const value = propertyAt(item, tokenized ?? prefixed ?? '')
    const list = Array.isArray(value) ? value : [value]
    return list.filter((v): v is string => typeof v === 'string')
  }
  if (tokenized) {
    const wantedTokens = searchTokens(wanted)
    return ok((item) =>
      values(item).some((value) => {
        const have = searchTokens(value)
        return wantedTokens.every((w) => have.some((h) => h.startsWith(w)))
      }),
    )
  }
  const start = wanted.toLowerCase()
  return ok((item) => values(item).some((value) => value.toLowerCase().startsWith(start)))
}

/**
 * Parses Graph's `$search` for directory objects: `"property:text"` clauses joined by `AND` /
 * `OR` (upper case, `AND` binding tighter) with parentheses. Bounded like `$filter`.
 */
export function parseODataSearch(
  text: string,
  searchable: SearchableProperties,
): Result<ODataPredicate, SearchError> {
  const syntax = (message: string): Result<never, SearchError> => err({ kind: 'syntax', message })
  if (text.length > MAX_FILTER_LENGTH)
    return syntax(`the search is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are allowed`)
  const lexed = lex(text)
  if (!lexed.ok) return syntax(lexed.error)
  const tokens = lexed.value
  if (tokens.length === 0) return syntax('it is empty; write "property:text"')
  // An explicit stack instead of recursion: each entry is a group's alternatives (OR) of conjunctions (AND).
  const groups: ODataPredicate[][][] = [[[]]]
  let expectTerm = true
  for (const token of tokens) {
    const group = groups[groups.length - 1] as ODataPredicate[][]
    const conjunction = group[group.length - 1] as ODataPredicate[]
    if (token.kind === '(') {
      if (!expectTerm) return syntax('two clauses need AND or OR between them')
      if (groups.length > MAX_FILTER_DEPTH)
        return syntax(`Recursion depth exceeded allowed limit (${MAX_FILTER_DEPTH} nested parentheses)`)
      groups.push([[]])
    } else if (token.kind === 'clause') {
      if (!expectTerm) return syntax('two clauses need AND or OR between them')
      const matcher = clauseMatcher(token.text, searchable)
      if (!matcher.ok) return matcher
      conjunction.push(matcher.value)
      expectTerm = false
    } else if (token.kind === 'and' || token.kind === 'or') {
      if (expectTerm) return syntax(`${token.kind.toUpperCase()} needs a clause before it`)
      if (token.kind === 'or') group.push([])
      expectTerm = true
    } else {
      if (expectTerm || groups.length === 1) return syntax("a ')' has no clause or '(' before it")
      groups.pop()
      const parent = groups[groups.length - 1] as ODataPredicate[][]
      ;(parent[parent.length - 1] as ODataPredicate[]).push(combine(group))
    }
  }
  if (expectTerm) return syntax('it ends with AND or OR')
  if (groups.length !== 1) return syntax("a '(' is not closed")
  return ok(combine(groups[0] as ODataPredicate[][]))
}

function combine(alternatives: readonly (readonly ODataPredicate[])[]): ODataPredicate {
  return (item) => alternatives.some((conjunction) => conjunction.every((p) => p(item)))
}
