import { STATUS } from '@sandbox/shared'
import type { AadstsEntry, NoFacts } from './aadsts-entry'

const NOT_FOUND_IN_DIRECTORY =
  'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.'

/** Why an application was looked up and not found, which decides the advice (AADSTS700016). */
export type AppLookup =
  /** The Issuer of an AuthnRequest or LogoutRequest matched no Identifier. */
  | { readonly by: 'issuer'; readonly message: 'AuthnRequest' | 'LogoutRequest' }
  /** "Test this application" or a My Apps tile of an app that does not use SAML yet. */
  | { readonly by: 'launch'; readonly appName: string }
  /** IdP-initiated sign-in of an app without an Identifier. */
  | { readonly by: 'launch-without-identifier' }
  /** Anything else: a client id, an app id in a metadata URL, an app deleted mid-sign-in. */
  | { readonly by: 'id' }

/** The facts each sign-in (SAML endpoint, sign-in page, My Apps) error is worded from. */
export interface SignInFacts {
  readonly AADSTS90002: { readonly tenant: string }
  readonly AADSTS750054: NoFacts
  /** `problem`: what exactly is unreadable (the sandbox's hint). */
  readonly AADSTS75005: { readonly problem: string }
  readonly AADSTS7500529: { readonly id: string }
  readonly AADSTS700016: {
    readonly identifier: string
    readonly tenantName: string
    readonly lookup: AppLookup
  }
  readonly AADSTS76021: { readonly during: 'sp-initiated' | 'idp-initiated' }
  readonly AADSTS50011: {
    readonly appId: string
    readonly requested: { readonly url: string } | { readonly index: number }
    readonly replyUrls: readonly string[]
  }
  readonly AADSTS500113: NoFacts
  readonly AADSTS900971: { readonly replyUrlCount: number }
  readonly AADSTS75003: { readonly binding: string }
  readonly AADSTS900236: { readonly property: string }
  readonly AADSTS50105: { readonly appName: string; readonly appId: string; readonly upn: string }
  readonly AADSTS75011: { readonly have: string; readonly want: string; readonly appName: string }
  readonly AADSTS501241: { readonly attribute: string; readonly upn: string }
  readonly AADSTS7000112: { readonly appName: string; readonly appId: string }
  readonly AADSTS50089: NoFacts
  readonly AADSTS50140: NoFacts
  readonly AADSTS50000: NoFacts
  /** `directory`: the tenant's name as Entra's message quotes it. */
  readonly AADSTS50034: { readonly directory: string }
  readonly AADSTS50058: NoFacts
  readonly AADSTS75006: NoFacts
  readonly AADSTS75016: { readonly format: string }
}

/**
 * The sign-in errors, worded as Entra words them (its error-code reference and troubleshooting
 * articles). Each is shown on the error page ("Sorry, but we're having trouble signing you in.")
 * with `page` as its status, or sent back as a SAML error Response (`samlStatus`); no assertion
 * is ever sent.
 */
