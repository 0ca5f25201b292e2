import type { AadstsEntry, NoFacts } from './aadsts-entry'

/** The facts each token endpoint (and password check) error is worded from. */
export interface TokenFacts {
  readonly AADSTS900144: { readonly parameter: string }
  readonly AADSTS70011: { readonly scope: string }
  readonly AADSTS7000215: { readonly appId: string }
  readonly AADSTS7000218: NoFacts
  readonly AADSTS1002012: { readonly scope: string }
  readonly AADSTS70003: { readonly grantType: string }
  readonly AADSTS900561: NoFacts
  readonly AADSTS50053: NoFacts
  readonly AADSTS50057: NoFacts
  readonly AADSTS50126: NoFacts
}

/**
 * The token endpoint's errors (`POST /{tenant}/oauth2/v2.0/token`), in Entra's OAuth shape, and
 * the password check's three refusals, which the sign-in log records under the same codes.
 */
export const TOKEN_CODES: { readonly [C in keyof TokenFacts]: AadstsEntry<TokenFacts[C]> } = {
  AADSTS900144: {
    meaning: 'A required form parameter is missing.',
    text: (f) => `The request body must contain the following parameter: '${f.parameter}'.`,
    fix: () => null,
    oauth: { error: 'invalid_request', status: 400 },
  },
  AADSTS70011: {
    meaning: 'The scope is not a Microsoft Graph scope.',
    text: (f) =>
      `The provided value for the input parameter 'scope' is not valid. The scope ${f.scope} is not valid.`,
    fix: () => null,
    oauth: { error: 'invalid_scope', status: 400 },
  },
  AADSTS7000215: {
    meaning: 'The client secret is wrong.',
    text: (f) =>
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${f.appId}'.`,
    fix: () => null,
    oauth: { error: 'invalid_client', status: 401 },
  },
  AADSTS7000218: {
    meaning: 'client_credentials needs a confidential client (a client secret).',
    text: () =>
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    fix: () => null,
    oauth: { error: 'invalid_client', status: 400 },
  },
  AADSTS1002012: {
    meaning: 'client_credentials needs a `/.default` scope.',
    text: (f) =>
      `The provided value for scope ${f.scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    fix: () => null,
    oauth: { error: 'invalid_scope', status: 400 },
  },
  AADSTS70003: {
    meaning: 'The grant type is not one the endpoint supports.',
    text: (f) => `The app requested an unsupported grant type '${f.grantType}'.`,
    fix: () => null,
    oauth: { error: 'unsupported_grant_type', status: 400 },
  },
  AADSTS900561: {
    meaning: 'The token endpoint takes POST only.',
    text: () => 'The endpoint only accepts POST requests. Received a GET request.',
    fix: () => null,
    oauth: { error: 'invalid_request', status: 405 },
  },
  AADSTS50053: {
    meaning: 'Too many wrong passwords: the account is locked for a while (IdsLocked).',
    text: () =>
      "Your account is locked because you've tried to sign in too many times with an incorrect user ID or password.",
    fix: () => null,
    oauth: { error: 'invalid_grant', status: 400 },
  },
  AADSTS50057: {
    meaning: 'The user account is disabled.',
    text: () => 'The user account is disabled.',
    fix: () => null,
    oauth: { error: 'invalid_grant', status: 400 },
  },
  AADSTS50126: {
    meaning: 'Unknown account or wrong password (one answer for both).',
    text: () => 'Error validating credentials due to invalid username or password.',
    fix: () => null,
    oauth: { error: 'invalid_grant', status: 400 },
  },
}
