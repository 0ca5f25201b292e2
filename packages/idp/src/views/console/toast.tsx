import { Icon } from './icons'

/** A notification after an action: "Application assignment succeeded" + one line. */
export interface ToastData {
  readonly kind: 'success' | 'error' | 'progress'
  readonly title: string
  readonly message: string
}

const ICONS = {
  success: <Icon name="success" tone="success" size={20} />,
  error: <Icon name="error" tone="danger" size={20} />,
  progress: <Icon name="spinner" tone="brand" size={20} />,
} as const

/** One toast. Its dismiss button appears only with the console script (it does nothing without). */
export function Toast(props: { readonly toast: ToastData }) {
  const { toast } = props
  return (
    <div class={`toast kind-${toast.kind}`}>
      {ICONS[toast.kind]}
      <span class="toast-title">{toast.title}</span>
      <button
        type="button"
        class="icon-button toast-dismiss"
        aria-label="Dismiss notification"
        data-toast-dismiss
        data-js-only
        hidden
      >
        <Icon name="close" />
      </button>
      <p class="toast-message">{toast.message}</p>
    </div>
  )
}

/**
 * The top-right notification area: a polite live region, present (empty) on every page so that
 * screen readers already watch it when a toast arrives.
 */
export function ToastRegion(props: { readonly toasts: readonly ToastData[] }) {
  return (
    <section class="toast-region" role="status" aria-live="polite" aria-label="Notifications">
      {props.toasts.map((toast) => (
        <Toast toast={toast} />
      ))}
    </section>
  )
}
