import { NS } from '../saml/urns'
import { attributeOf, childNamed, descendantsNamed } from '../xml/dom'
import { decryptElement, XENC_NS } from '../xml/encryption'
import type { DecryptionKey } from './context'
import type { DecryptionReport } from './report'

/**
 * Decrypts an EncryptedAssertion with each key the inspector was given, in turn. Offline, no
 * one is probing for an oracle, so the report names the algorithms used; it still never
 * says more than "this key does not decrypt it" about a wrong key.
 */

const shortName = (uri: string | null): string | null => (uri ? (uri.split('#').pop() ?? uri) : null)

function algorithmsOf(wrapper: Element): { content: string | null; transport: string | null } {
  const data = childNamed(wrapper, XENC_NS, 'EncryptedData')
  const method = data ? childNamed(data, XENC_NS, 'EncryptionMethod') : null
  const key = data ? (descendantsNamed(data, XENC_NS, 'EncryptedKey')[0] ?? null) : null
  const sibling = childNamed(wrapper, XENC_NS, 'EncryptedKey')
  const keyMethod =
    (key ?? sibling) ? childNamed((key ?? sibling) as Element, XENC_NS, 'EncryptionMethod') : null
  return {
    content: shortName(method ? attributeOf(method, 'Algorithm') : null),
    transport: shortName(keyMethod ? attributeOf(keyMethod, 'Algorithm') : null),
  }
}

const NO_KEY =
  'The assertion is encrypted and the inspector has no key to decrypt it: give --key FILE (the private key of the Webex encryption certificate, PEM), or the --data-dir of the sandbox it was sent to. The checks that read the assertion cannot run.'

/** The decrypted Assertion (or null) and what happened. */
export function decryptAssertion(
  wrapper: Element,
  keys: readonly DecryptionKey[],
): { assertion: Element | null; report: DecryptionReport } {
  const { content, transport } = algorithmsOf(wrapper)
  const algorithms = { contentEncryption: content, keyTransport: transport }
  if (keys.length === 0)
    return { assertion: null, report: { status: 'no-key', detail: NO_KEY, ...algorithms } }
  for (const { key, label } of keys) {
    const decrypted = decryptElement(wrapper, key)
    if (!decrypted.ok) continue
    const element = decrypted.value
    if (element.namespaceURI !== NS.assertion || element.localName !== 'Assertion')
      return {
        assertion: null,
        report: {
          status: 'failed',
          detail: `${label} decrypts it, but what it holds is <${element.nodeName}>, not one Assertion.`,
          ...algorithms,
        },
      }
    return {
      assertion: element,
      report: {
        status: 'decrypted',
        detail: `decrypted with ${label} (${content} content, ${transport} key transport)`,
        ...algorithms,
      },
    }
  }
  const refused =
    transport === 'rsa-1_5'
      ? ' RSA PKCS#1 v1.5 key transport (rsa-1_5) is refused outright: it is breakable (Bleichenbacher).'
      : ''
  return {
    assertion: null,
    report: {
      status: 'failed',
      detail: `None of the keys (${keys.map((k) => k.label).join(', ')}) decrypts it (${content ?? 'unknown'} content, ${transport ?? 'unknown'} key transport): Entra encrypted it to another certificate, or with an algorithm Webex does not read (AES-GCM or AES-CBC content, RSA-OAEP key transport).${refused}`,
      ...algorithms,
    },
  }
}
