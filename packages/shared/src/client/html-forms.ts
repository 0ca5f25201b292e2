import { Parser } from 'htmlparser2'

/** One form field as a browser would submit it. */
export interface FormField {
  readonly name: string
  readonly type: string
  readonly value: string
}

/** A submit button of a form: what it says, and the name=value it adds when it is the one pressed. */
export interface FormButton {
  /** Its accessible name: `aria-label`, else its text (or an input's value). */
  readonly label: string
  readonly name: string | undefined
  readonly value: string
}

/** A form found in a page, with its action resolved against the page URL. */
export interface HtmlForm {
  readonly action: URL
  readonly method: 'GET' | 'POST'
  readonly fields: readonly FormField[]
  readonly id: string | undefined
  readonly buttons: readonly FormButton[]
}

/** What a page offers a headless client: its forms, title and visible text. */
export interface PageFacts {
  readonly forms: readonly HtmlForm[]
  readonly title: string
  /** The text a person would read (scripts and styles excluded, whitespace collapsed). */
  readonly text: string
  /** The text of each `role="alert"` element: the error a page announces (wrong password…). */
  readonly alerts: readonly string[]
  /** Policies from `<meta http-equiv="Content-Security-Policy">`, which browsers enforce like the header. */
  readonly metaPolicies: readonly string[]
  /** Where `<meta http-equiv="refresh">` sends the browser, if it names another URL. */
  readonly refresh: URL | undefined
}

/**
 * The URL of a `<meta http-equiv="refresh">` content value (`0;url=…`, `5, URL='…'`), as the
 * HTML standard's "shared declarative refresh steps" read it; undefined when it only reloads.
 */
export function readRefreshTarget(content: string, pageUrl: URL): URL | undefined {
  const match = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content)
  let target = (match?.[1] ?? '').trim()
  const quote = target[0]
  if (quote === '"' || quote === "'") {
    const end = target.indexOf(quote, 1)
    target = target.slice(1, end === -1 ? undefined : end)
  }
  if (target.length === 0) return undefined
  try {
    const url = new URL(target, pageUrl)
    return url.href === pageUrl.href ? undefined : url
  } catch {
    return undefined
  }
}

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head'])

const FIELD_TAGS = new Set(['input', 'textarea', 'select', 'button'])

/** Elements a browser lays out on lines of their own: their texts never run together. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'button',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'input',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'select',
  'table',
  'td',
  'textarea',
  'th',
  'tr',
  'ul',
])

/**
 * Reads the forms of an HTML page with a real HTML tokenizer (entities decoded, attributes
 * unquoted or quoted), the way a browser would collect them for submission.
 */
