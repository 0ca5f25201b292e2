/** The admin center's look: Fluent-like neutrals and Entra blue. Served at /assets/entra.css. */
export const ENTRA_STYLESHEET = `
:root { --blue: #0078d4; --ink: #323130; --muted: #605e5c; --line: #edebe9; --bg: #faf9f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--ink); background: var(--bg); }
.topbar { display: flex; gap: 12px; align-items: center; height: 48px; padding: 0 16px; background: var(--blue); color: #fff; }
.topbar .product { font-weight: 600; }
.topbar .tenant { margin-left: auto; opacity: .9; }
.sandbox-badge { font-size: 11px; letter-spacing: .08em; padding: 2px 6px; border: 1px solid #fff; border-radius: 2px; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 16px; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; }
h2 { font-size: 16px; font-weight: 600; margin: 0 0 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 16px 20px; margin-bottom: 16px; }
dl { display: grid; grid-template-columns: 220px 1fr; gap: 8px 16px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
code { font: 13px/1.4 Consolas, "Cascadia Mono", monospace; background: #f3f2f1; padding: 1px 4px; border-radius: 2px; }
a { color: var(--blue); }
`
