import { err, ok, type Result } from '../result'
import type { MessageParameter } from '../saml/bindings'
import {
  type DetectedInput,
  describeBindingError,
  type LocatedMessage,
  NO_PAGE_URL,
  postMessage,
  redirectMessage,
  samlFormsOf,
  type UnusableInput,
  unusable,
} from './located-message'

/**
 * Every SAML message of a HAR file (what browsers' developer tools export), in the order the
 * browser met them: from each entry, the request's query string (Redirect binding), its
 * form-encoded body (POST binding), then the response's auto-post HTML form. A form that the
 * browser then submitted is the same message as the POST that follows: it is listed once.
 */

interface HarEntry {
  readonly request?: {
    readonly method?: unknown
    readonly url?: unknown
    readonly postData?: { readonly text?: unknown; readonly params?: unknown }
  }
  readonly response?: {
    readonly content?: { readonly text?: unknown; readonly encoding?: unknown; readonly mimeType?: unknown }
  }
}

const SAML_IN_QUERY = /(?:^|&)(SAMLRequest|SAMLResponse)=/

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function describeEntry(index: number, entry: HarEntry): { where: string; url: string } {
  const method = text(entry.request?.method) ?? 'GET'
  const url = text(entry.request?.url) ?? ''
  const shown = url.length > 120 ? `${url.split('?')[0]}?…` : url
  return { where: `HAR entry ${index + 1}: ${method} ${shown}`, url }
}

function queryMessage(where: string, url: string): LocatedMessage | null {
  const withoutFragment = url.split('#', 1)[0] ?? ''
  const start = withoutFragment.indexOf('?')
  const rawQuery = start < 0 ? '' : withoutFragment.slice(start + 1)
  const match = SAML_IN_QUERY.exec(rawQuery)
  if (!match) return null
  const located = redirectMessage(`${where} (query string)`, rawQuery)
  if (located.ok) return located.value
  return {
    location: `${where} (query string)`,
    encoding: 'HTTP-Redirect binding',
    parameter: (match[1] ?? 'SAMLRequest') as MessageParameter,
    relayState: null,
    redirectSignature: null,
    decoded: err(describeBindingError(located.error, match[1] ?? 'SAMLRequest')),
    alsoSeenIn: [],
  }
}

/** The form fields of a request body: its text when the HAR kept it, else its params list. */
function bodyFields(entry: HarEntry): URLSearchParams | null {
  const body = text(entry.request?.postData?.text)
  if (body !== null) return new URLSearchParams(body)
  const params = entry.request?.postData?.params
  if (!Array.isArray(params)) return null
  const fields = new URLSearchParams()
  for (const param of params as { name?: unknown; value?: unknown }[]) {
    const name = text(param?.name)
    const value = text(param?.value)
    if (name === null || value === null) continue
    // Browsers list params as they appear in the body: still URL-encoded.
    let decoded = value
    try {
      decoded = decodeURIComponent(value.replace(/\+/g, ' '))
    } catch {
      decoded = value
    }
    fields.append(name, decoded)
  }
  return fields
}

function bodyMessage(where: string, entry: HarEntry): LocatedMessage | null {
  const fields = bodyFields(entry)
  if (!fields) return null
  const parameter: MessageParameter | null = fields.has('SAMLResponse')
    ? 'SAMLResponse'
    : fields.has('SAMLRequest')
      ? 'SAMLRequest'
      : null
  if (!parameter) return null
  return postMessage(`${where} (form body)`, parameter, fields.get(parameter) ?? '', fields.get('RelayState'))
}

function responseForms(where: string, entry: HarEntry, url: string): LocatedMessage[] {
  const content = entry.response?.content
  const body = text(content?.text)
  if (!body) return []
  const html = content?.encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body
  if (!/SAML(?:Response|Request)/.test(html)) return []
  let pageUrl: URL
  try {
    pageUrl = new URL(url)
  } catch {
    pageUrl = NO_PAGE_URL
  }
  return samlFormsOf(html, pageUrl, `${where} (response body)`)
}

const decodedXml = (message: LocatedMessage): string | null =>
  message.decoded.ok ? message.decoded.value : null

/** Lists a response-body form once when a later request posted the same message. */
function withoutResubmittedForms(
  found: readonly { message: LocatedMessage; value: string | null; fromResponse: boolean }[],
): LocatedMessage[] {
  const kept: LocatedMessage[] = []
  const seenIn = new Map<number, string[]>()
  found.forEach((item, index) => {
    if (item.fromResponse && item.value !== null) {
      const later = found.findIndex(
        (other, j) => j > index && !other.fromResponse && other.value === item.value,
      )
      if (later >= 0) {
        seenIn.set(later, [...(seenIn.get(later) ?? []), item.message.location])
        return
      }
    }
    kept.push({ ...item.message, alsoSeenIn: seenIn.get(index) ?? [] })
  })
  return kept
}

/** Reads a HAR file's SAML messages, or says why it is not a usable HAR. */
export function readHar(json: string): Result<DetectedInput, UnusableInput> {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (error) {
    return unusable(
      'HAR_INVALID',
      `The input starts like JSON but is not valid JSON (${(error as Error).message}).`,
    )
  }
  const entries = (parsed as { log?: { entries?: unknown } } | null)?.log?.entries
  if (!Array.isArray(entries))
    return unusable('HAR_INVALID', 'The input is JSON but not a HAR file: it has no log.entries list.')
  const found: { message: LocatedMessage; value: string | null; fromResponse: boolean }[] = []
  entries.forEach((raw, index) => {
    const entry = (raw ?? {}) as HarEntry
    const { where, url } = describeEntry(index, entry)
    const query = queryMessage(where, url)
    if (query) found.push({ message: query, value: null, fromResponse: false })
    const body = bodyMessage(where, entry)
    if (body) found.push({ message: body, value: decodedXml(body), fromResponse: false })
    for (const form of responseForms(where, entry, url))
      found.push({ message: form, value: decodedXml(form), fromResponse: true })
  })
  const messages = withoutResubmittedForms(found)
  if (messages.length === 0)
    return unusable(
      'HAR_WITHOUT_SAML',
      `The HAR file has ${entries.length} entries but no SAML message: no SAMLRequest or SAMLResponse in a query string, a POST body or an auto-post form of a response.`,
    )
  return ok({
    form: 'har',
    description: `a HAR file: ${messages.length} SAML message${messages.length === 1 ? '' : 's'} in ${entries.length} entries`,
    messages,
  })
}
