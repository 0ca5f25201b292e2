// views/assets/: the stylesheets and the page script the Entra pages load, served under fingerprinted names.
import { createHash } from 'node:crypto'
import { APP_PAGES_CSS } from './app-pages-css'
import { BASE_CSS } from './base-css'
import { BLADE_CSS } from './blade-css'
import { CHROME_CSS } from './chrome-css'
import { CONSOLE_SCRIPT } from './console-script'
import { FORM_CSS } from './form-css'
import { MY_APPS_CSS } from './my-apps-css'
import { OVERLAY_CSS } from './overlay-css'
import { SIGN_IN_CSS } from './sign-in-css'
import { TABLE_CSS } from './table-css'
import { TRAINING_CSS } from './training-css'
import { TRAINING_MODE_CSS } from './training-mode-css'

/** One file the IdP serves under /assets. */
export interface AssetFile {
  readonly body: string
  readonly contentType: string
  /** True for fingerprinted names: their content never changes, so browsers may keep them a year. */
  readonly immutable: boolean
}

const STYLESHEET = [
  BASE_CSS,
  CHROME_CSS,
  BLADE_CSS,
  FORM_CSS,
  TABLE_CSS,
  OVERLAY_CSS,
  SIGN_IN_CSS,
  MY_APPS_CSS,
  APP_PAGES_CSS,
  TRAINING_CSS,
  TRAINING_MODE_CSS,
]
  .join('')
  .trim()

function fingerprint(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12)
}

/** The stylesheet every Entra page links: its name changes whenever its content does. */
export const STYLESHEET_URL = `/assets/entra.${fingerprint(STYLESHEET)}.css`
/** The console's one script file, fingerprinted the same way. */
export const SCRIPT_URL = `/assets/entra-console.${fingerprint(CONSOLE_SCRIPT)}.js`

const CSS = 'text/css; charset=utf-8'
const JS = 'text/javascript; charset=utf-8'

/**
 * Every asset by path. The plain names stay for links written by hand (and older pages in a
 * browser's cache); pages link the fingerprinted names.
 */
export const ASSET_FILES: ReadonlyMap<string, AssetFile> = new Map([
  ['/assets/entra.css', { body: STYLESHEET, contentType: CSS, immutable: false }],
  [STYLESHEET_URL, { body: STYLESHEET, contentType: CSS, immutable: true }],
  ['/assets/entra-console.js', { body: CONSOLE_SCRIPT, contentType: JS, immutable: false }],
  [SCRIPT_URL, { body: CONSOLE_SCRIPT, contentType: JS, immutable: true }],
])
