/**
 * Tokens and base rules of the Entra look: Fluent 2 neutrals, #0078D4 as the brand fill and
 * #0F6CBD for link text (#0078D4 text on the grey and light-blue surfaces falls under 4.5:1).
 */
export const BASE_CSS = `
:root {
  --brand: #0078d4; --brand-hover: #106ebe; --brand-pressed: #005a9e;
  --link: #0f6cbd; --link-hover: #004578;
  --brand-tint: #eff6fc; --brand-tint-strong: #deecf9;
  --ink: #323130; --ink-strong: #201f1e; --muted: #605e5c; --disabled: #a19f9d;
  --surface: #ffffff; --surface-alt: #faf9f8; --surface-hover: #f3f2f1; --surface-pressed: #edebe9;
  --nav: #f5f5f5; --nav-hover: #e9e9e9; --nav-current: #dedede;
  --line: #edebe9; --line-mid: #c8c6c4; --line-strong: #8a8886;
  --danger: #a4262c; --danger-tint: #fde7e9; --success: #107c10; --success-tint: #dff6dd; --warning: #8a6d00;
  --focus: #000000;
  --font: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif;
  --mono: Consolas, "Cascadia Mono", "Courier New", monospace;
  --shadow-4: 0 1.6px 3.6px rgba(0,0,0,.13), 0 .3px .9px rgba(0,0,0,.11);
  --shadow-16: 0 6.4px 14.4px rgba(0,0,0,.13), 0 1.2px 3.6px rgba(0,0,0,.11);
  --shadow-64: 0 25.6px 57.6px rgba(0,0,0,.22), 0 4.8px 14.4px rgba(0,0,0,.18);
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 14px/20px var(--font); color: var(--ink); background: var(--surface); }
[hidden] { display: none !important; }
a { color: var(--link); text-decoration: none; }
a:hover { color: var(--link-hover); text-decoration: underline; }
p a:not(.button) { text-decoration: underline; text-underline-offset: 2px; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
h1, h2, h3 { color: var(--ink-strong); }
h2 { font-size: 16px; line-height: 22px; font-weight: 600; margin: 20px 0 8px; }
h3 { font-size: 14px; line-height: 20px; font-weight: 600; margin: 16px 0 8px; }
p { margin: 0 0 12px; }
code, .mono { font-family: var(--mono); font-size: 13px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 8px; top: -48px; z-index: 100; background: var(--surface); color: var(--link); padding: 8px 12px; box-shadow: var(--shadow-16); }
.skip-link:focus { top: 4px; }
.icon { flex: none; vertical-align: middle; }
.icon-brand { color: var(--brand); } .icon-success { color: var(--success); } .icon-danger { color: var(--danger); }
.icon-warning { color: var(--warning); } .icon-muted { color: var(--muted); }
.icon-spin { animation: icon-spin 1s linear infinite; }
@keyframes icon-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .icon-spin { animation-duration: 4s; } }
.sandbox-badge { display: inline-block; font-size: 11px; line-height: 16px; font-weight: 700; letter-spacing: .08em; padding: 1px 6px; border-radius: 2px; background: #ffb900; color: var(--ink-strong); }
.button { display: inline-flex; align-items: center; justify-content: center; gap: 6px; min-width: 80px; height: 32px; padding: 0 20px; border: 1px solid var(--line-strong); border-radius: 2px; background: var(--surface); color: var(--ink); font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; }
.button:hover { background: var(--surface-hover); color: var(--ink-strong); text-decoration: none; }
.button:active { background: var(--surface-pressed); }
.button-primary { background: var(--brand); border-color: var(--brand); color: #fff; }
.button-primary:hover { background: var(--brand-hover); border-color: var(--brand-hover); color: #fff; }
.button-primary:active { background: var(--brand-pressed); border-color: var(--brand-pressed); }
.button-danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button-danger:hover { background: #8e1f25; border-color: #8e1f25; color: #fff; }
.button:disabled, .button[aria-disabled="true"] { background: var(--surface-hover); border-color: var(--surface-hover); color: var(--disabled); cursor: default; }
.link-button { background: none; border: 0; padding: 0; font: inherit; color: var(--link); cursor: pointer; }
.link-button:hover { color: var(--link-hover); text-decoration: underline; }
.truncate { display: inline-block; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
`
