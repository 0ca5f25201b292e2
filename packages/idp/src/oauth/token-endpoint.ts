import {
  type DocumentStore,
  err,
  isoInstant,
  ok,
  type Result,
  type Runtime,
  secretMatches,
} from '@sandbox/shared'
import type { CredentialCheck } from '../sessions/credential-check'
import type { IdpState } from '../state/idp-state'
import { isThisTenant } from '../state/tenant-path'
import type { AccessTokens } from './access-tokens'

/** The form fields of `POST /{tenant}/oauth2/v2.0/token`. */
export interface TokenRequest {
  readonly grant_type?: string | undefined
  readonly client_id?: string | undefined
  readonly client_secret?: string | undefined
  readonly scope?: string | undefined
  readonly username?: string | undefined
  readonly password?: string | undefined
}

/** A successful token response (what MSAL and scripts read). */
export interface TokenResponse {
  readonly token_type: 'Bearer'
  readonly expires_in: number
  readonly ext_expires_in: number
  readonly access_token: string
}

/** Entra's OAuth error body (v2 endpoint). */
export interface OAuthError {
  readonly status: 400 | 401
  readonly body: {
    readonly error: string
    readonly error_description: string
    readonly error_codes: readonly number[]
    readonly timestamp: string
    readonly trace_id: string
    readonly correlation_id: string
    readonly error_uri: string
  }
}

/** Public clients scripts sign in with (Azure CLI, Microsoft Graph PowerShell): no secret. */
export const PUBLIC_CLIENTS: readonly string[] = [
  '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  '14d82eec-204b-4c2f-b7e8-296a70dab67e',
]

const GRAPH_SCOPE = /^(https:\/\/graph\.microsoft\.com\/|00000003-0000-0000-c000-000000000000\/)?[\w.]+$/i

/**
 * The token endpoint, enough for scripts written against Entra to reach the Graph-shaped API
 * with only a base URL change: `client_credentials` for the sandbox automation app and
 * `password` (ROPC) for directory users; errors in Entra's OAuth shape with AADSTS codes.
 */
export function createTokenEndpoint(deps: {
  store: DocumentStore<IdpState>
  runtime: Runtime
  credentials: CredentialCheck
  tokens: AccessTokens
}) {
  const { runtime } = deps

  function fail(status: 400 | 401, error: string, code: number, text: string): Result<never, OAuthError> {
    const traceId = runtime.ids.guid()
    const correlationId = runtime.ids.guid()
    const now = isoInstant(runtime.clock.now())
    return err({
      status,
      body: {
        error,
        error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${now.slice(0, 19).replace('T', ' ')}Z`,
        error_codes: [code],
        timestamp: `${now.slice(0, 19).replace('T', ' ')}Z`,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `https://login.microsoftonline.com/error?code=${code}`,
      },
    })
  }

  function missing(name: string): Result<never, OAuthError> {
    return fail(
      400,
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    )
  }

  function tokenFor(principal: Parameters<AccessTokens['mint']>[0]): Result<TokenResponse, OAuthError> {
    const minted = deps.tokens.mint(principal)
    return ok({
      token_type: 'Bearer',
      expires_in: minted.expiresIn,
      ext_expires_in: minted.expiresIn,
      access_token: minted.token,
    })
  }

  return {
    async token(
      tenant: string,
      request: TokenRequest,
      ip: string,
    ): Promise<Result<TokenResponse, OAuthError>> {
      const state = deps.store.read()
      if (!isThisTenant(state, tenant)) {
        return fail(
          400,
          'invalid_request',
          90002,
          `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`,
        )
      }
      if (!request.grant_type) return missing('grant_type')
      if (!request.client_id) return missing('client_id')
      if (!request.scope) return missing('scope')
      const scopes = request.scope
        .split(/\s+/)
        .filter((s) => s.length > 0 && !['openid', 'profile', 'offline_access', 'email'].includes(s))
      if (scopes.length === 0 || !scopes.every((s) => GRAPH_SCOPE.test(s))) {
        return fail(
          400,
          'invalid_scope',
          70011,
          `The provided value for the input parameter 'scope' is not valid. The scope ${request.scope} is not valid.`,
        )
      }
      const automation = state.automationClient
      const isAutomation = request.client_id.toLowerCase() === automation.appId.toLowerCase()
      if (!isAutomation && !PUBLIC_CLIENTS.includes(request.client_id.toLowerCase())) {
        return fail(
          400,
          'unauthorized_client',
          700016,
          `Application with identifier '${request.client_id}' was not found in the directory '${state.tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        )
      }
      if (
        isAutomation &&
        (!request.client_secret || !secretMatches(request.client_secret, automation.clientSecret))
      ) {
        return fail(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${automation.appId}'.`,
        )
      }
      if (request.grant_type === 'client_credentials') {
        if (!isAutomation)
          return fail(
            400,
            'invalid_client',
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
          )
        if (!scopes.every((s) => s.endsWith('/.default'))) {
          return fail(
            400,
            'invalid_scope',
            1002012,
            `The provided value for scope ${request.scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
          )
        }
        return tokenFor({ kind: 'application', appId: automation.appId })
      }
      if (request.grant_type === 'password') {
        if (!request.username) return missing('username')
        if (!request.password) return missing('password')
        const user = await deps.credentials.check(request.username, request.password, ip)
        if (!user.ok) {
          if (user.error.code === 'LOCKED')
            return fail(
              400,
              'invalid_grant',
              50053,
              "Your account is locked because you've tried to sign in too many times with an incorrect user ID or password.",
            )
          if (user.error.code === 'ACCOUNT_DISABLED')
            return fail(400, 'invalid_grant', 50057, 'The user account is disabled.')
          return fail(
            400,
            'invalid_grant',
            50126,
            'Error validating credentials due to invalid username or password.',
          )
        }
        return tokenFor({ kind: 'user', userId: user.value.id })
      }
      return fail(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${request.grant_type}'.`,
      )
    },
  }
}
