/** A blade: breadcrumbs, `Object | Page` title, resource menu, command bar, banners, SAML cards. */
export const BLADE_CSS = `
.blade { padding: 0 0 32px; }
.breadcrumbs { padding: 10px 24px 0; font-size: 13px; line-height: 18px; }
.breadcrumbs ol { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 6px; list-style: none; margin: 0; padding: 0; }
.breadcrumbs li { display: inline-flex; align-items: center; gap: 6px; }
.breadcrumbs .icon { color: var(--muted); }
.breadcrumbs [aria-current="page"] { color: var(--ink); }
.blade-header { display: flex; align-items: flex-start; gap: 12px; padding: 6px 24px 12px; }
.blade-icon { display: inline-flex; width: 36px; height: 36px; margin-top: 2px; color: var(--brand); }
.blade-heading { flex: 1; min-width: 0; }
.blade-title { margin: 0; font-size: 24px; line-height: 32px; font-weight: 600; color: var(--ink-strong); overflow-wrap: anywhere; }
.blade-title-page { font-weight: 400; }
.blade-subtitle { margin: 0; font-size: 12px; line-height: 16px; color: var(--muted); }
.icon-button { display: inline-flex; align-items: center; justify-content: center; width: 32px; height: 32px; flex: none; border: 0; border-radius: 2px; background: none; color: var(--ink); cursor: pointer; padding: 0; }
.icon-button:hover { background: var(--surface-hover); color: var(--ink-strong); text-decoration: none; }
.blade-body { display: flex; align-items: flex-start; }
.blade-content { flex: 1; min-width: 0; padding: 0 24px; }
.resource-menu { flex: none; width: 200px; padding: 0 0 16px; }
.resource-menu-collapse { display: flex; justify-content: flex-end; padding: 0 8px 4px; }
.resource-menu-list { list-style: none; margin: 0; padding: 0; }
.resource-menu-heading { margin: 12px 16px 4px; padding-bottom: 6px; border-bottom: 1px solid var(--line-mid); font-size: 14px; font-weight: 600; color: var(--ink-strong); }
.resource-menu-item { display: flex; align-items: center; gap: 10px; min-height: 36px; padding: 6px 16px; color: var(--ink); }
a.resource-menu-item:hover { background: var(--surface-hover); color: var(--ink-strong); text-decoration: none; }
.resource-menu-item[aria-current="page"] { background: var(--surface-pressed); color: var(--ink-strong); }
.resource-menu-item:focus-visible { outline-offset: -2px; }
.resource-menu-item .icon { color: var(--brand); }
.resource-menu-item[aria-disabled="true"] { color: var(--disabled); }
.resource-menu-item[aria-disabled="true"] .icon { color: var(--disabled); }
.blade.menu-collapsed .resource-menu { width: 48px; }
.blade.menu-collapsed .resource-menu-heading { display: none; }
.blade.menu-collapsed .resource-menu-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.blade.menu-collapsed .resource-menu-collapse .icon { transform: rotate(180deg); }
.blade.menu-collapsed .resource-menu-collapse { justify-content: center; padding: 0 0 4px; }
.command-bar { display: flex; flex-wrap: wrap; align-items: center; min-width: 0; min-height: 44px; padding: 4px 0; margin: 0 0 16px; border: 0; border-bottom: 1px solid var(--line); }
.command { display: inline-flex; align-items: center; gap: 6px; height: 36px; padding: 0 7px; border: 0; border-radius: 2px; background: none; color: var(--ink); font: inherit; cursor: pointer; white-space: nowrap; }
.command:hover { background: var(--surface-hover); color: var(--ink-strong); text-decoration: none; }
.command .icon { color: var(--brand); }
.command:disabled { color: var(--disabled); cursor: default; background: none; }
.command:disabled .icon { color: var(--disabled); }
.command:focus-visible { outline-offset: -2px; }
.command-separator { width: 1px; height: 20px; margin: 0 6px; background: var(--line-mid); }
.info-banner { display: flex; align-items: center; gap: 10px; margin: 0 0 16px; padding: 10px 16px; background: var(--brand-tint); color: var(--ink); }
.info-banner > .icon { color: var(--brand); }
.info-banner-text { flex: 1; }
.info-banner-link { display: inline-flex; align-items: center; gap: 8px; color: var(--ink); }
.info-banner.tone-warning { background: #fff4ce; } .info-banner.tone-warning > .icon { color: var(--warning); }
.info-banner.tone-error { background: var(--danger-tint); } .info-banner.tone-error > .icon { color: var(--danger); }
.info-banner.tone-success { background: var(--success-tint); } .info-banner.tone-success > .icon { color: var(--success); }
.blade-intro { max-width: 960px; }
.properties { display: grid; grid-template-columns: minmax(140px, 180px) 1fr; gap: 8px 24px; margin: 0 0 16px; }
.properties dt { color: var(--ink); }
.properties dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.properties-columns { display: grid; grid-template-columns: minmax(0, 1.6fr) minmax(0, 1fr); gap: 0 48px; max-width: 1040px; }
.properties-columns .properties + .properties { grid-template-columns: 120px 1fr; }
.numbered-steps { list-style: none; margin: 0; padding: 0; max-width: 1040px; }
.numbered-step { position: relative; display: grid; grid-template-columns: 44px 1fr; padding-bottom: 24px; }
.numbered-step::before { content: ""; position: absolute; left: 13px; top: 0; bottom: 0; width: 1px; background: var(--line-mid); }
.numbered-step:first-child::before { top: 14px; }
.numbered-step:last-child::before { bottom: auto; height: 14px; }
.step-number { position: relative; display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px; border-radius: 50%; background: var(--brand); color: #fff; font-weight: 700; font-size: 14px; }
.step-card { min-width: 0; padding: 14px 20px 18px; background: var(--surface); border: 1px solid #e1dfdd; box-shadow: var(--shadow-4); }
.step-card-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.step-card-title { margin: 0; font-size: 16px; line-height: 22px; font-weight: 400; color: var(--ink-strong); }
.step-card-section { margin-top: 12px; }
.step-card-section + .step-card-section { padding-top: 16px; border-top: 1px solid var(--line); }
.step-card-subtitle { margin: 0; font-size: 14px; font-weight: 600; color: var(--ink-strong); }
.edit-link { display: inline-flex; align-items: center; gap: 6px; height: 32px; padding: 0 8px; color: var(--ink); border-radius: 2px; }
.edit-link:hover { background: var(--surface-hover); color: var(--ink-strong); text-decoration: none; }
.edit-link .icon { color: var(--brand); }
.card-rows { display: grid; grid-template-columns: minmax(180px, 38%) 1fr; gap: 4px 24px; margin: 10px 0 0; }
.card-rows dt { color: var(--ink); }
.card-rows dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.card-rows .field { margin: 0; }
.card-rows .copy-field .input, .card-rows .copy-button { height: 28px; min-height: 28px; }
.value-required { color: var(--danger); font-weight: 700; }
.value-optional { color: var(--muted); font-style: italic; }
.step-card-text { margin: 10px 0 0; }
/* The SAML inspector's report: text as it is, wrapped so that it never scrolls sideways. */
.inspector-text { margin: 12px 0 0; padding: 12px; background: var(--surface-hover); font: 12px/1.5 Consolas, 'Courier New', monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.inspector-checks { margin: 8px 0 16px; padding-left: 20px; overflow-wrap: anywhere; }
`
