/** Where the Cisco Webex app's SAML settings live in Entra. */
export const ENTRA_SAML = 'Entra admin center > Enterprise applications > Cisco Webex > Single sign-on'

/** The fix for anything the imported IdP metadata no longer matches. */
export const REIMPORT =
  'Download the Federation Metadata XML from Entra again (Single sign-on > SAML Certificates) and import it in Control Hub (Authentication > Modify), then run Test SSO Connection.'

/** Where Control Hub sets up single sign-on. */
export const SET_UP_SSO =
  'Control Hub > Organization Settings > Authentication > Modify: integrate a 3rd-party identity provider (import the IdP metadata, run Test SSO Connection, enable single sign-on).'

/** The fix for a Response or assertion addressed to another URL than the ACS. */
export function setReplyUrl(acsUrl: string): string {
  return `Set the Reply URL to ${acsUrl} in ${ENTRA_SAML} > Basic SAML Configuration.`
}

/** The fix for an assertion whose clock says it is no longer (or not yet) valid. */
export const CHECK_CLOCKS = 'Check the clocks of the IdP and the SP (NTP), then sign in again.'
