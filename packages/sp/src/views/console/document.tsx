// views/console/: the console's components, look and assets (README.md: the rules for pages).
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { CONSOLE_ASSETS } from './assets'

/** The product name the tutorial gives Control Hub's browser tab. */
export const CONTROL_HUB_PRODUCT = 'Cisco Cloud Collaboration Management'

/**
 * Control Hub's tab title: `<page> - Cisco Cloud Collaboration Management (sandbox)`. The page
 * comes first so several tabs stay apart; the product name is whole, so a test written from the
 * tutorial ("return to the Cisco Cloud Collaboration Management browser tab") finds it with a
 * substring match; "(sandbox)" says it is not the real service.
 */
export function controlHubTabTitle(pageTitle: string): string {
  return pageTitle ? `${pageTitle} - ${CONTROL_HUB_PRODUCT} (sandbox)` : `${CONTROL_HUB_PRODUCT} (sandbox)`
}

/** The end-user pages' tab title: `<page> - Webex (sandbox)`. */
export function webexTabTitle(pageTitle: string): string {
  return pageTitle ? `${pageTitle} - Webex (sandbox)` : 'Webex (sandbox)'
}

/** Without it browsers render in quirks mode (other box sizes, form margins, table fonts). */
const DOCTYPE = raw('<!DOCTYPE html>')

/**
 * The HTML document every console page shares: the stylesheet and the script (loaded in the head,
 * unblocked by any inline code, so the CSP needs no exception), and the body.
 */
export function ConsoleDocument(props: {
  tabTitle: string
  bodyClass?: string
  /** Reloads the page this often (a projector's view that follows the class). */
  refreshSeconds?: number
  children: Child
}) {
  return (
    <>
      {DOCTYPE}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{props.tabTitle}</title>
          <link
            rel="preload"
            href={CONSOLE_ASSETS.font.url}
            as="font"
            type="font/woff2"
            crossorigin="anonymous"
          />
          <link rel="icon" href={CONSOLE_ASSETS.icon.url} type="image/svg+xml" />
          <link rel="stylesheet" href={CONSOLE_ASSETS.stylesheet.url} />
          <script src={CONSOLE_ASSETS.script.url} />
        </head>
        <body
          class={props.bodyClass}
          data-refresh-seconds={props.refreshSeconds ? String(props.refreshSeconds) : undefined}
        >
          {props.children}
        </body>
      </html>
    </>
  )
}

/** The first thing on every page: a link past the navigation to the content (`#main`). */
export function SkipLink() {
  return (
    <a class="skip-link" href="#main">
      Skip to main content
    </a>
  )
}

/** Every page says it is a rehearsal copy, so no screenshot passes for the real product. */
export function SandboxMarker() {
  return (
    <span class="sandbox-marker">
      <strong>SANDBOX</strong> <span class="detail">Rehearsal copy, not Cisco Webex</span>
    </span>
  )
}
