import type { Child } from 'hono/jsx'
import { currentPage } from './current-page'

/** A tab's label, as wide as its bold (selected) self, so that selecting a tab moves nothing. */
function TabText(props: { readonly label: string }) {
  return (
    <span class="tab-text" data-text={props.label}>
      {props.label}
    </span>
  )
}

/** A tab that is its own URL (Overview | Monitoring | Properties of a user). */
export interface LinkTab {
  readonly label: string
  readonly href: string
}

/** Page tabs: their name, the tabs, and the page being shown. */
export interface LinkTabsProps {
  readonly label: string
  readonly tabs: readonly LinkTab[]
  readonly currentHref: string
}

/**
 * Tabs that are pages: links, the current one `aria-current="page"`. Use these when each tab
 * has its own URL and nothing typed must survive the switch.
 */
export function LinkTabs(props: LinkTabsProps) {
  return (
    <nav class="tabs" aria-label={props.label}>
      {props.tabs.map((tab) => (
        <a class="tab" href={tab.href} aria-current={currentPage(tab.href, props.currentHref)}>
          <TabText label={tab.label} />
        </a>
      ))}
    </nav>
  )
}

/** A tab of a multi-step form (Basics | Properties | Assignments | Review + create). */
export interface FormTab {
  readonly id: string
  readonly label: string
}

function tabId(tabsId: string, id: string): string {
  return `${tabsId}-tab-${id}`
}
function panelId(tabsId: string, id: string): string {
  return `${tabsId}-panel-${id}`
}

/**
 * Tabs inside one form, so that values typed on one tab survive a switch: a real `tablist`.
 * With the console script a tab shows its panel in place (arrow keys move between tabs). Without
 * it each tab is a submit button sending `name=<tab id>` with `formnovalidate`: the route answers
 * that POST by drawing the same form again on that tab, with the values it received (the hidden
 * panels' fields are submitted too), and saves nothing.
 */
export function FormTabs(props: {
  readonly id: string
  readonly name: string
  readonly label: string
  readonly tabs: readonly FormTab[]
  readonly selected: string
}) {
  return (
    <div class="tabs" role="tablist" aria-label={props.label} data-form-tabs>
      {props.tabs.map((tab) => (
        <button
          type="submit"
          class="tab"
          role="tab"
          id={tabId(props.id, tab.id)}
          name={props.name}
          value={tab.id}
          formnovalidate
          aria-selected={tab.id === props.selected ? 'true' : 'false'}
          aria-controls={panelId(props.id, tab.id)}
        >
          <TabText label={tab.label} />
        </button>
      ))}
    </div>
  )
}

/** The panel of one form tab; hidden unless selected, its fields still submitted. */
export function TabPanel(props: {
  readonly tabsId: string
  readonly id: string
  readonly selected: boolean
  readonly children: Child
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(props.tabsId, props.id)}
      aria-labelledby={tabId(props.tabsId, props.id)}
      hidden={!props.selected}
    >
      {props.children}
    </div>
  )
}
