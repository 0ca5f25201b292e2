/**
 * Escaping for XML built from strings. Every value that reaches a SAML template goes through
 * one of these: an unescaped attribute value once let a user inject `role=admin` into a signed
 * assertion (CVE-2026-46490).
 */
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
const ATTRIBUTE: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&apos;' }

// Characters XML 1.0 cannot carry at all; they are dropped rather than emitted as invalid XML.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class names exactly the control characters XML 1.0 allows.
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Escapes character data. */
export function escapeXmlText(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/[&<>]/g, (c) => TEXT[c] ?? c)
}

/** Escapes an attribute value (for double- or single-quoted attributes). */
export function escapeXmlAttribute(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ATTRIBUTE[c] ?? c)
}
