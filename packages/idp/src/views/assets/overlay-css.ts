/** Things drawn over a page: right-side panes, confirmation dialogs, toasts. */
export const OVERLAY_CSS = `
.overlay-backdrop { position: fixed; inset: 40px 0 0 0; z-index: 20; background: rgba(0,0,0,.12); }
.pane { position: fixed; top: 40px; right: 0; bottom: 0; z-index: 21; display: flex; flex-direction: column; width: min(640px, calc(100vw - 48px)); background: var(--surface); box-shadow: var(--shadow-64); animation: pane-in .18s ease-out; }
.pane.size-small { width: min(440px, calc(100vw - 48px)); }
.pane.size-large { width: min(880px, calc(100vw - 48px)); }
@keyframes pane-in { from { transform: translateX(48px); } to { transform: none; } }
@media (prefers-reduced-motion: reduce) { .pane, .dialog { animation: none; } }
.pane:focus, .dialog:focus { outline: none; }
.pane-header { display: flex; align-items: flex-start; gap: 12px; padding: 16px 16px 4px 24px; }
.pane-heading { flex: 1; min-width: 0; }
.pane-title { margin: 0; font-size: 20px; line-height: 28px; font-weight: 600; color: var(--ink-strong); overflow-wrap: anywhere; }
.pane-subtitle { margin: 0; font-size: 12px; color: var(--muted); }
.pane-commands { padding: 0 24px; }
.pane-commands .command-bar { margin-bottom: 8px; }
.pane-form { display: flex; flex-direction: column; flex: 1; min-height: 0; margin: 0; }
.pane-body { flex: 1; min-height: 0; overflow-y: auto; padding: 8px 24px 24px; }
.pane-footer { display: flex; flex-wrap: wrap; gap: 8px; padding: 16px 24px; border-top: 1px solid var(--line); }
.dialog-layer { position: fixed; inset: 0; z-index: 30; display: flex; align-items: flex-start; justify-content: center; padding-top: 18vh; background: rgba(0,0,0,.3); }
.dialog { width: min(480px, calc(100vw - 32px)); padding: 20px 24px 24px; background: var(--surface); box-shadow: var(--shadow-64); animation: pane-in .18s ease-out; }
.dialog-title { margin: 0 0 12px; font-size: 20px; line-height: 28px; font-weight: 600; }
.dialog-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 20px; }
.dialog form { margin: 0; display: inline; }
.toast-region { position: fixed; top: 48px; right: 16px; z-index: 40; display: flex; flex-direction: column; gap: 8px; width: min(380px, calc(100vw - 32px)); pointer-events: none; }
/* With a pane open, toasts sit beside it at its left edge, so that they cover neither the pane's
   bar nor its X and stay readable; only where the window leaves too little room do they lie over it. */
@media (min-width: 760px) { .toast-region:has(~ #console-overlay .pane.size-small) { right: 456px; width: min(360px, calc(100vw - 488px)); } }
@media (min-width: 960px) { .toast-region:has(~ #console-overlay .pane.size-medium) { right: 656px; width: min(360px, calc(100vw - 688px)); } }
@media (min-width: 1200px) { .toast-region:has(~ #console-overlay .pane.size-large) { right: 896px; width: min(360px, calc(100vw - 928px)); } }
.toast { pointer-events: auto; display: grid; grid-template-columns: 20px minmax(0, 1fr) auto; gap: 2px 12px; align-items: start; padding: 12px 8px 14px 16px; background: var(--surface); border: 1px solid var(--line); box-shadow: var(--shadow-16); }
.toast > .icon { margin-top: 1px; }
.toast-title { font-weight: 600; color: var(--ink-strong); }
.toast-message { grid-column: 2; margin: 0; color: var(--ink); overflow-wrap: anywhere; }
.toast-dismiss { grid-column: 3; grid-row: 1; width: 24px; height: 24px; }
`
