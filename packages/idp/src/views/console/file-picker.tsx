import { controlAttributes, type FieldBase, FieldShell } from './field-shell'
import { Icon } from './icons'

/** A file input drawn as Entra's "Select a file" box with a folder button. */
export interface FilePickerProps extends FieldBase {
  readonly name: string
  /** File types offered first, e.g. ".xml,application/samlmetadata+xml". */
  readonly accept?: string
  readonly placeholder?: string
}

/**
 * The native `<input type="file">` is the control (label, keyboard, Playwright's setInputFiles).
 * With the console script it is laid transparently over the drawn box, which then shows the
 * chosen file's name; without it, the native input is shown, styled.
 */
export function FilePicker(props: FilePickerProps) {
  const placeholder = props.placeholder ?? 'Select a file'
  return (
    <FieldShell field={props}>
      <div class="file-picker" data-invalid={props.error ? true : undefined}>
        <span class="file-picker-face" aria-hidden="true">
          <span class="file-picker-name" data-placeholder={placeholder}>
            {placeholder}
          </span>
          <span class="file-picker-button">
            <Icon name="folder" />
          </span>
        </span>
        <input class="file-picker-native" type="file" {...controlAttributes(props)} accept={props.accept} />
      </div>
    </FieldShell>
  )
}
