import { Icon } from './icons'

/** One toast: a success or an error, errors with the tracking ID support would ask for. */
export interface ToastProps {
  readonly kind: 'success' | 'error'
  readonly message: string
  readonly trackingId?: string
}

/** A toast; its dismiss button exists only where the page script runs (it removes the toast). */
export function Toast(props: ToastProps) {
  return (
    <div class={`toast ${props.kind}`}>
      <Icon name={props.kind === 'success' ? 'check-circle' : 'error-circle'} />
      <div class="text">
        <p class="message">
          <span class="visually-hidden">{props.kind === 'success' ? 'Success: ' : 'Error: '}</span>
          {props.message}
        </p>
        {props.trackingId ? <p class="tracking">Tracking ID: {props.trackingId}</p> : null}
      </div>
      <button type="button" class="btn btn-ghost btn-icon js-only" data-toast-dismiss="" aria-label="Dismiss">
        <Icon name="close" size="small" />
      </button>
    </div>
  )
}

/**
 * The live region for toasts, top right above any dialog. It is always rendered (empty too), so
 * the page script can keep it across page swaps and screen readers announce what arrives in it.
 */
export function ToastRegion(props: { toasts: readonly ToastProps[]; withTopBar?: boolean }) {
  return (
    <div
      id="toasts"
      class={props.withTopBar === false ? 'toasts no-topbar' : 'toasts'}
      role="status"
      aria-live="polite"
      aria-label="Notifications"
    >
      {props.toasts.map((toast) => (
        <Toast {...toast} />
      ))}
    </div>
  )
}
