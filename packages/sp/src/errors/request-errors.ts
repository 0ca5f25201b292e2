import { entry } from './error-entry'

/**
 * Refusals of a request before any service sees it: the Control Hub API's bearer token and
 * bodies, the browser endpoints' forms, and URLs naming another organization.
 */
export const REQUEST_ERRORS = {
  UNAUTHORIZED: entry({
    meaning: "The Control Hub API needs the org's admin API token as a bearer token.",
    message: (f: { token: 'missing' | 'wrong' }) =>
      f.token === 'wrong'
        ? "The bearer token is not this org's admin API token."
        : 'The admin API needs Authorization: Bearer <token>.',
    fix: 'Use the admin API token printed when the sandbox started (RunningSp.adminApiToken); tokens in the query string are ignored.',
    status: 401,
  }),
  INVALID_JSON: entry({
    meaning: 'The body is not JSON.',
    message: (f: { detail: string }) => `The body is not valid JSON: ${f.detail}`,
    fix: 'Send a JSON object with Content-Type: application/json.',
    status: 400,
  }),
  INVALID_BODY: entry({
    meaning: 'The body (or a parameter standing for it) does not have the fields this call takes.',
    message: (f: { problems: string } | { trustModes: readonly string[] }) =>
      'problems' in f ? f.problems : `trustMode must be one of ${f.trustModes.join(', ')}.`,
    fix: (f) =>
      'problems' in f
        ? 'See packages/sp/API.md for the fields this call takes.'
        : 'Add ?trustMode=ca-signed or self-signed-allowed.',
    status: 400,
  }),
  INVALID_QUERY: entry({
    meaning: 'A query parameter is out of range.',
    message: (f: { list: 'users' | 'scim-activity' }) =>
      f.list === 'scim-activity'
        ? 'result must be success or failure, and limit a whole number from 1 to 500.'
        : 'offset must be a whole number ≥ 0 and limit a whole number ≥ 1.',
    fix: (f) =>
      f.list === 'scim-activity'
        ? 'e.g. /api/v1/scim/activity?result=failure&limit=50'
        : 'e.g. /api/v1/users?search=simon&offset=0&limit=50',
    status: 400,
  }),
  BODY_TOO_LARGE: entry({
    meaning: 'The body is larger than the endpoint reads.',
    message: (f: { what: 'api' | 'response' | 'logout' }) =>
      ({
        api: 'The body is larger than 1 MB.',
        response: 'The SAML Response is larger than 512 KB; Webex refuses it.',
        logout: 'The logout message is larger than 512 KB.',
      })[f.what],
    fix: (f) =>
      f.what === 'api'
        ? 'Send a smaller body.'
        : 'Real SAML messages are under 20 KB: post the message itself.',
    status: 413,
  }),
  NOT_A_FORM_POST: entry({
    meaning: 'A SAML binding endpoint was posted something other than an HTML form.',
    message: (f: { endpoint: 'ACS' | 'SLO endpoint' }) =>
      `The ${f.endpoint} expects an HTML form post (application/x-www-form-urlencoded).`,
    fix: 'Post the SAML message as the HTTP-POST binding does: an HTML form with the message base64-encoded.',
    status: 400,
  }),
  ORG_NOT_FOUND: entry({
    meaning: 'The URL names another organization than this one.',
    message: 'Unknown organization.',
    fix: 'Use the URLs of this org (GET /api/v1/org lists them).',
    status: 404,
  }),
  NO_SESSION: entry({
    meaning: 'The browser has no Webex session.',
    message: 'This browser has no Webex session.',
    fix: 'Sign in first.',
    status: 401,
  }),
  TEST_LINK_EXPIRED: entry({
    meaning: 'A Test SSO Connection link opens once, within 10 minutes.',
    message: 'This Test SSO Connection link was used or has expired.',
    fix: 'Start the test again from Control Hub.',
    status: 410,
  }),
}
