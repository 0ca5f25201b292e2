import type { Child } from 'hono/jsx'
import { ConsoleDocument, SkipLink, webexTabTitle } from './document'
import { WebexHeaderLead } from './webex-app'

/**
 * A Webex end-user page that is not the app itself (the Test SSO result tab, a refused sign-in,
 * "You signed out"): the wordmark, the SANDBOX marker and one centred column. No Control Hub chrome.
 */
export function WebexPageFrame(props: { pageTitle: string; orgName?: string; children: Child }) {
  return (
    <ConsoleDocument tabTitle={webexTabTitle(props.pageTitle)}>
      <SkipLink />
      <header class="wx-header">
        <WebexHeaderLead orgName={props.orgName} />
      </header>
      <main id="main" class="wx-content centred" tabindex={-1}>
        {props.children}
      </main>
    </ConsoleDocument>
  )
}
