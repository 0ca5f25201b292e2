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
body.login { background: #f2f2f2; display: flex; flex-direction: column; align-items: center; min-height: 100vh; }
.login-box { background: #fff; width: 440px; max-width: 94vw; margin-top: 12vh; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.ms-logo { display: grid; grid-template-columns: 10px 10px auto; grid-template-rows: 10px 10px; gap: 1px; align-items: center; margin-bottom: 16px; }
.ms-logo .sq { width: 10px; height: 10px; display: block; }
.ms-logo .r { background: #f25022; } .ms-logo .g { background: #7fba00; } .ms-logo .b { background: #00a4ef; } .ms-logo .y { background: #ffb900; }
.ms-logo .ms-word { grid-column: 3; grid-row: 1 / span 2; margin-left: 8px; font-size: 18px; font-weight: 600; color: #737373; }
.login-title { font-size: 24px; font-weight: 600; margin: 0 0 12px; }
.login-subtitle { margin: -8px 0 12px; }
.login-error, .login-error-title { color: #e81123; }
.login-message { word-break: break-word; }
.login-form { display: grid; gap: 8px; }
.login-form input[type=email], .login-form input[type=password] { border: 0; border-bottom: 1px solid #666; padding: 6px 0; font: inherit; }
.login-form button.primary { justify-self: end; margin-top: 16px; background: var(--blue); color: #fff; border: 0; padding: 6px 24px; min-width: 108px; font: inherit; cursor: pointer; }
.troubleshooting { margin-top: 16px; font-size: 13px; }
.troubleshooting h2 { font-size: 15px; }
.troubleshooting dl { grid-template-columns: 120px 1fr; }
.troubleshooting dd { word-break: break-all; }
.sandbox-hint { margin-top: 16px; padding: 8px 12px; background: #fff4ce; border-left: 3px solid #ffb900; font-size: 13px; }
.sandbox-badge.dark { border-color: var(--ink); }
.login-footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
.tiles { display: flex; flex-wrap: wrap; gap: 16px; list-style: none; padding: 0; }
.tile a { display: flex; flex-direction: column; align-items: center; justify-content: center; width: 160px; height: 120px; background: #fff; border: 1px solid var(--line); border-radius: 4px; text-decoration: none; color: var(--ink); }
.tile .tile-icon { width: 40px; height: 40px; border-radius: 4px; background: var(--blue); color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 600; margin-bottom: 8px; }
`
