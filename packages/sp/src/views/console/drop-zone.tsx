import type { Child } from 'hono/jsx'
import { type Action, ActionButton, CSRF_FIELD } from './actions'
import { Icon } from './icons'

export interface DropZoneProps {
  /** Where the file is posted (multipart, with the CSRF token). */
  readonly action: string
  readonly csrfToken: string
  readonly id?: string
  /** The file field's name in the form. */
  readonly inputName?: string
  readonly accept?: string
  readonly heading: string
  readonly description?: Child
  /** More fields sent with the file (they sit inside the same form). */
  readonly children?: Child
}

/**
 * The dashed drop zone of "Import IdP Metadata". The words "file browser" are the label of a
 * native file input (visually hidden, still focusable; its focus ring is drawn on the words), so
 * `getByLabel('file browser')` finds the input and a click on the words opens the file chooser.
 * With the page script a chosen or dropped file is posted at once; without it, Upload posts it.
 */
export function DropZone(props: DropZoneProps) {
  const id = props.id ?? 'idp-metadata'
  const inputId = `${id}-file`
  return (
    <form
      id={id}
      method="post"
      action={props.action}
      enctype="multipart/form-data"
      data-enhance=""
      aria-labelledby={`${id}-heading`}
    >
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <div class="drop-zone" data-drop-zone="">
        <span class="icon-circle">
          <Icon name="upload" size="large" />
        </span>
        <h3 id={`${id}-heading`}>{props.heading}</h3>
        {props.description ? <p>{props.description}</p> : null}
        <p class="prompt">
          Drag and drop a file or use the{' '}
          <input
            class="file-input"
            type="file"
            id={inputId}
            name={props.inputName ?? 'metadata'}
            accept={props.accept ?? '.xml,text/xml,application/xml'}
            required={true}
            data-auto-submit=""
          />
          <label class="file-browser" for={inputId}>
            file browser
          </label>
        </p>
        <p class="no-js-only">
          <button type="submit" class="btn btn-secondary">
            <Icon name="upload" />
            Upload
          </button>
        </p>
      </div>
      {props.children ?? null}
    </form>
  )
}

export interface ImportResultProps {
  readonly outcome: 'success' | 'failure'
  /** Defaults: "Successfully imported IdP metadata file" / "Failed to import IdP Metadata File". */
  readonly title?: string
  readonly fileName: string
  /** Why the file was refused: which certificate, and what to do. */
  readonly reason?: Child
  /** Cancel (after a success) or Try Again (after a failure). */
  readonly action: { readonly label?: string; readonly action: Action }
}

/** The outcome of an import, in place of the drop zone. */
export function ImportResult(props: ImportResultProps) {
  const success = props.outcome === 'success'
  const title =
    props.title ??
    (success ? 'Successfully imported IdP metadata file' : 'Failed to import IdP Metadata File')
  return (
    <div class={success ? 'import-result success' : 'import-result failure'}>
      <span class="icon-circle">
        <Icon name={success ? 'check-circle' : 'error-circle'} label={success ? 'Imported' : 'Failed'} />
      </span>
      <div class="text">
        <p class="title">{title}</p>
        <p class="file">
          <Icon name="file" size="small" /> {props.fileName}
        </p>
        {props.reason ? <p class="reason">{props.reason}</p> : null}
      </div>
      <ActionButton
        label={props.action.label ?? (success ? 'Cancel' : 'Try Again')}
        action={props.action.action}
      />
    </div>
  )
}
