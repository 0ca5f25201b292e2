/** My Apps (myapps.microsoft.com): a white header with search and account, a grid of app tiles. */
export const MY_APPS_CSS = `
body.my-apps { background: var(--surface-alt); }
.my-apps-header { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 16px 0 24px; background: var(--surface); box-shadow: var(--shadow-4); }
.my-apps-product { font-size: 16px; font-weight: 600; color: var(--ink-strong); }
.my-apps-search { flex: 0 1 420px; margin: 0 auto; }
.my-apps-header .search-box { width: 100%; }
.my-apps-product:hover { color: var(--ink-strong); text-decoration: none; }
.menu-button { position: relative; }
.menu-button > summary { list-style: none; display: flex; align-items: center; justify-content: center; cursor: pointer; }
.menu-button > summary::-webkit-details-marker { display: none; }
.menu-popup { position: absolute; right: 0; z-index: 20; background: var(--surface); color: var(--ink); box-shadow: var(--shadow-16); }
.menu-popup [role="menu"] { display: flex; flex-direction: column; padding: 4px 0; }
.menu-popup [role="menuitem"] { display: block; padding: 8px 16px; color: var(--ink-strong); white-space: nowrap; }
.menu-popup [role="menuitem"]:focus-visible { outline-offset: -2px; }
.menu-popup [role="menuitem"]:hover, .menu-popup [role="menuitem"]:focus { background: var(--surface-hover); color: var(--ink-strong); text-decoration: none; }
.my-apps-account > summary { width: 40px; height: 40px; border-radius: 50%; }
.my-apps-account > summary:hover, .my-apps-account[open] > summary { background: var(--surface-hover); }
.my-apps-account .avatar { background: var(--brand); color: #fff; }
.my-apps-account .menu-popup { top: 44px; width: 300px; }
.my-apps-account-card { display: flex; align-items: center; gap: 12px; padding: 16px; border-bottom: 1px solid var(--line); }
.my-apps-account-card .avatar-large { width: 48px; height: 48px; font-size: 18px; }
.my-apps-account-text { display: flex; flex-direction: column; line-height: 18px; min-width: 0; }
.my-apps-account-name { font-size: 14px; font-weight: 600; color: var(--ink-strong); }
.my-apps-account-upn { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.my-apps-account [role="menuitem"] { padding: 12px 16px; font-weight: 600; }
.my-apps-main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
.my-apps-main h1 { margin: 0 0 16px; font-size: 20px; line-height: 28px; font-weight: 600; }
.app-tiles { display: grid; grid-template-columns: repeat(auto-fill, 152px); gap: 16px; list-style: none; margin: 0; padding: 0; }
.app-tile { position: relative; }
.app-tile-link { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 12px; width: 152px; height: 152px; padding: 16px 12px; background: var(--surface); box-shadow: var(--shadow-4); color: var(--ink-strong); text-align: center; }
.app-tile-link:hover { box-shadow: var(--shadow-16); color: var(--ink-strong); text-decoration: none; }
.app-tile-name { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.app-tile .logo-tile { width: 56px; height: 56px; font-size: 20px; }
.app-tile-menu { position: absolute; top: 4px; right: 4px; }
.app-tile-menu > summary { width: 28px; height: 28px; border-radius: 2px; color: var(--ink); }
.app-tile-menu > summary:hover, .app-tile-menu[open] > summary { background: var(--surface-hover); }
.app-tile-menu .menu-popup { top: 30px; left: 0; right: auto; min-width: 220px; }
.my-apps-search-summary { margin: 0 0 16px; color: var(--muted); }
.my-apps-back { margin: 0 0 16px; }
.my-app-details { max-width: 640px; padding: 24px; background: var(--surface); box-shadow: var(--shadow-4); }
.my-app-details-head { display: flex; align-items: center; gap: 16px; margin-bottom: 16px; }
.my-app-details-head h1 { margin: 0; }
.my-app-details .logo-tile { width: 56px; height: 56px; font-size: 20px; }
.my-app-details-facts { display: grid; grid-template-columns: 120px 1fr; gap: 8px 16px; margin: 0 0 20px; }
.my-app-details-facts dt { color: var(--muted); }
.my-app-details-facts dd { margin: 0; overflow-wrap: anywhere; }
.my-app-details-note { color: var(--muted); font-size: 13px; }
.my-apps-empty { max-width: 560px; }
`
