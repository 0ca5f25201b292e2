/** The Training page: the reset form, the exercise buttons, the active exercise and its explanation. */
export const TRAINING_CSS = `
.training-section { margin: 0 0 28px; max-width: 960px; }
.training-section .section-title, .training-active .section-title { font-size: 16px; font-weight: 600; margin: 8px 0 8px; }
.training-reset { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; }
.training-reset .field { margin: 0; min-width: 420px; }
.training-exercises { list-style: none; margin: 12px 0 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; }
.training-exercises li { display: flex; flex-direction: column; gap: 4px; }
.training-exercises .button { text-align: left; white-space: normal; height: auto; min-height: 32px; padding: 6px 12px; line-height: 1.35; }
.training-active { border: 1px solid var(--line-mid, #c8c6c4); background: #fff; padding: 12px 16px; margin: 0 0 24px; max-width: 960px; }
.training-facts { display: grid; grid-template-columns: 190px 1fr; gap: 6px 12px; margin: 8px 0 12px; }
.training-facts dt { font-weight: 600; }
.training-facts dd { margin: 0; overflow-wrap: anywhere; }
.training-explanation h3 { font-size: 14px; margin: 12px 0 4px; }
.training-mono { font-family: Consolas, "Courier New", monospace; }
.training-section .form-actions, .training-active .form-actions { display: flex; gap: 8px; margin-top: 12px; }
`
