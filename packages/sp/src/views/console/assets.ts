import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * The console's static files: one stylesheet (concatenated from the parts below, in this order),
 * one script, the tab icon, and the Inter typeface from @momentum-design/fonts (MIT; Inter itself is under the
 * SIL Open Font License). They are read once at start and served by the emulator itself, so the
 * consoles need no network. Each URL carries a version (a hash of the content, or the font
 * package's version), so browsers may cache them for a year and still never use a stale file.
 */
const resolveModule = createRequire(import.meta.url)

const STYLESHEET_PARTS = [
  'base.css',
  'chrome.css',
  'components.css',
  'tables.css',
  'dialogs.css',
  'toasts.css',
  'webex-app.css',
  'training.css',
] as const

/** The font's URL as the stylesheet writes it; replaced by the versioned one when loaded. */
const FONT_PATH = '/assets/fonts/inter-var.woff2'

/** One file the console serves. */
export interface ConsoleAsset {
  /** The path the route answers on, e.g. `/assets/control-hub.css`. */
  readonly path: string
  /** What pages link to: the path with `?v=<version>`. */
  readonly url: string
  readonly version: string
  readonly contentType: string
  /** The bytes, read when first asked for. */
  readonly body: () => Uint8Array<ArrayBuffer>
}

/**
 * The package the console files are resolved from: this one, or the published sandbox
 * package, whose bundle carries them under its own name (its build defines this constant).
 */
declare const SANDBOX_SP_ASSET_PACKAGE: string | undefined
const ASSET_PACKAGE = typeof SANDBOX_SP_ASSET_PACKAGE === 'string' ? SANDBOX_SP_ASSET_PACKAGE : '@sandbox/sp'

function packageFile(name: string): string {
  return resolveModule.resolve(`${ASSET_PACKAGE}/assets/console/${name}`)
}

function shortHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 12)
}

function textAsset(path: string, contentType: string, text: string): ConsoleAsset {
  const bytes = new TextEncoder().encode(text)
  const version = shortHash(bytes)
  return { path, url: `${path}?v=${version}`, version, contentType, body: () => bytes }
}

function fontAsset(): ConsoleAsset {
  const fontFile = resolveModule.resolve('@momentum-design/fonts/dist/inter/Inter.var.woff2')
  const packageJson = resolveModule.resolve('@momentum-design/fonts/package.json')
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version
  let bytes: Uint8Array<ArrayBuffer> | null = null
  return {
    path: FONT_PATH,
    url: `${FONT_PATH}?v=${version}`,
    version,
    contentType: 'font/woff2',
    body: () => {
      bytes ??= new Uint8Array(readFileSync(fontFile))
      return bytes
    },
  }
}

const font = fontAsset()
const stylesheetText = STYLESHEET_PARTS.map((part) => readFileSync(packageFile(part), 'utf8'))
  .join('\n')
  .replaceAll(`url("${FONT_PATH}")`, `url("${font.url}")`)

/** The console's files: the stylesheet, the script and the typeface. */
export const CONSOLE_ASSETS = {
  stylesheet: textAsset('/assets/control-hub.css', 'text/css; charset=utf-8', stylesheetText),
  script: textAsset(
    '/assets/control-hub.js',
    'text/javascript; charset=utf-8',
    readFileSync(packageFile('control-hub.js'), 'utf8'),
  ),
  font,
  icon: textAsset('/assets/favicon.svg', 'image/svg+xml', readFileSync(packageFile('favicon.svg'), 'utf8')),
} as const satisfies Record<string, ConsoleAsset>
