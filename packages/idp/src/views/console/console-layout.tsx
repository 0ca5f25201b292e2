// views/console/: the admin center's component library (Entra's look, server-rendered, works without JavaScript).
/**
 * The Entra admin center's page frame, and the contract between these views and the routes.
 *
 * Views are pure: props in, JSX out, never async, no data fetching. The route layer owes them:
 *
 * - Panes and dialogs are addressed by URL. A page that can show one answers `GET page?pane=<id>`
 *   (plus the pane's own parameters) with the whole page and the open `<Pane>` or
 *   `<ConfirmDialog>` as `overlay`; the page behind becomes `inert`. Links that open one are
 *   `<PaneLink>` (or a command with `opensPane`), which carry `data-pane-link`: with the console
 *   script the same URL is fetched and its `#console-overlay` swapped in without a reload (the
 *   request carries `X-Console-Request: overlay`, which a route may ignore). Closing is a link to
 *   the page without `pane` (`closeHref`); Escape does the same with the script.
 * - Forms post; a success answers 303 to a GET URL with no `pane`, and the toast travels as a
 *   flash cookie (`sealFlash` / `openFlash` in sessions/console-flash.ts), opened and cleared by
 *   the next GET and passed here as `toasts`. A validation failure answers 422 with the same page,
 *   the pane still open and each field's `error`.
 * - Every state-changing form receives its CSRF token as a hidden field (`HiddenField[]` props).
 * - Navigation lists only pages that exist.
 */
import type { Child } from 'hono/jsx'
import { DocumentHead } from './document-head'
import { LeftNav, type NavEntry } from './left-nav'
import { ActiveExerciseSummary } from './pages/training/active-exercise-summary'
import { type ToastData, ToastRegion } from './toast'
import { type ConsoleAccount, TopBar } from './top-bar'
import { type TrainingFrame, TrainingPanel } from './training-panel'

/** What every console page gives its frame. */
export interface ConsoleLayoutProps {
  /** The page's name for the browser tab, e.g. "Enterprise applications | All applications". */
  readonly title: string
  readonly tenantName: string
  readonly account?: ConsoleAccount
  readonly nav: readonly NavEntry[]
  /** The nav entry to highlight (`aria-current="page"`). */
  readonly currentHref: string
  readonly toasts?: readonly ToastData[]
  /** Training mode's switch, and its progress panel while it is on. */
  readonly training?: TrainingFrame
  /** An open `<Pane>` or `<ConfirmDialog>`, drawn over the page, which becomes inert. */
  readonly overlay?: Child
  readonly children: Child
}

/** What a console route gives every page besides its title, overlay and content (`consolePage(c).frame`). */
export type ConsoleFrame = Omit<ConsoleLayoutProps, 'title' | 'overlay' | 'children'>

/** The whole document: skip link, top bar, left navigation, main region, toasts, overlay host. */
export function ConsoleLayout(props: ConsoleLayoutProps) {
  const hasOverlay = props.overlay !== undefined && props.overlay !== null
  return (
    <html lang="en">
      <DocumentHead title={`${props.title} - Microsoft Entra admin center (sandbox)`} withScript />
      <body>
        <div id="console-shell" class="console-shell" inert={hasOverlay}>
          <a class="skip-link" href="#console-main">
            Skip to main content
          </a>
          <TopBar tenantName={props.tenantName} account={props.account} training={props.training} />
          <div class="console-body">
            <LeftNav entries={props.nav} currentHref={props.currentHref} />
            <main id="console-main" class="console-main" tabindex={-1}>
              {props.children}
            </main>
            {props.training?.panel ? (
              <TrainingPanel training={props.training} model={props.training.panel}>
                {props.training.activeExercise ? (
                  <ActiveExerciseSummary
                    active={props.training.activeExercise}
                    csrf={props.training.fields}
                    actions={false}
                  />
                ) : null}
              </TrainingPanel>
            ) : null}
          </div>
        </div>
        <ToastRegion toasts={props.toasts ?? []} />
        <div id="console-overlay">{hasOverlay ? props.overlay : null}</div>
      </body>
    </html>
  )
}
