import type { SamlSummary } from './saml-summary'

/** Which Getting Started cards of an app's Overview are done. */
export interface GettingStarted {
  readonly usersAssigned: boolean
  readonly singleSignOnConfigured: boolean
}

/** Card 1 is done once someone is assigned; card 2 once SAML is chosen and its two required fields are saved. */
export function gettingStarted(summary: SamlSummary, assignmentCount: number): GettingStarted {
  const basic = summary.basicSamlConfiguration
  return {
    usersAssigned: assignmentCount > 0,
    singleSignOnConfigured:
      summary.preferredSingleSignOnMode === 'saml' &&
      basic.identifiers.length > 0 &&
      basic.replyUrls.length > 0,
  }
}
