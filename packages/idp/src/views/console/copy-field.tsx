import { type FieldBase, FieldShell } from './field-shell'
import { Icon } from './icons'

/** The copy button; it needs the console script, so it appears only with it. */
export function CopyButton(props: { readonly targetId: string; readonly label?: string }) {
  return (
    <button
      type="button"
      class="copy-button"
      aria-label={props.label ?? 'Copy to clipboard'}
      data-copy-target={props.targetId}
      data-js-only
      hidden
    >
      <Icon name="copy" />
    </button>
  )
}

/** A read-only value in a box with a copy button (App Federation Metadata Url, Login URL). */
export function CopyField(props: FieldBase & { readonly value: string; readonly copyLabel?: string }) {
  return (
    <FieldShell field={props}>
      <div class="copy-field">
        <input class="input mono" id={props.id} type="text" value={props.value} readonly />
        <CopyButton targetId={props.id} label={props.copyLabel} />
      </div>
    </FieldShell>
  )
}

/** A value shown as text with a copy button after it (Tenant ID on the overview). */
export function CopyText(props: {
  readonly id: string
  readonly value: string
  readonly copyLabel?: string
}) {
  return (
    <span class="copy-inline">
      <span id={props.id}>{props.value}</span>
      <CopyButton targetId={props.id} label={props.copyLabel} />
    </span>
  )
}
