/** Control Hub's look: dark navigation, Webex blue accents. Served at /assets/webex.css. */
export const WEBEX_STYLESHEET = `
:root { --accent: #07c1e4; --blue: #0a78cc; --ink: #121212; --muted: #545454; --line: #dedede; --bg: #f7f7f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Inter", "Helvetica Neue", system-ui, sans-serif; color: var(--ink); background: var(--bg); }
.topbar { display: flex; gap: 12px; align-items: center; height: 52px; padding: 0 20px; background: #111; color: #fff; }
.topbar .product { font-weight: 600; }
.topbar .org { margin-left: auto; opacity: .85; }
.sandbox-badge { font-size: 11px; letter-spacing: .08em; padding: 2px 6px; border: 1px solid var(--accent); color: var(--accent); border-radius: 10px; }
main { max-width: 1100px; margin: 0 auto; padding: 28px 20px; }
h1 { font-size: 22px; font-weight: 600; margin: 0 0 16px; }
h2 { font-size: 16px; font-weight: 600; margin: 0 0 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin-bottom: 16px; }
dl { display: grid; grid-template-columns: 220px 1fr; gap: 8px 16px; margin: 0; }
dt { color: var(--muted); overflow-wrap: anywhere; }
dd { overflow-wrap: anywhere; }
.attributes { grid-template-columns: minmax(180px, 45%) 1fr; }
dd { margin: 0; min-width: 0; }
code { font: 13px/1.4 "SF Mono", Menlo, Consolas, monospace; background: #f0f0f0; padding: 1px 4px; border-radius: 3px; }
a { color: var(--blue); }
.checks { width: 100%; border-collapse: collapse; }
.checks th, .checks td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
.checks tr.failed td { color: #b3261e; font-weight: 600; }
.card.error { border-left: 4px solid #d93025; }
.card.success { border-left: 4px solid #1e8e3e; }
.error-code code { font-size: 14px; }
.status-on { color: #1e8e3e; font-weight: 600; }
.status-off { color: var(--muted); font-weight: 600; }
.steps li { margin-bottom: 6px; }
`
