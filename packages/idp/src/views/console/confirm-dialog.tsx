import { type HiddenField, HiddenFields } from './hidden-fields'

/** What a confirmation asks, and the POST that carries out the answer "yes". */
export interface ConfirmDialogProps {
  /** The `?pane=` value that addresses it, as for panes. */
  readonly id: string
  readonly title: string
  readonly message: string
  readonly confirmLabel: string
  readonly action: string
  readonly fields?: readonly HiddenField[]
  /** The page without `pane`: "Cancel" and Escape go there. */
  readonly cancelHref: string
  readonly cancelLabel?: string
  /** Deletes and other changes that cannot be undone get a red button. */
  readonly destructive?: boolean
}

/** A centred alert dialog ("Delete user?" … Yes / No), addressed by URL like a pane. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = `dialog-${props.id}-title`
  const messageId = `dialog-${props.id}-message`
  return (
    <div class="dialog-layer">
      <div
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        tabindex={-1}
        data-overlay-id={props.id}
      >
        <h2 class="dialog-title" id={titleId}>
          {props.title}
        </h2>
        <p id={messageId}>{props.message}</p>
        <div class="dialog-actions">
          <form method="post" action={props.action}>
            <HiddenFields fields={props.fields} />
            <button type="submit" class={`button ${props.destructive ? 'button-danger' : 'button-primary'}`}>
              {props.confirmLabel}
            </button>
          </form>
          <a class="button" href={props.cancelHref} data-overlay-close>
            {props.cancelLabel ?? 'Cancel'}
          </a>
        </div>
      </div>
    </div>
  )
}
