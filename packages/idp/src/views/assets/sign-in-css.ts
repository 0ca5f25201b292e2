/** The Microsoft-style sign-in card (login.microsoftonline.com) on a grey-blue gradient. */
export const SIGN_IN_CSS = `
body.sign-in { display: flex; flex-direction: column; min-height: 100vh; background: linear-gradient(160deg, #eef1f5 0%, #d9e2ee 48%, #c3d2e6 100%); color: #1b1b1b; }
.sign-in-main { flex: 1; display: flex; flex-direction: column; align-items: center; padding: 12vh 16px 24px; }
.sign-in-card { width: 440px; max-width: 100%; min-height: 338px; padding: 44px; background: #fff; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.sign-in-card a { color: #0067b8; }
.sign-in-card :focus-visible { outline: 2px solid #000; outline-offset: 1px; }
.sign-in-brand { display: flex; align-items: center; gap: 10px; margin: 0 0 16px; }
.sign-in-brand-name { font-size: 17px; font-weight: 600; color: #5e5e5e; letter-spacing: .01em; }
.sign-in-title { margin: 0 0 12px; font-size: 24px; line-height: 28px; font-weight: 600; color: #1b1b1b; }
.sign-in-subtitle { margin: -4px 0 12px; }
.sign-in-error { margin: 0 0 8px; color: #e81123; }
.sign-in-message { overflow-wrap: anywhere; }
.sign-in-form { display: grid; gap: 4px; margin: 8px 0 0; }
.sign-in-form label { margin-top: 8px; font-size: 13px; color: #1b1b1b; }
.sign-in-input { width: 100%; height: 36px; padding: 6px 0; border: 0; border-bottom: 1px solid #666; border-radius: 0; background: transparent; color: #1b1b1b; font: inherit; font-size: 15px; }
.sign-in-input:hover { border-bottom-color: #323232; }
.sign-in-input:focus { outline: none; border-bottom: 2px solid #0067b8; padding-bottom: 5px; }
.sign-in-input:focus-visible { outline: none; }
.sign-in-input[aria-invalid="true"] { border-bottom-color: #e81123; }
.sign-in-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 24px; }
.sign-in-button { min-width: 108px; height: 32px; padding: 4px 12px; border: 1px solid #0067b8; background: #0067b8; color: #fff; font: inherit; cursor: pointer; }
.sign-in-button:hover { background: #005da6; border-color: #005da6; }
.sign-in-button.secondary { background: #e6e6e6; border-color: #e6e6e6; color: #1b1b1b; }
.sign-in-button.secondary:hover { background: #c8c8c8; border-color: #c8c8c8; }
.sign-in-card .troubleshooting { margin-top: 20px; font-size: 13px; }
.sign-in-card .troubleshooting h2 { margin: 0 0 4px; font-size: 15px; }
.sign-in-card .troubleshooting dl { display: grid; grid-template-columns: 116px 1fr; gap: 2px 8px; margin: 8px 0 0; }
.sign-in-card .troubleshooting dt { font-weight: 600; }
.sign-in-card .troubleshooting dd { margin: 0; overflow-wrap: anywhere; }
.sandbox-hint { margin-top: 16px; padding: 8px 12px; background: #fff4ce; border-left: 3px solid #ffb900; font-size: 13px; }
.sign-in-notice { max-width: 440px; margin: 16px 0 0; padding: 8px 12px; background: rgba(255,255,255,.7); font-size: 12px; line-height: 16px; color: #1b1b1b; }
.sign-in-footer { display: flex; justify-content: flex-end; align-items: center; gap: 16px; padding: 8px 16px; font-size: 12px; }
.sign-in-footer a, .sign-in-footer summary { color: #1b1b1b; }
.sign-in-footer details { position: relative; }
.sign-in-footer summary { list-style: none; cursor: pointer; padding: 0 4px; }
.sign-in-footer summary::-webkit-details-marker { display: none; }
.sign-in-footer-more { position: absolute; right: 0; bottom: 24px; width: 240px; padding: 8px 12px; background: #fff; box-shadow: var(--shadow-16); }
.sign-in-identity { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; font-size: 15px; }
.sign-in-back { display: inline-flex; align-items: center; justify-content: center; width: 24px; height: 24px; color: #1b1b1b; text-decoration: none; font-size: 18px; }
.sign-in-identity-name { overflow-wrap: anywhere; }
.sign-in-links { margin: 12px 0 0; font-size: 13px; }
.sign-in-check { display: flex; align-items: center; gap: 8px; font-size: 15px; }
a.sign-in-button { display: inline-flex; align-items: center; justify-content: center; text-decoration: none; box-sizing: border-box; }
.sign-in-card a.sign-in-button.secondary { color: #1b1b1b; }
.sign-in-accounts { display: grid; margin: 8px -44px 0; }
.sign-in-account { display: grid; gap: 2px; padding: 12px 44px; border: 0; border-top: 1px solid #e6e6e6; background: #fff; color: #1b1b1b; font: inherit; font-size: 15px; text-align: left; cursor: pointer; }
.sign-in-account:hover { background: #e6e6e6; }
.sign-in-account:focus-visible { outline: 2px solid #000; outline-offset: -2px; }
.sign-in-account-name { font-weight: 600; }
.sign-in-account-status { font-size: 13px; color: #5e5e5e; }
`
