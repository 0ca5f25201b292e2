import type { Prng } from './prng'

/**
 * Processing instructions for the fuzz test: empty ones (which made c14n throw), ones whose
 * data would be signed as text, misplaced declarations, and look-alikes that are not PIs at all
 * (inside CDATA, escaped), put where they hurt: inside a signed text value, between the
 * elements of a signed element, around the root.
 */
const INSTRUCTIONS = [
  '<?x?>',
  '<?x ?>',
  '<?x ob?>',
  '<?x .evil.com?>',
  '<?pi a="1" b?>',
  '<?X?>',
  '<?xml version="1.0"?>',
  '<?xml-stylesheet href="x.xsl"?>',
  '<?x ?>?>',
  '<![CDATA[<?x?>]]>',
  '&lt;?x?&gt;',
]

/** `xml` with one to three processing instructions (or look-alikes) inserted. */
export function withProcessingInstructions(prng: Prng, xml: string): string {
  let out = xml
  for (let n = 1 + prng.int(3); n > 0; n -= 1) {
    const instruction = prng.pick(INSTRUCTIONS)
    const kind = prng.int(4)
    if (kind === 0) {
      // Inside a text value: a NameID, an attribute value, a DigestValue.
      const values = [...out.matchAll(/>([^<]+)</g)]
      const value = values.length > 0 ? prng.pick(values) : undefined
      if (value?.index !== undefined) {
        const at = value.index + 1 + prng.int(value[1]?.length ?? 0)
        out = `${out.slice(0, at)}${instruction}${out.slice(at)}`
        continue
      }
    }
    if (kind <= 1) {
      // Between two tags: inside whichever (signed) element encloses them.
      const tags = [...out.matchAll(/>/g)]
      const tag = tags.length > 0 ? prng.pick(tags) : undefined
      if (tag?.index !== undefined) {
        out = `${out.slice(0, tag.index + 1)}${instruction}${out.slice(tag.index + 1)}`
        continue
      }
    }
    out = kind === 2 ? `${instruction}${out}` : `${out}${instruction}`
  }
  return out
}
