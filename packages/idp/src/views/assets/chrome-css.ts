/** The admin center's frame: top bar, left navigation tree, main region. */
export const CHROME_CSS = `
.console-shell { min-height: 100vh; }
.topbar { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 12px; height: 40px; padding: 0 0 0 16px; background: var(--brand); color: #fff; }
.topbar a { color: #fff; }
.topbar :focus-visible { outline-color: #fff; outline-offset: -2px; }
.topbar-product { font-size: 15px; font-weight: 600; white-space: nowrap; }
.topbar-product:hover { color: #fff; text-decoration: none; }
.topbar-spacer { flex: 1; }
.topbar-tenant { padding-right: 16px; font-size: 13px; white-space: nowrap; }
.account { position: relative; height: 40px; }
.account > summary { list-style: none; display: flex; align-items: center; gap: 10px; height: 40px; padding: 0 12px; cursor: pointer; }
.account > summary::-webkit-details-marker { display: none; }
.account > summary:hover, .account[open] > summary { background: var(--brand-pressed); }
.account-text { display: flex; flex-direction: column; align-items: flex-end; line-height: 15px; }
.account-name { font-size: 13px; }
.account-tenant { font-size: 10px; letter-spacing: .04em; text-transform: uppercase; }
.avatar { display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px; border-radius: 50%; background: #fff; color: var(--brand-pressed); font-size: 12px; font-weight: 600; flex: none; }
.account-card { position: absolute; right: 0; top: 40px; width: 300px; background: var(--surface); color: var(--ink); box-shadow: var(--shadow-16); padding: 16px; }
.account-card-head { display: flex; gap: 12px; align-items: center; margin-bottom: 12px; }
.account-card .avatar { width: 48px; height: 48px; font-size: 18px; background: var(--brand); color: #fff; }
.account-card-name { font-weight: 600; color: var(--ink-strong); }
.account-card-upn { color: var(--muted); font-size: 13px; word-break: break-all; }
.account-card form { margin: 0; text-align: right; }
.console-body { display: flex; align-items: stretch; min-height: calc(100vh - 40px); }
.left-nav { position: sticky; top: 40px; flex: none; width: 268px; height: calc(100vh - 40px); overflow-y: auto; background: var(--nav); border-right: 1px solid var(--line); padding: 8px 0 24px; }
.nav-list { list-style: none; margin: 0; padding: 0; }
.nav-item { display: flex; align-items: center; gap: 12px; min-height: 36px; padding: 6px 12px 6px calc(16px + var(--nav-indent, 0px)); color: var(--ink); cursor: pointer; list-style: none; }
.nav-item::-webkit-details-marker { display: none; }
a.nav-item:hover, summary.nav-item:hover { background: var(--nav-hover); color: var(--ink-strong); text-decoration: none; }
.nav-item[aria-current="page"] { background: var(--nav-current); font-weight: 600; color: var(--ink-strong); }
.nav-item:focus-visible { outline-offset: -2px; }
.nav-item .icon { color: var(--brand); }
.nav-label { flex: 1; }
.nav-chevron { transition: transform .15s ease; }
details[open] > summary > .nav-chevron { transform: rotate(180deg); }
.nav-level-1 { --nav-indent: 28px; }
.nav-level-2 { --nav-indent: 44px; }
.nav-level-3 { --nav-indent: 60px; }
.nav-top { font-weight: 600; }
.nav-divider { height: 1px; margin: 8px 12px; background: var(--line-mid); }
.console-main { flex: 1; min-width: 0; background: var(--surface); }
.console-main:focus { outline: none; }
`
