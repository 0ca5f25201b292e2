import type { Child } from 'hono/jsx'
import { ConsoleDocument, webexTabTitle } from './document'
import { OrgName, Wordmark } from './webex-app'

/**
 * A Webex end-user page that is not the app itself (the Test SSO result tab, a refused sign-in,
 * "You signed out"): the wordmark, the SANDBOX marker and one centred column. No Control Hub chrome.
 */
export function WebexPageFrame(props: { pageTitle: string; orgName?: string; children: Child }) {
  return (
    <ConsoleDocument tabTitle={webexTabTitle(props.pageTitle)}>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="wx-header">
        <Wordmark />
        <span class="sandbox-marker">
          <strong>SANDBOX</strong> <span class="detail">Rehearsal copy, not Cisco Webex</span>
        </span>
        <span class="spacer" />
        {props.orgName ? <OrgName name={props.orgName} /> : null}
      </header>
      <main id="main" class="wx-content centred" tabindex={-1}>
        {props.children}
      </main>
    </ConsoleDocument>
  )
}
