/** The enterprise app pages: Getting Started cards, the sign-on method tiles, claim tables, the resolving-errors box. */
export const APP_PAGES_CSS = `
.start-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; margin: 12px 0 24px; padding: 0; list-style: none; }
.start-card { border: 1px solid var(--line, #e1dfdd); border-radius: 2px; padding: 14px 16px; background: #fff; display: flex; flex-direction: column; gap: 6px; }
.start-card h3 { margin: 0; font-size: 14px; font-weight: 600; }
.start-card p { margin: 0; color: #605e5c; font-size: 13px; }
.start-state { font-size: 12px; font-weight: 600; }
.start-state.done { color: #107c10; } .start-state.todo { color: #605e5c; }
.method-grid { display: grid; grid-template-columns: repeat(2, minmax(220px, 320px)); gap: 16px; margin: 12px 0; }
.method-tile { position: relative; border: 1px solid var(--line-mid); border-radius: 2px; padding: 16px; background: #fff; display: flex; flex-direction: column; gap: 6px; min-height: 96px; }
.method-tile span { color: var(--muted); font-size: 13px; }
.method-button { all: unset; font-weight: 600; font-size: 15px; color: var(--ink-strong); cursor: pointer; }
.method-button::after { content: ""; position: absolute; inset: 0; }
.method-button:focus-visible { outline: none; }
.method-tile:has(.method-button:focus-visible) { outline: 2px solid var(--focus); outline-offset: 2px; }
.method-tile:hover:not(.method-unavailable) { border-color: var(--brand); }
.method-on { border: 2px solid var(--brand); background: var(--brand-tint); }
.method-unavailable { background: var(--surface-hover); }
.method-unavailable .method-button { color: var(--muted); cursor: not-allowed; }
.row-fields { display: grid; grid-template-columns: minmax(0, 1fr) 90px 176px; gap: 8px 12px; align-items: start; }
.row-fields .field { margin: 0; }
.resolve-box { border: 1px solid #a4262c; background: #fde7e9; padding: 12px 16px; margin: 16px 0; }
.resolve-box h3 { margin: 0 0 6px; font-size: 14px; }
.resolve-box dl { display: grid; grid-template-columns: 160px 1fr; gap: 4px 12px; margin: 0; }
.resolve-box dd { margin: 0; overflow-wrap: anywhere; }
.inline-form { display: inline; }
.plain-fieldset { border: 0; padding: 0; margin: 0 0 16px; min-width: 0; }
.plain-fieldset > legend { font-weight: 600; padding: 0; margin-bottom: 4px; }
.row-fields { margin-bottom: 8px; }
/* Rows line up on their boxes, not their bottoms, so an error under a URL pushes nothing sideways;
   the Default checkbox sits level with the box, below the first row's visible labels. */
.row-fields .choice { margin: 0; height: 32px; align-items: center; white-space: nowrap; }
.row-fields .choice input { margin: 0; }
.row-fields:has(.field-label) .choice { margin-top: 24px; }
`