export function readPage(html: string, pageUrl: URL): PageFacts {
  const forms: {
    action: string
    method: string
    id: string | undefined
    fields: FormField[]
    buttons: FormButton[]
  }[] = []
  let current: (typeof forms)[number] | null = null
  // The submit button being read (its text is its label unless it has an aria-label).
  let button: {
    name: string | undefined
    value: string
    ariaLabel: string | undefined
    text: string
  } | null = null
  let inTitle = false
  let title = ''
  let text = ''
  let hidden = 0
  const alerts: string[] = []
  // Open elements inside the current role="alert" element (0: not in one), and its text.
  let alertDepth = 0
  let alertText = ''
  const metaPolicies: string[] = []
  let refresh: URL | undefined
  let refreshSeen = false
  // The <select> being read: its field (index in the form), how many options were read, whether
  // one was marked selected, and the option being read (its value, else its text, is submitted).
  let select: { form: (typeof forms)[number]; index: number; options: number; chosen: boolean } | null = null
  let option: { value: string | undefined; text: string; selected: boolean } | null = null
  function optionRead() {
    if (!select || !option) return
    const value = option.value ?? option.text.replace(/\s+/g, ' ').trim()
    const field = select.form.fields[select.index]
    // A browser submits the last option marked selected, else the first one.
    if (field && (option.selected || (select.options === 0 && !select.chosen)))
      select.form.fields[select.index] = { ...field, value }
    if (option.selected) select.chosen = true
    select.options += 1
    option = null
  }
  function readButton(form: (typeof forms)[number], name: string, attributes: Record<string, string>) {
    const type = (attributes.type ?? (name === 'button' ? 'submit' : '')).toLowerCase()
    if (type !== 'submit') return
    const ariaLabel = attributes['aria-label']
    if (name === 'button')
      button = { name: attributes.name, value: attributes.value ?? '', ariaLabel, text: '' }
    else if (name === 'input')
      form.buttons.push({
        label: ariaLabel ?? attributes.value ?? 'Submit',
        name: attributes.name,
        value: attributes.value ?? '',
      })
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (BLOCKS.has(name)) text += ' '
        if (alertDepth > 0) alertDepth += 1
        else if ((attributes.role ?? '').toLowerCase() === 'alert') {
          alertDepth = 1
          alertText = ''
        }
        if (name === 'form') {
          current = {
            action: attributes.action ?? '',
            method: (attributes.method ?? 'get').toUpperCase(),
            id: attributes.id,
            fields: [],
            buttons: [],
          }
          forms.push(current)
        } else if (name === 'title') inTitle = true
        else if (name === 'meta' && attributes.content !== undefined) {
          const equiv = (attributes['http-equiv'] ?? '').toLowerCase()
          if (equiv === 'content-security-policy') metaPolicies.push(attributes.content)
          // Only the first refresh declaration counts, as in a browser.
          if (equiv === 'refresh' && !refreshSeen) {
            refreshSeen = true
            refresh = readRefreshTarget(attributes.content, pageUrl)
          }
        }
        if (current) readButton(current, name, attributes)
        if (INVISIBLE.has(name)) hidden += 1
        else if (current && FIELD_TAGS.has(name) && attributes.name !== undefined) {
          const type = (attributes.type ?? (name === 'input' ? 'text' : name)).toLowerCase()
          // Buttons and unchecked boxes are not submitted unless chosen, as in a browser.
          if (name === 'button' || type === 'submit' || type === 'button' || type === 'image') return
          if ((type === 'checkbox' || type === 'radio') && attributes.checked === undefined) return
          current.fields.push({
            name: attributes.name,
            type,
            value: name === 'select' ? '' : (attributes.value ?? ''),
          })
          if (name === 'select' && attributes.multiple === undefined) {
            select = { form: current, index: current.fields.length - 1, options: 0, chosen: false }
          }
        }
        if (name === 'option' && select) {
          optionRead()
          option = {
            value: attributes.value,
            text: '',
            selected: attributes.selected !== undefined && attributes.disabled === undefined,
          }
        }
      },
      ontext(chunk) {
        if (option) option.text += chunk
        if (button && hidden === 0) button.text += chunk
        if (inTitle) title += chunk
        if (hidden === 0) text += chunk
        if (hidden === 0 && alertDepth > 0) alertText += chunk
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) text += ' '
        if (alertDepth > 0) {
          alertDepth -= 1
          const message = alertText.replace(/\s+/g, ' ').trim()
          if (alertDepth === 0 && message !== '') alerts.push(message)
        }
        if (INVISIBLE.has(name)) hidden = Math.max(0, hidden - 1)
        if (name === 'button' && button && current) {
          const label = (button.ariaLabel ?? button.text).replace(/\s+/g, ' ').trim()
          current.buttons.push({ label, name: button.name, value: button.value })
          button = null
        }
        if (name === 'option') optionRead()
        if (name === 'select') {
          optionRead()
          select = null
        }
        if (name === 'form') current = null
        if (name === 'title') inTitle = false
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return {
    title: title.trim(),
    text: text.replace(/\s+/g, ' ').trim(),
    alerts,
    metaPolicies,
    refresh,
    forms: forms.map((f) => ({
      action: new URL(f.action || pageUrl.href, pageUrl),
      method: f.method === 'POST' ? 'POST' : 'GET',
      id: f.id,
      fields: f.fields,
      buttons: f.buttons,
    })),
  }
}

/** Encodes fields as `application/x-www-form-urlencoded`, in document order. */
export function encodeForm(fields: readonly FormField[]): string {
  const params = new URLSearchParams()
  for (const field of fields) params.append(field.name, field.value)
  return params.toString()
}
