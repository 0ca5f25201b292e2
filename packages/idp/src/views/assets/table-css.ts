/** Lists: search box, filter pills, the "N items found" line, the grid, paging; gallery and tiles. */
export const TABLE_CSS = `
.list-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0 0 8px; }
.search-box { position: relative; display: flex; align-items: center; width: 360px; max-width: 100%; margin: 0; }
.search-box > .icon { position: absolute; left: 9px; color: var(--brand); pointer-events: none; }
.search-box .input { padding-left: 32px; }
.filter-pill { display: inline-flex; align-items: center; gap: 6px; height: 28px; padding: 0 12px; border: 1px solid var(--brand-tint-strong); border-radius: 14px; background: var(--brand-tint-strong); color: var(--ink-strong); font: inherit; white-space: nowrap; cursor: pointer; }
a.filter-pill:hover, button.filter-pill:hover { background: #c7e0f4; color: var(--ink-strong); text-decoration: none; }
.filter-pill .icon { color: var(--ink); }
.filter-pill-add { background: none; border-color: transparent; color: var(--link); }
.filter-pill-add .icon { color: var(--link); }
.result-count { margin: 8px 0 4px; color: var(--ink); }
/* Fixed layout with ellipsis, as Entra's grids: long GUIDs and URLs never push the table past the blade. */
.data-table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.data-table th, .data-table td { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.data-table th { padding: 8px 12px; border-bottom: 1px solid var(--line-mid); text-align: left; font-weight: 600; color: var(--ink-strong); white-space: nowrap; }
.data-table td { padding: 7px 12px; border-bottom: 1px solid var(--line); vertical-align: middle; }
.data-table tbody tr:hover { background: var(--surface-hover); }
.data-table tr:has([data-row-select]:checked) { background: var(--brand-tint); }
.data-table .col-wide { width: 32%; }
.data-table .col-date { width: 200px; } .data-table .col-narrow { width: 80px; } .data-table .col-medium { width: 108px; }
/* Log grids in a narrow blade: Entra's smaller grid type, and words wrap rather than being cut. */
.data-table-wrap { font-size: 13px; }
.data-table-wrap th, .data-table-wrap td { white-space: normal; overflow-wrap: break-word; }
.data-table-wrap td:has(time) { white-space: nowrap; }
.cell-subtext { display: block; font-size: 12px; color: var(--muted); }
.data-table .col-select { width: 44px; padding-right: 0; text-overflow: clip; }
.data-table .col-select input { width: 16px; height: 16px; margin: 0; accent-color: var(--brand); vertical-align: middle; }
.sort-link { display: inline-flex; align-items: center; gap: 6px; color: var(--ink-strong); }
.sort-link:hover { color: var(--ink-strong); }
.sort-glyph { color: var(--muted); font-weight: 400; }
.empty-row td { padding: 12px; color: var(--ink); white-space: normal; }
.name-cell { display: flex; align-items: center; gap: 10px; min-width: 0; }
.name-cell > a { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.cell-text { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
/* A row's "…" menu drops below its button, over the rows after it; its cell must not clip it. */
.data-table td:has(.row-menu) { overflow: visible; }
.row-menu { display: inline-block; }
.row-menu > summary { width: 32px; height: 32px; border-radius: 2px; color: var(--ink); }
.row-menu > summary:hover, .row-menu[open] > summary { background: var(--surface-hover); color: var(--ink-strong); }
.row-menu .menu-popup { top: 34px; min-width: 260px; }
.menu-popup button[role="menuitem"] { width: 100%; border: 0; background: none; font: inherit; text-align: left; cursor: pointer; }
/* A grid inside a pane keeps the fields after it at a distance; Import Certificate's Add too. */
.import-certificate { margin-bottom: 20px; }
.pane-body .data-table { margin-bottom: 16px; }
.paging { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 12px 0 0; }
.paging-status { color: var(--muted); margin-left: 4px; }
.logo-tile { display: inline-flex; align-items: center; justify-content: center; flex: none; width: 32px; height: 32px; border-radius: 2px; color: #fff; font-size: 13px; font-weight: 600; letter-spacing: .02em; }
.logo-tile.size-large { width: 72px; height: 72px; font-size: 24px; border-radius: 4px; }
.tile-c0 { background: #0078d4; } .tile-c1 { background: #038387; } .tile-c2 { background: #8764b8; } .tile-c3 { background: #ca5010; }
.tile-c4 { background: #107c10; } .tile-c5 { background: #c239b3; } .tile-c6 { background: #004e8c; } .tile-c7 { background: #393939; }
.gallery-section { margin: 16px 0 8px; font-size: 16px; }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(232px, 1fr)); gap: 16px; list-style: none; margin: 0 0 16px; padding: 0; }
.gallery-tile { position: relative; display: flex; flex-direction: column; align-items: center; gap: 12px; height: 100%; min-height: 176px; padding: 16px 16px 12px; background: var(--surface); border: 1px solid var(--line); box-shadow: var(--shadow-4); color: var(--ink); text-align: center; }
.gallery-tile:hover { box-shadow: var(--shadow-16); }
.gallery-tile-link { font-weight: 600; color: var(--ink-strong); }
.gallery-tile-link:hover { color: var(--ink-strong); }
.gallery-tile-link::after { content: ""; position: absolute; inset: 0; }
.gallery-tile-link:focus-visible { outline: none; }
.gallery-tile-link:focus-visible::after { outline: 2px solid var(--focus); outline-offset: 2px; }
.gallery-tile-publisher { font-size: 12px; color: var(--muted); }
.gallery-tile-features { display: flex; gap: 10px; margin-top: auto; align-self: stretch; justify-content: flex-start; color: var(--muted); }
.gallery-tile-feature { display: inline-flex; align-items: center; gap: 4px; font-size: 12px; white-space: nowrap; }
.gallery-tile-feature .icon { color: var(--brand); }
/* Provisioning logs: the filter row (GET form) and the downloads under it. */
.log-filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 12px; margin: 0 0 8px; }
.log-filter { display: flex; flex-direction: column; gap: 4px; width: 124px; font-weight: 600; color: var(--ink-strong); }
.log-filter .input { font-weight: 400; }
.log-filter-wide { width: 180px; }
.log-filter-date { width: 144px; }
.log-downloads { display: flex; gap: 8px; margin: 0 0 8px; }
`
