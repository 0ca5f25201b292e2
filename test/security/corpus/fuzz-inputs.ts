import { withProcessingInstructions } from './fuzz-processing-instructions'
import type { Prng } from './prng'

/**
 * Input generators for the fuzz test: random bytes and strings, and mutations of a legitimate
 * message (byte flips, cuts, duplications, hostile snippets, attribute rewrites), so that most
 * inputs get past the first checks and reach the deeper ones.
 */

const SNIPPETS = [
  '<!DOCTYPE x>',
  '<!ENTITY a "b">',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x110000;',
  '&undefined;',
  ']]>',
  '<![CDATA[x]]>',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '<?xml version="1.0"?>',
  '<?pi x?>',
  '<!-- c -->',
  ' xmlns:x="urn:x"',
  ' xmlns=""',
  '<x:y xmlns:x="urn:x"/>',
  ' ID="_dup"',
  ' ID=""',
  '"',
  "'",
  '<',
  '>',
  '/>',
  '</samlp:Response>',
  '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_x"/>',
  '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>',
  '<ds:Object xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>',
  '__proto__',
  'constructor',
  '%00',
  '%',
  '+',
  '\r\n',
  'A'.repeat(4096),
  '<a>'.repeat(80),
]

/** A random string of printable, XML-ish and control characters. */
export function randomText(prng: Prng, maxLength = 512): string {
  const alphabet = '<>/="\' &;:!?-_abcdefgXYZ0123456789\n\t\u0000\u00e9\u2028\uFFFD'
  const length = prng.int(maxLength)
  let out = ''
  for (let i = 0; i < length; i += 1) out += alphabet[prng.int(alphabet.length)]
  return out
}

/** One random mutation of `text`. */
export function mutateOnce(prng: Prng, text: string): string {
  const at = prng.int(text.length + 1)
  switch (prng.int(7)) {
    case 0: {
      // flip one character
      const code = text.charCodeAt(at) ^ (1 << prng.int(7))
      return `${text.slice(0, at)}${String.fromCharCode(code)}${text.slice(at + 1)}`
    }
    case 1:
      return `${text.slice(0, at)}${text.slice(at + 1 + prng.int(64))}`
    case 2: {
      const length = 1 + prng.int(256)
      return `${text.slice(0, at + length)}${text.slice(at, at + length)}${text.slice(at + length)}`
    }
    case 3:
      return `${text.slice(0, at)}${prng.pick(SNIPPETS)}${text.slice(at)}`
    case 4:
      return text.replace(/="[^"]*"/g, (match) => (prng.int(8) === 0 ? `="${randomText(prng, 40)}"` : match))
    case 5:
      return text.slice(0, at)
    default:
      return text.replace(/>[^<]+</, () => `>${randomText(prng, 80).replace(/</g, '')}<`)
  }
}

/** 1–4 mutations of `text`. */
export function mutate(prng: Prng, text: string): string {
  let out = text
  for (let i = 1 + prng.int(4); i > 0; i -= 1) out = mutateOnce(prng, out)
  return out
}

/**
 * Random text (1 in 4), one of `seeds` with processing instructions inserted (1 in 4, half of
 * them otherwise intact so that they reach the parser's check with valid signatures around
 * them), or a mutated copy of one of `seeds` (1 in 2).
 */
export function fuzzXml(prng: Prng, seeds: readonly string[]): string {
  const choice = prng.int(8)
  if (choice < 2) return randomText(prng)
  const seed = prng.pick(seeds)
  if (choice < 4) return withProcessingInstructions(prng, choice === 3 ? mutate(prng, seed) : seed)
  return mutate(prng, seed)
}

/** Encodes a message parameter value as a client might, sometimes wrongly. */
export function fuzzBase64(prng: Prng, xml: string): string {
  const encoded = Buffer.from(xml, 'utf8').toString('base64')
  switch (prng.int(8)) {
    case 0:
      return xml // not base64 at all
    case 1:
      return mutateOnce(prng, encoded)
    case 2:
      return prng.bytes(prng.int(300)).toString('base64')
    default:
      return encoded
  }
}
