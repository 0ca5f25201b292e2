import { deflateRawSync } from 'node:zlib'

/**
 * Hostile-XML generators (DOCTYPEs, entity expansion, external entities, size and depth bombs):
 * each wraps or replaces a legitimate
 * message. `probeUrl` and `probeFile` are canaries the test owns, so it can prove the parser
 * never fetched or read them.
 */

/** Puts a DOCTYPE, without any entity, in front of `xml`: refused before parsing. */
export function bareDoctype(xml: string, root = 'samlp:Response'): string {
  return `<?xml version="1.0"?><!DOCTYPE ${root}>${xml}`
}

/** The billion-laughs expansion, referenced from inside the first element's text. */
export function billionLaughs(xml: string): string {
  const levels = Array.from({ length: 9 }, (_, i) =>
    i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
  ).join('')
  return `<?xml version="1.0"?><!DOCTYPE lolz [${levels}]>${injectText(xml, '&lol8;')}`
}

/** An external general entity pointing at a local file (classic XXE). */
export function externalFileEntity(xml: string, probeFile: string): string {
  return `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${probeFile}">]>${injectText(xml, '&xxe;')}`
}

/** An external parameter entity (out-of-band XXE via a remote DTD). */
export function externalParameterEntity(xml: string, probeUrl: string): string {
  return `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % dtd SYSTEM "${probeUrl}/evil.dtd"> %dtd;]>${xml}`
}

/** An external DTD subset (`SYSTEM` on the DOCTYPE itself). */
export function externalDtd(xml: string, probeUrl: string): string {
  return `<?xml version="1.0"?><!DOCTYPE r SYSTEM "${probeUrl}/external.dtd">${xml}`
}

/** `depth` nested elements inside the root (real SAML stays under 15 levels). */
export function deeplyNested(xml: string, depth: number): string {
  return injectText(xml, `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`)
}

/** Pads `xml` with an XML comment to about `bytes` bytes. */
export function padded(xml: string, bytes: number): string {
  return injectText(xml, `<!--${'A'.repeat(Math.max(0, bytes - xml.length))}-->`)
}

/** A raw-DEFLATE bomb: `inflatedBytes` of spaces, a few KB compressed. */
export function deflateBomb(inflatedBytes: number): string {
  return deflateRawSync(Buffer.alloc(inflatedBytes, 32), { level: 9 }).toString('base64')
}

/** Places `content` right after the root element's start tag. */
function injectText(xml: string, content: string): string {
  const end = xml.indexOf('>', xml.search(/<[A-Za-z]/))
  return `${xml.slice(0, end + 1)}${content}${xml.slice(end + 1)}`
}

/** Every row-16/17 variant of `xml`, named, for the parsers that must refuse all of them. */
export function entityAttacks(
  xml: string,
  probes: { readonly url: string; readonly file: string },
): ReadonlyArray<readonly [string, string]> {
  return [
    ['doctype-without-entities', bareDoctype(xml)],
    ['billion-laughs', billionLaughs(xml)],
    ['external-file-entity', externalFileEntity(xml, probes.file)],
    ['external-parameter-entity', externalParameterEntity(xml, probes.url)],
    ['external-dtd-subset', externalDtd(xml, probes.url)],
  ]
}
