import { entry } from './error-entry'
import { REIMPORT } from './fixes'

/** The SLO endpoint's refusals of a LogoutRequest or LogoutResponse from the IdP. */
export const LOGOUT_ERRORS = {
  SLO_MALFORMED_MESSAGE: entry({
    meaning: 'The logout message is not a readable LogoutRequest or LogoutResponse.',
    message: (
      f:
        | { problem: 'binding' | 'xml'; detail: string }
        | { problem: 'not-one-message' }
        | { problem: 'unexpected-element'; expected: string; element: string },
    ) => {
      switch (f.problem) {
        case 'binding':
        case 'xml':
          return f.detail
        case 'not-one-message':
          return 'Post exactly one of SAMLRequest or SAMLResponse.'
        case 'unexpected-element':
          return `Expected a ${f.expected}, got <${f.element}>.`
      }
    },
    fix: 'Send one SAML 2.0 LogoutRequest or LogoutResponse, as the IdP does on sign-out.',
    status: 400,
  }),
  SLO_NOT_ENABLED: entry({
    meaning: 'Single sign-on is not enabled, so no IdP can log the browser out.',
    message: 'Single sign-on is not enabled, so there is no IdP to log out from.',
    fix: 'Enable single sign-on first (Control Hub > Authentication).',
    status: 400,
  }),
  SLO_UNSIGNED: entry({
    meaning: 'The logout message is not signed.',
    message: 'The logout message is not signed; Webex accepts only signed logout messages from the IdP.',
    fix: 'Have the IdP sign its logout messages (Entra signs them).',
    status: 400,
  }),
  SLO_INVALID_SIGNATURE: entry({
    meaning: 'The logout message is not signed by a certificate of the active IdP configuration.',
    message: (f: { detail: string }) => `The logout message's signature was refused: ${f.detail}`,
    fix: REIMPORT,
    status: 400,
  }),
  SLO_UNTRUSTED_ISSUER: entry({
    meaning: 'The logout message comes from another issuer than the configured IdP.',
    message: 'The logout message does not come from the configured IdP.',
    fix: REIMPORT,
    status: 400,
  }),
  SLO_UNKNOWN_REQUEST: entry({
    meaning: 'The LogoutResponse answers no logout Webex started.',
    message:
      'This LogoutResponse answers no logout Webex started (unknown, expired or already used InResponseTo).',
    fix: 'Sign out from Webex again; a LogoutResponse answers one LogoutRequest, once, within 10 minutes.',
    status: 400,
  }),
  SLO_NAMEID_MISSING: entry({
    meaning: 'The LogoutRequest does not say whom to log out.',
    message: 'The LogoutRequest has no NameID.',
    fix: 'The IdP must name the user (NameID) in its LogoutRequest.',
    status: 400,
  }),
}
