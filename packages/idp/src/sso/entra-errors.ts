/**
 * The AADSTS errors the SAML endpoint produces, worded as Entra words them (reference-error-codes.md
 * and the troubleshooting articles cited in research/real-formats.md §3). Each is shown on the error
 * page ("Sorry, but we're having trouble signing you in.") and no assertion is ever sent.
 */
export type EntraErrorInput =
  | { readonly code: 'AADSTS90002'; readonly tenant: string }
  | { readonly code: 'AADSTS750054' }
  | { readonly code: 'AADSTS75005'; readonly detail: string }
  | { readonly code: 'AADSTS7500529'; readonly id: string }
  | { readonly code: 'AADSTS700016'; readonly identifier: string; readonly tenantName: string }
  | { readonly code: 'AADSTS76021' }
  | { readonly code: 'AADSTS50011'; readonly appId: string }
  | { readonly code: 'AADSTS500113' }
  | { readonly code: 'AADSTS900971' }
  | { readonly code: 'AADSTS75003'; readonly binding: string }
  | { readonly code: 'AADSTS900236'; readonly property: string }
  | { readonly code: 'AADSTS50105'; readonly appName: string; readonly appId: string; readonly upn: string }
  | { readonly code: 'AADSTS75011'; readonly have: string; readonly want: string; readonly appName: string }
  | { readonly code: 'AADSTS501241'; readonly attribute: string }
  | { readonly code: 'AADSTS7000112'; readonly appName: string; readonly appId: string }
  | { readonly code: 'AADSTS50061'; readonly detail: string }
  | { readonly code: 'AADSTS50089' }

export type EntraErrorCode = EntraErrorInput['code']

/** An error as the error page shows it. */
export interface EntraError {
  readonly code: EntraErrorCode
  readonly status: 400 | 403 | 404
  /** `AADSTSnnnnn: …`, the text after "Message:". */
  readonly message: string
  /** Sandbox-only advice for the person rehearsing (the real page has none). */
  readonly hint: string | null
}

function describe(input: EntraErrorInput): { status: EntraError['status']; text: string } {
  switch (input.code) {
    case 'AADSTS90002':
      return {
        status: 404,
        text: `Tenant '${input.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      }
    case 'AADSTS750054':
      return {
        status: 400,
        text: 'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
      }
    case 'AADSTS75005':
      return { status: 400, text: 'The request is not a valid Saml2 protocol message.' }
    case 'AADSTS7500529':
      return {
        status: 400,
        text: `The value '${input.id}' is not a valid SAML ID. The ID must not begin with a number.`,
      }
    case 'AADSTS700016':
      return {
        status: 400,
        text: `Application with identifier '${input.identifier}' was not found in the directory '${input.tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      }
    case 'AADSTS76021':
      return {
        status: 400,
        text: 'The request sent by client is not signed while the application requires signed requests.',
      }
    case 'AADSTS50011':
      return {
        status: 400,
        text: `The reply URL specified in the request does not match the reply URLs configured for the application: '${input.appId}'. Make sure the reply URL sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/urlMismatchError to learn more about how to fix this.`,
      }
    case 'AADSTS500113':
      return { status: 400, text: 'No reply address is registered for the application.' }
    case 'AADSTS900971':
      return { status: 400, text: 'No reply address provided.' }
    case 'AADSTS75003':
      return {
        status: 400,
        text: `The application requested the response over '${input.binding}'; SAML protocol responses can't be sent via bindings other than HTTP POST.`,
      }
    case 'AADSTS900236':
      return {
        status: 400,
        text: `The SAML authentication request property '${input.property}' is not supported and must not be set.`,
      }
    case 'AADSTS50105':
      return {
        status: 403,
        text: `Your administrator has configured the application ${input.appName} ('${input.appId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '${input.upn}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`,
      }
    case 'AADSTS75011':
      return {
        status: 400,
        text: `Authentication method '${input.have}' by which the user authenticated with the service doesn't match requested authentication method '${input.want}'. Contact the ${input.appName} application owner.`,
      }
    case 'AADSTS501241':
      return {
        status: 400,
        text: `Mandatory Input '${input.attribute}' missing from transformation ID 'nameidentifier'.`,
      }
    case 'AADSTS7000112':
      return { status: 403, text: `Application '${input.appId}'(${input.appName}) is disabled.` }
    case 'AADSTS50061':
      return { status: 400, text: 'Unable to complete sign out. The request was invalid.' }
    case 'AADSTS50089':
      return {
        status: 400,
        text: 'Authentication failed due to flow token expired. Please start the sign-in again.',
      }
  }
}

/** Builds an Entra error; `hint` is the sandbox's explanation of what to fix. */
export function entraError(input: EntraErrorInput, hint: string | null = null): EntraError {
  const { status, text } = describe(input)
  return { code: input.code, status, message: `${input.code}: ${text}`, hint }
}
