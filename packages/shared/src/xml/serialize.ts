import { XMLSerializer } from '@xmldom/xmldom'

/**
 * Serializes a DOM node (a signed Response, metadata) to text exactly as it stands: the bytes a
 * verifier canonicalizes again. Kept here so that only `shared` depends on the DOM library.
 */
export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node as never)
}
