import { err, ok, type Result } from '../result'
import type { MessageParameter } from '../saml/bindings'
import { stripBom } from '../xml/parse'
import { readHar } from './har'
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
 * Recognises what was pasted or given as a file, in this order: a HAR file (JSON), an HTML
 * page with an auto-post form, raw XML, a URL, a query string or form-encoded body, bare
 * base64 (POST binding) or deflated base64 (Redirect binding). Each message found keeps how it
 * was encoded, so the report can say what was detected.
 */

/** HAR files of a long sign-in reach several MB; beyond this the input is refused, not read. */
export const MAX_INSPECT_INPUT_BYTES = 32 * 1024 * 1024

const SAML_PARAMETER = /(?:^|[?&])(SAMLRequest|SAMLResponse)=/
const BASE64_TEXT = /^[A-Za-z0-9+/=_-]+$/

function single(form: DetectedInput['form'], description: string, message: LocatedMessage): DetectedInput {
  return { form, description, messages: [message] }
}

function fromQuery(form: 'url' | 'redirect-query', rawQuery: string): Result<DetectedInput, UnusableInput> {
  const located = redirectMessage(form === 'url' ? 'the URL' : 'the query string', rawQuery)
  if (!located.ok) {
    const parameter = /SAMLRequest=/.test(rawQuery) ? 'SAMLRequest' : 'SAMLResponse'
    return unusable('INPUT_NOT_DECODABLE', describeBindingError(located.error, parameter))
  }
  const signed = located.value.redirectSignature ? ', signed in the query (SigAlg, Signature)' : ''
  const what = form === 'url' ? 'a URL' : 'a query string'
  return ok(single(form, `${what} carrying ${located.value.parameter}${signed}`, located.value))
}

/** A form-encoded body (POST binding) or, when its value is deflated, a Redirect query without the URL. */
function fromFormBody(body: string): Result<DetectedInput, UnusableInput> {
  const params = new URLSearchParams(body.replace(/^\?/, ''))
  const parameter: MessageParameter = params.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse'
  const posted = postMessage(
    'the form body',
    parameter,
    params.get(parameter) ?? '',
    params.get('RelayState'),
  )
  if (posted.decoded.ok)
    return ok(single('form-body', `a form-encoded POST body carrying ${parameter}`, posted))
  return fromQuery('redirect-query', body)
}

function fromBareBase64(text: string): Result<DetectedInput, UnusableInput> {
  let value = text.replace(/\s+/g, '')
  if (/%[0-9A-Fa-f]{2}/.test(value)) {
    try {
      value = decodeURIComponent(value)
    } catch {
      return unusable('INPUT_NOT_RECOGNISED', 'The input looks URL-encoded but does not decode.')
    }
  }
  if (!BASE64_TEXT.test(value))
    return unusable('INPUT_NOT_RECOGNISED', 'The input is neither XML, JSON, a URL, a form body nor base64.')
  const standard = value.replace(/-/g, '+').replace(/_/g, '/')
  const posted = postMessage('the input', 'SAMLResponse', standard, null)
  if (posted.decoded.ok)
    return ok(single('base64', 'base64 (as the HTTP-POST binding sends it)', { ...posted, parameter: null }))
  const redirect = redirectMessage('the input', `SAMLRequest=${encodeURIComponent(standard)}`)
  if (redirect.ok && redirect.value.decoded.ok)
    return ok(
      single('deflated-base64', 'deflated base64 (as the HTTP-Redirect binding sends it)', {
        ...redirect.value,
        parameter: null,
      }),
    )
  return unusable(
    'INPUT_NOT_DECODABLE',
    'The input is base64, but decodes neither to XML nor, inflated, to XML (was it cut short?).',
  )
}

function fromHtml(html: string): Result<DetectedInput, UnusableInput> {
  const messages = samlFormsOf(html, NO_PAGE_URL, 'the HTML page')
  if (messages.length === 0)
    return unusable(
      'HTML_WITHOUT_SAML',
      'The input is an HTML page without a form field named SAMLRequest or SAMLResponse.',
    )
  return ok({ form: 'html-form', description: 'an HTML page with an auto-post form', messages })
}

function fromUrl(text: string): Result<DetectedInput, UnusableInput> {
  const withoutFragment = text.split('#', 1)[0] ?? ''
  const queryStart = withoutFragment.indexOf('?')
  const rawQuery = queryStart < 0 ? '' : withoutFragment.slice(queryStart + 1)
  if (!SAML_PARAMETER.test(`?${rawQuery}`))
    return unusable('URL_WITHOUT_SAML', 'The URL has no SAMLRequest or SAMLResponse in its query string.')
  return fromQuery('url', rawQuery)
}

/** Finds every SAML message in `input`, or says why none could be found. */
export function detectInput(input: string): Result<DetectedInput, UnusableInput> {
  const bytes = Buffer.byteLength(input, 'utf8')
  if (bytes > MAX_INSPECT_INPUT_BYTES)
    return err({
      code: 'INPUT_TOO_LARGE',
      message: `The input is ${bytes} bytes; at most ${MAX_INSPECT_INPUT_BYTES} bytes are read. Give one message, or a HAR of the sign-in alone.`,
    })
  const text = stripBom(input).trim()
  if (text.length === 0) return unusable('INPUT_EMPTY', 'The input is empty.')
  if (text.startsWith('{')) return readHar(text)
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text) || (/^<(?!\?xml)/.test(text) && /<form[\s>]/i.test(text)))
    return fromHtml(text)
  if (text.startsWith('<'))
    return ok(
      single('xml', 'raw XML', {
        location: 'the input',
        encoding: 'raw XML',
        parameter: null,
        relayState: null,
        redirectSignature: null,
        decoded: ok(text),
        alsoSeenIn: [],
      }),
    )
  if (/^https?:\/\//i.test(text)) return fromUrl(text)
  if (SAML_PARAMETER.test(text.startsWith('?') ? text : `?${text}`) && /^[?]?[\w.%+-]+=/.test(text))
    return fromFormBody(text)
  return fromBareBase64(text)
}
