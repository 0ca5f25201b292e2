/** My Apps (myapps.microsoft.com): a white header with search and account, a grid of app tiles. */
export const MY_APPS_CSS = `
body.my-apps { background: var(--surface-alt); }
.my-apps-header { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 16px 0 24px; background: var(--surface); box-shadow: var(--shadow-4); }
.my-apps-product { font-size: 16px; font-weight: 600; color: var(--ink-strong); }
.my-apps-header .search-box { width: 420px; margin: 0 auto; }
.my-apps-account { display: flex; align-items: center; gap: 10px; margin-left: auto; }
.my-apps-account .avatar { background: var(--brand); color: #fff; }
.my-apps-account-text { display: flex; flex-direction: column; line-height: 16px; font-size: 13px; text-align: right; }
.my-apps-account-upn { color: var(--muted); font-size: 12px; }
.my-apps-main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
.my-apps-main h1 { margin: 0 0 16px; font-size: 20px; line-height: 28px; font-weight: 600; }
.app-tiles { display: grid; grid-template-columns: repeat(auto-fill, 152px); gap: 16px; list-style: none; margin: 0; padding: 0; }
.app-tile { position: relative; }
.app-tile-link { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 12px; width: 152px; height: 152px; padding: 16px 12px; background: var(--surface); box-shadow: var(--shadow-4); color: var(--ink-strong); text-align: center; }
.app-tile-link:hover { box-shadow: var(--shadow-16); color: var(--ink-strong); text-decoration: none; }
.app-tile-name { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.app-tile .logo-tile { width: 56px; height: 56px; font-size: 20px; }
.app-tile-menu { position: absolute; top: 4px; right: 4px; }
.app-tile-menu > summary { list-style: none; display: flex; align-items: center; justify-content: center; width: 28px; height: 28px; border-radius: 2px; cursor: pointer; color: var(--ink); }
.app-tile-menu > summary::-webkit-details-marker { display: none; }
.app-tile-menu > summary:hover { background: var(--surface-hover); }
.app-tile-menu ul { position: absolute; right: 0; top: 30px; z-index: 5; min-width: 220px; margin: 0; padding: 4px 0; list-style: none; background: var(--surface); box-shadow: var(--shadow-16); }
.app-tile-menu a { display: block; padding: 8px 12px; color: var(--ink); }
.app-tile-menu a:hover { background: var(--surface-hover); text-decoration: none; }
.my-apps-empty { max-width: 560px; }
`