export const SIGN_IN_CODES: { readonly [C in keyof SignInFacts]: AadstsEntry<SignInFacts[C]> } = {
  AADSTS90002: {
    meaning: 'The tenant in the URL does not exist (InvalidTenantName).',
    text: (f) =>
      `Tenant '${f.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    fix: () => null,
    page: 404,
    oauth: { error: 'invalid_request', status: 400 },
  },
  AADSTS750054: {
    meaning: 'The request carries no SAMLRequest or SAMLResponse.',
    text: () =>
      'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
    fix: () => null,
    page: 400,
  },
  AADSTS75005: {
    meaning: 'The message is not a SAML 2.0 protocol message the endpoint can read.',
    text: () => 'The request is not a valid Saml2 protocol message.',
    fix: (f) => f.problem,
    page: 400,
  },
  AADSTS7500529: {
    meaning: 'The request ID is not an xs:ID (it must not begin with a digit).',
    text: (f) => `The value '${f.id}' is not a valid SAML ID. The ID must not begin with a number.`,
    fix: () => null,
    page: 400,
  },
  AADSTS700016: {
    meaning: 'No application in the tenant has this identifier.',
    text: (f) =>
      `Application with identifier '${f.identifier}' was not found in the directory '${f.tenantName}'. ${NOT_FOUND_IN_DIRECTORY}`,
    fix: ({ lookup }) => {
      if (lookup.by === 'issuer')
        return `The Issuer of the ${lookup.message} must equal one of the Identifiers (Entity ID) in Basic SAML Configuration, exactly (a trailing slash counts).`
      if (lookup.by === 'launch')
        return `${lookup.appName} does not use SAML single sign-on yet: select SAML as its sign-on method.`
      if (lookup.by === 'launch-without-identifier')
        return 'Set an Identifier (Entity ID) in Basic SAML Configuration.'
      return null
    },
    page: 400,
    oauth: { error: 'unauthorized_client', status: 400 },
  },
  AADSTS76021: {
    meaning: 'The app requires signed requests (ApplicationRequiresSignedRequests).',
    text: () => 'The request sent by client is not signed while the application requires signed requests.',
    fix: (f) =>
      f.during === 'idp-initiated'
        ? 'This app requires signed requests, which disables IdP-initiated sign-in ("Test this application" and My Apps); set a Sign-on URL so that the app starts the sign-in.'
        : null,
    page: 400,
  },
  AADSTS50011: {
    meaning: 'The reply URL of the request is not one of the app’s Reply URLs.',
    text: (f) =>
      `The reply URL specified in the request does not match the reply URLs configured for the application: '${f.appId}'. Make sure the reply URL sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/urlMismatchError to learn more about how to fix this.`,
    fix: (f) =>
      'url' in f.requested
        ? `The request asked for '${f.requested.url}'; the app's Reply URLs are: ${f.replyUrls.join(', ')}. The match is exact (scheme, host, port, path, trailing slash).`
        : `The request asked for AssertionConsumerServiceIndex ${f.requested.index}, which no Reply URL of the app has.`,
    page: 400,
  },
  AADSTS500113: {
    meaning: 'The app has no Reply URL.',
    text: () => 'No reply address is registered for the application.',
    fix: () => 'Add a Reply URL in Basic SAML Configuration.',
    page: 400,
  },
  AADSTS900971: {
    meaning: 'IdP-initiated sign-in cannot choose among several Reply URLs with none marked Default.',
    text: () => 'No reply address provided.',
    fix: (f) =>
      `The app has ${f.replyUrlCount} Reply URLs and none is marked Default; IdP-initiated sign-in needs a default one.`,
    page: 400,
  },
  AADSTS75003: {
    meaning: 'The request asks for the Response over a binding other than HTTP-POST.',
    text: (f) =>
      `The application requested the response over '${f.binding}'; SAML protocol responses can't be sent via bindings other than HTTP POST.`,
    fix: () => null,
    page: 400,
  },
  AADSTS900236: {
    meaning: 'The request sets a property Entra does not support.',
    text: (f) =>
      `The SAML authentication request property '${f.property}' is not supported and must not be set.`,
    fix: () => null,
    page: 400,
  },
  AADSTS50105: {
    meaning: 'Assignment is required and the user is not assigned to the app.',
    text: (f) =>
      `Your administrator has configured the application ${f.appName} ('${f.appId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '${f.upn}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`,
    fix: (f) =>
      `Assign ${f.upn} (or a group it is a direct member of) to ${f.appName} under Users and groups, or set "Assignment required?" to No.`,
    page: 403,
  },
  AADSTS75011: {
    meaning: 'The sign-in method does not meet the RequestedAuthnContext.',
    text: (f) =>
      `Authentication method '${f.have}' by which the user authenticated with the service doesn't match requested authentication method '${f.want}'. Contact the ${f.appName} application owner.`,
    fix: () =>
      'The sandbox signs users in with a password only: remove RequestedAuthnContext from the AuthnRequest, or request the Password / PasswordProtectedTransport class.',
    page: 400,
  },
  AADSTS501241: {
    meaning: 'The user has no value for the source of the Name ID.',
    text: (f) => `Mandatory Input '${f.attribute}' missing from transformation ID 'nameidentifier'.`,
    fix: (f) =>
      `${f.upn} has no value for ${f.attribute}, the source of the Unique User Identifier (Name ID).`,
    page: 400,
  },
  AADSTS7000112: {
    meaning: 'The app is disabled ("Enabled for users to sign-in?" is No).',
    text: (f) => `Application '${f.appId}'(${f.appName}) is disabled.`,
    fix: () => null,
    page: 403,
  },
  AADSTS50089: {
    meaning: 'The sign-in page expired or was already used.',
    text: () => 'Authentication failed due to flow token expired. Please start the sign-in again.',
    fix: () =>
      'The sign-in page was open too long or was already used; start the sign-in again from the app.',
    page: 400,
  },
  AADSTS50140: {
    meaning:
      'Entra asked "Stay signed in?" (KmsiInterrupt): an expected step of the sign-in, logged as interrupted, not an error.',
    text: () => "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.",
    fix: () => null,
    interrupt: true,
  },
  AADSTS50000: {
    meaning:
      'Entra failed to issue the token (TokenIssuanceError); the sign-in service itself had a problem.',
    text: () => 'There was an error issuing a token or an issue with our sign-in service.',
    fix: () => 'Nothing to change in the app: sign in again later.',
    page: 400,
  },
  AADSTS50034: {
    meaning: 'The account typed on the sign-in page does not exist in this tenant (UserAccountNotFound).',
    // Entra hides the typed address in the message itself: the log's user column has it.
    text: (f) =>
      `The user account {EmailHidden} does not exist in the '${f.directory}' directory. To sign into this application, the account must be added to the directory.`,
    fix: () =>
      'Check the spelling of the account, or create the user in Identity > Users > All users > New user.',
    page: 400,
  },
  AADSTS50058: {
    meaning: 'A passive (IsPassive) request found no signed-in user.',
    text: () => 'A silent sign-in request was sent but no user is signed in.',
    fix: () => null,
    samlStatus: { top: STATUS.requester, second: STATUS.noPassive },
  },
  AADSTS75006: {
    meaning: 'The SAML2 authentication request could not be processed (the outer error of AADSTS75016).',
    text: () => 'An error occurred while processing a SAML2 Authentication request.',
    fix: () => null,
  },
  AADSTS75016: {
    meaning:
      'The NameIDPolicy asks for a Format Entra does not issue (Saml2AuthenticationRequestInvalidNameIDPolicy).',
    text: (f) =>
      `SAML2 Authentication Request has invalid NameIdPolicy: the Format '${f.format}' is not supported.`,
    fix: () => null,
    within: 'AADSTS75006',
    samlStatus: { top: STATUS.requester, second: STATUS.invalidNameIdPolicy },
  },
}
