/** Training mode: the top bar's switch, the progress panel, the trainer view and the printable handouts. */
export const TRAINING_MODE_CSS = `
.training-switch-form { margin: 0; }
.training-switch { display: inline-flex; align-items: center; gap: 8px; height: 40px; padding: 0 12px; border: 0; background: transparent; color: #fff; font: inherit; font-size: 13px; cursor: pointer; }
.training-switch:hover { background: var(--brand-hover); }
.training-switch:focus-visible { outline: 2px solid #fff; outline-offset: -4px; }
.training-switch-track { position: relative; width: 32px; height: 16px; border: 1px solid #fff; border-radius: 8px; }
.training-switch-track::after { content: ""; position: absolute; top: 2px; left: 2px; width: 10px; height: 10px; border-radius: 50%; background: #fff; transition: left .1s; }
.training-switch[aria-checked="true"] .training-switch-track { background: #fff; }
.training-switch[aria-checked="true"] .training-switch-track::after { left: 18px; background: var(--brand); }
.training-panel { flex: 0 0 300px; align-self: flex-start; position: sticky; top: 40px; max-height: calc(100vh - 40px); overflow-y: auto; border-left: 1px solid var(--line); background: var(--surface-alt); }
.training-panel-collapsed { flex-basis: 190px; }
.training-panel form { margin: 0; }
.training-panel-heading { margin: 0; font-size: 14px; }
.training-toggle { display: flex; align-items: center; gap: 8px; width: 100%; padding: 12px 16px; border: 0; border-bottom: 1px solid var(--line); background: transparent; color: var(--ink-strong); font: inherit; font-weight: 600; text-align: left; cursor: pointer; }
.training-toggle:hover { background: var(--surface-hover); }
.training-panel-body { padding: 8px 16px 16px; }
.training-count { margin: 0 0 8px; color: var(--muted); }
.training-notice { margin: 0 0 8px; padding: 8px; border-left: 3px solid var(--warning); background: #fff4ce; color: var(--ink-strong); }
.training-next { margin: 0 0 12px; padding: 8px; border: 1px solid var(--brand-tint-strong); background: var(--brand-tint); }
.training-next p { margin: 0 0 8px; }
.training-steps { margin: 0; padding: 0; list-style: none; }
.training-step { padding: 8px 0; border-top: 1px solid var(--line); }
.training-step-next .training-step-title { color: var(--link); }
.training-step-head { display: flex; justify-content: space-between; gap: 8px; font-weight: 600; }
.training-substeps { margin: 4px 0 0; padding: 0 0 0 12px; list-style: none; font-size: 12px; line-height: 16px; color: var(--muted); }
.training-substeps li { display: flex; justify-content: space-between; gap: 8px; padding: 2px 0; }
/* The provisioning part after the 7 steps; its link names the console, so it may wrap. */
.training-provisioning { margin: 12px 0 0; padding: 12px 0 0; border-top: 1px solid var(--line); }
.training-provisioning > p { margin: 4px 0; }
.training-provisioning .button { height: auto; min-height: 32px; padding-top: 5px; padding-bottom: 5px; white-space: normal; text-align: left; line-height: 18px; margin-top: 6px; }
.training-status { flex: none; white-space: nowrap; font-size: 12px; font-weight: 600; }
.training-status-done { color: var(--success); }
.training-status-not-done { color: var(--danger); }
.training-status-unknown { color: var(--muted); }
.training-links { margin: 12px 0 0; font-size: 12px; }
.trainer-view main { max-width: 1200px; margin: 0 auto; padding: 32px; }
.trainer-view h1 { font-size: 32px; line-height: 40px; }
.trainer-summary { font-size: 24px; line-height: 32px; }
.trainer-view .training-notice { font-size: 20px; line-height: 28px; }
.trainer-table { width: 100%; border-collapse: collapse; font-size: 24px; line-height: 32px; }
.trainer-table th, .trainer-table td { padding: 12px 16px; border-bottom: 1px solid var(--line-mid); text-align: left; }
.trainer-table thead th { font-size: 16px; color: var(--muted); }
.trainer-table th[scope="row"] { font-weight: 400; }
.trainer-table .training-status { font-size: 24px; }
.trainer-next { background: var(--brand-tint); }
.trainer-foot { margin-top: 24px; font-size: 16px; color: var(--muted); }
.handout-index main, .handout main { max-width: 800px; margin: 0 auto; padding: 32px; }
.handout h1 { font-size: 24px; line-height: 30px; margin: 4px 0 12px; }
.handout h2 { font-size: 16px; margin: 16px 0 4px; }
.handout p, .handout li, .handout dd { font-size: 14px; line-height: 20px; }
.handout-kicker { margin: 0; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.handout code { font-family: var(--mono); font-weight: 600; }
.handout dt { font-weight: 600; margin-top: 8px; }
.handout dd { margin: 0; }
.handout-fix { margin-top: 16px; padding: 4px 12px 12px; border: 1px solid var(--line-mid); }
@page { size: A4; margin: 16mm; }
@media print {
  .handout-back { display: none; }
  .handout main { max-width: none; padding: 0; }
  .handout a { color: inherit; }
  .handout section { break-inside: avoid; }
}
`
