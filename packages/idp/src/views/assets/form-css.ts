/** Fluent-style form fields: labels, boxes with their valid/invalid states, choices, pickers, tabs. */

// Drawn glyphs as data: URIs (allowed by img-src 'self' data:), for places an element cannot hold an SVG.
const CHEVRON = `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='12' height='12' viewBox='0 0 20 20'%3E%3Cpath d='M5 7.5l5 5 5-5' fill='none' stroke='%23323130' stroke-width='1.8' stroke-linecap='round' stroke-linejoin='round'/%3E%3C/svg%3E")`
const FOLDER = `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='16' viewBox='0 0 20 20'%3E%3Cpath d='M2.5 5.5v10h15v-8H9.5l-2-2z' fill='none' stroke='%230078d4' stroke-width='1.4' stroke-linejoin='round'/%3E%3C/svg%3E")`

export const FORM_CSS = `
.form { max-width: 720px; }
.field { margin: 0 0 16px; }
.field-label { display: block; margin: 0 0 4px; color: var(--ink-strong); }
.field-label label { cursor: default; }
.required-mark { color: var(--danger); margin-left: 3px; font-weight: 600; }
.field-inline { display: grid; grid-template-columns: 200px minmax(0, 1fr); gap: 0 16px; align-items: start; }
.field-inline > .field-label { padding-top: 6px; }
.field-inline > .field-control { min-width: 0; }
.text-box { position: relative; display: flex; align-items: center; }
.input { width: 100%; height: 32px; padding: 0 8px; border: 1px solid var(--line-strong); border-radius: 2px; background: var(--surface); color: var(--ink); font: inherit; }
.input::placeholder { color: var(--muted); opacity: 1; }
.input:hover { border-color: var(--ink); }
.input:focus { outline: 2px solid var(--brand); outline-offset: -2px; border-color: var(--brand); }
.input[readonly] { background: var(--surface-alt); }
.input:disabled { background: var(--surface-hover); border-color: var(--surface-hover); color: var(--disabled); }
.input[aria-invalid="true"] { border-color: var(--danger); }
.input[aria-invalid="true"]:focus { outline-color: var(--danger); }
.text-box.has-state .input { padding-right: 32px; }
.state-icon { position: absolute; right: 8px; top: 8px; pointer-events: none; }
.field-help { margin: 0 0 6px; font-size: 13px; line-height: 18px; color: var(--muted); font-style: italic; }
.field-error { display: flex; align-items: flex-start; gap: 4px; margin: 4px 0 0; font-size: 13px; line-height: 18px; color: var(--danger); overflow-wrap: anywhere; }
.field-error .icon { margin-top: 1px; }
.input-static { display: flex; align-items: center; background: var(--surface-alt); font-family: var(--mono); font-size: 13px; }
select.input { appearance: none; padding-right: 28px; background: var(--surface) ${CHEVRON} no-repeat right 10px center; cursor: pointer; }
select.input:disabled { background-color: var(--surface-hover); cursor: default; }
.choice { display: flex; align-items: flex-start; gap: 8px; margin: 0 0 8px; }
.choice input { flex: none; width: 18px; height: 18px; margin: 1px 0 0; accent-color: var(--brand); cursor: pointer; }
.choice input:disabled { cursor: default; }
.choice input:disabled + .choice-text { color: var(--disabled); }
.choice-text { display: flex; flex-direction: column; }
.choice-description { color: var(--muted); font-size: 13px; }
.choice-group { border: 0; margin: 0 0 16px; padding: 0; min-width: 0; }
.choice-group > legend { padding: 0; margin: 0 0 8px; color: var(--ink-strong); }
.choice-group.horizontal .choice-options { display: flex; flex-wrap: wrap; gap: 0 20px; }
.password-plain { display: none; }
html:not(.js) .password-field.has-plain:has(.password-show:checked) .password-masked { display: none; }
html:not(.js) .password-field.has-plain:has(.password-show:checked) .password-plain { display: flex; }
.password-field .choice { margin-top: 8px; }
.upn { display: flex; align-items: center; gap: 8px; }
.upn .text-box { flex: 1 1 55%; min-width: 0; }
.upn select { flex: 1 1 45%; min-width: 0; }
.upn-at { font-weight: 600; }
.file-picker { position: relative; display: flex; max-width: 520px; }
.file-picker-native { width: 100%; min-height: 32px; padding: 3px 4px; border: 1px solid var(--line-strong); border-radius: 2px; background: var(--surface); color: var(--ink); font: inherit; }
.file-picker-native::file-selector-button { height: 24px; margin-right: 10px; padding: 0 12px 0 30px; border: 1px solid var(--line-strong); border-radius: 2px; background: var(--surface) ${FOLDER} no-repeat 8px center; color: var(--ink); font: inherit; cursor: pointer; }
.file-picker-face { display: none; }
.js .file-picker-face { display: flex; align-items: center; width: 100%; height: 32px; border: 1px solid var(--line-strong); border-radius: 2px; background: var(--surface); }
.js .file-picker-native { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.js .file-picker:hover .file-picker-face { border-color: var(--ink); }
.js .file-picker:focus-within .file-picker-face { outline: 2px solid var(--focus); outline-offset: 1px; }
.file-picker[data-invalid] .file-picker-face, .file-picker[data-invalid] .file-picker-native { border-color: var(--danger); }
.file-picker-name { flex: 1; min-width: 0; padding: 0 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--muted); }
.file-picker-name.has-file { color: var(--ink); }
.file-picker-button { display: flex; align-items: center; justify-content: center; width: 34px; height: 100%; border-left: 1px solid var(--line-strong); color: var(--brand); }
.copy-field { display: flex; align-items: stretch; max-width: 640px; }
.copy-field .input { text-overflow: ellipsis; background: var(--surface); }
.js .copy-field .input { border-right: 0; border-radius: 2px 0 0 2px; }
.copy-field .input:hover { border-color: var(--line-strong); }
.copy-button { display: inline-flex; align-items: center; justify-content: center; width: 32px; min-height: 32px; flex: none; border: 1px solid var(--line-strong); border-radius: 0 2px 2px 0; background: var(--surface); color: var(--brand); cursor: pointer; padding: 0; }
.copy-button:hover { background: var(--surface-hover); }
.copy-button.copied { color: var(--success); }
.copy-inline { display: inline-flex; align-items: center; gap: 4px; max-width: 100%; margin: -4px 0; }
.copy-inline > span { overflow-wrap: anywhere; }
.copy-inline .copy-button { border: 0; width: 28px; min-height: 28px; border-radius: 2px; }
.tabs { display: flex; flex-wrap: wrap; gap: 0 4px; margin: 0 0 16px; }
.tab { position: relative; display: inline-flex; align-items: center; height: 40px; padding: 0 10px; border: 0; background: none; color: var(--ink); font: inherit; cursor: pointer; }
.tab:hover { color: var(--ink-strong); background: var(--surface-hover); text-decoration: none; }
.tab[aria-current="page"], .tab[aria-selected="true"] { font-weight: 600; color: var(--ink-strong); }
.tab[aria-current="page"]::after, .tab[aria-selected="true"]::after { content: ""; position: absolute; left: 10px; right: 10px; bottom: 4px; height: 2px; border-radius: 1px; background: var(--brand); }
.tab:focus-visible { outline-offset: -2px; }
.tab-text { display: inline-flex; flex-direction: column; align-items: center; }
.tab-text::after { content: attr(data-text); content: attr(data-text) / ""; height: 0; overflow: hidden; visibility: hidden; font-weight: 600; user-select: none; }
.form-footer { display: flex; flex-wrap: wrap; gap: 8px; padding: 16px 0 0; }
`
