/** Where a JSON text first breaks the grammar of RFC 8259, and what was expected there. */
export interface JsonSyntaxProblem {
  /** Offset in UTF-16 code units from the start of the text. */
  readonly offset: number
  readonly expected: string
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const HEX4 = /[0-9A-Fa-f]{4}/y

/** An open container: what closes it, and whether its members have names. */
type Frame = { readonly kind: 'object' | 'array' }

/**
 * Finds the first place `text` is not JSON (RFC 8259), or null when it is JSON. Only used to say
 * where a body that `JSON.parse` refused goes wrong: V8's messages name no position for some
 * mistakes and quote the whole body for others. Iterative, so deep nesting cannot overflow.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let at = 0
  const stack: Frame[] = []
  const skipWhitespace = (): void => {
    while (at < text.length && WHITESPACE.has(text[at] as string)) at++
  }
  const problem = (expected: string): JsonSyntaxProblem => ({ offset: at, expected })

  /** Reads one string at `at` (which is a quote); null when it is well formed. */
  const readString = (): JsonSyntaxProblem | null => {
    at++
    while (at < text.length) {
      const char = text[at] as string
      if (char === '"') {
        at++
        return null
      }
      if (char < ' ') return problem('a control character to be escaped')
      if (char === '\\') {
        const next = text[at + 1]
        if (next === 'u') {
          HEX4.lastIndex = at + 2
          if (!HEX4.test(text)) return problem('four hex digits after \\u')
          at += 6
          continue
        }
        if (next === undefined || !ESCAPES.has(next)) return problem('a valid escape sequence')
        at += 2
        continue
      }
      at++
    }
    return problem('the closing quote of a string')
  }

  /** Reads `"name":` at `at` (white space before the colon allowed); null when well formed. */
  const readMemberName = (expected: string): JsonSyntaxProblem | null => {
    if (text[at] !== '"') return problem(expected)
    const name = readString()
    if (name) return name
    skipWhitespace()
    if (text[at] !== ':') return problem("':' after a property name")
    at++
    return null
  }

  for (;;) {
    // A value is expected here.
    skipWhitespace()
    const char = text[at]
    if (char === undefined) return problem('a value')
    if (char === '{' || char === '[') {
      stack.push({ kind: char === '{' ? 'object' : 'array' })
      at++
      skipWhitespace()
      const close = char === '{' ? '}' : ']'
      if (text[at] === close) {
        stack.pop()
        at++
      } else if (char === '{') {
        const name = readMemberName('a property name in double quotes, or }')
        if (name) return name
        continue
      } else {
        continue
      }
    } else if (char === '"') {
      const string = readString()
      if (string) return string
    } else if (text.startsWith('true', at) || text.startsWith('null', at)) {
      at += 4
    } else if (text.startsWith('false', at)) {
      at += 5
    } else {
      NUMBER.lastIndex = at
      if (!NUMBER.test(text)) return problem('a value')
      at = NUMBER.lastIndex
    }
    // The value is complete: close containers, or move to the next member.
    for (;;) {
      skipWhitespace()
      const frame = stack[stack.length - 1]
      if (!frame) return at === text.length ? null : problem('the end of the text after the JSON value')
      const close = frame.kind === 'object' ? '}' : ']'
      if (text[at] === close) {
        stack.pop()
        at++
        continue
      }
      if (text[at] !== ',') return problem(`',' or '${close}'`)
      at++
      if (frame.kind === 'object') {
        skipWhitespace()
        const name = readMemberName('a property name in double quotes')
        if (name) return name
      }
      break
    }
  }
}
