// json/: reading JSON request bodies, with no HTTP framework in sight.
import { err, ok, type Result } from '../result'
import { findJsonSyntaxProblem } from './json-syntax'

/** Why a request body is not the JSON a route reads; each message says what to change. */
export type JsonBodyError =
  | { readonly code: 'JSON_TOO_LARGE'; readonly limit: number; readonly message: string }
  | { readonly code: 'JSON_EMPTY'; readonly message: string }
  | {
      readonly code: 'JSON_SYNTAX'
      /** 1-based line and column of the first character that breaks the grammar. */
      readonly line: number
      readonly column: number
      /** What the grammar expected there, e.g. `',' or '}'`. */
      readonly expected: string
      readonly message: string
    }

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: offset - lineStart + 1 }
}

/**
 * Parses a request body as JSON (RFC 8259), without any HTTP framework: the body's text comes
 * in, a value or a typed error goes out. More than `limit` bytes (UTF-8) is refused before
 * parsing, a body of only white space is `JSON_EMPTY` (some APIs read it as `{}`), and a syntax
 * error says the line and column where the text stops being JSON and what was expected there.
 */
export function parseJsonBody(
  text: string,
  options: { readonly limit: number },
): Result<unknown, JsonBodyError> {
  if (Buffer.byteLength(text, 'utf8') > options.limit) {
    return err({
      code: 'JSON_TOO_LARGE',
      limit: options.limit,
      message: `The request body is larger than ${options.limit} bytes; send a smaller one.`,
    })
  }
  if (text.trim() === '')
    return err({ code: 'JSON_EMPTY', message: 'The request body is empty; send a JSON value.' })
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    const problem = findJsonSyntaxProblem(text) ?? { offset: 0, expected: 'a JSON value' }
    const { line, column } = lineAndColumn(text, problem.offset)
    return err({
      code: 'JSON_SYNTAX',
      line,
      column,
      expected: problem.expected,
      message: `The request body is not valid JSON: expected ${problem.expected} at line ${line}, column ${column}.`,
    })
  }
}
