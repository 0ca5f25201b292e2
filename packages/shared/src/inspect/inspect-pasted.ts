import { err, ok, type Result } from '../result'
import { createInspectionContext, type InspectionContext } from './context'
import { parseInstant } from './durations'
import { formatInspectionText } from './format-text'
import { inspectSaml } from './inspect-saml'
import type { InspectionReport } from './report'
import type { ResponseCheck } from './response-check'

/**
 * The consoles' SAML inspector page: what an admin pasted, judged as of "now" or the instant
 * typed, answered as the report and its text. A paste is bounded well below the CLI's limit: a
 * form is posted whole, and a HAR of one sign-in is a few hundred kilobytes.
 */
export const MAX_PASTED_INSPECT_BYTES = 1024 * 1024

/** The form as posted. */
export interface PastedInspectForm {
  readonly message: string
  readonly at: string
}

/** A refused form: which field, and what to do. */
export interface PastedInspectError {
  readonly field: 'message' | 'at'
  readonly message: string
}

/** The report and its plain-text rendering (shown as text, never as HTML). */
export interface PastedInspection {
  readonly report: InspectionReport
  readonly text: string
}

/**
 * Runs the inspector on a pasted form. `context` is what the console knows of its own side
 * (nothing, or the Webex org's configuration); `now` is the server's clock.
 */
export function inspectPasted(
  form: PastedInspectForm,
  options: {
    readonly now: number
    readonly context?: Partial<Omit<InspectionContext, 'at'>>
    readonly responseChecks?: readonly ResponseCheck[]
  },
): Result<PastedInspection, PastedInspectError> {
  const size = Buffer.byteLength(form.message, 'utf8')
  if (form.message.trim() === '')
    return err({
      field: 'message',
      message:
        'Paste a SAML message (XML, base64, a URL with SAMLRequest or SAMLResponse), SAML metadata or a HAR file.',
    })
  if (size > MAX_PASTED_INSPECT_BYTES)
    return err({
      field: 'message',
      message: `The pasted text is ${Math.ceil(size / 1024)} KB; the inspector page takes at most 1 MB. Paste one message, or save only the sign-in's requests in the HAR.`,
    })
  const at = form.at.trim() === '' ? ok(options.now) : parseInstant(form.at, options.now)
  if (!at.ok) return err({ field: 'at', message: at.error })
  const context = createInspectionContext({ ...options.context, at: at.value })
  const report = inspectSaml(
    form.message,
    options.responseChecks ? { context, responseChecks: options.responseChecks } : { context },
  )
  if (!report.ok) return err({ field: 'message', message: report.error.message })
  return ok({ report: report.value, text: formatInspectionText(report.value) })
}
