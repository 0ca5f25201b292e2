// oauth/: the token endpoint and the bearer tokens of the Graph-shaped and sandbox APIs.
import { type DocumentStore, err, ok, type Result, type Runtime, secretMatches } from '@sandbox/shared'
import type { AadstsError } from '../errors/catalogue'
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

/** The codes the token endpoint answers with: those the catalogue gives an OAuth shape. */
export type TokenErrorCode =
  | 'AADSTS90002'
  | 'AADSTS700016'
  | 'AADSTS900144'
  | 'AADSTS70011'
  | 'AADSTS7000215'
  | 'AADSTS7000218'
  | 'AADSTS1002012'
  | 'AADSTS70003'
  | 'AADSTS50053'
  | 'AADSTS50057'
  | 'AADSTS50126'

/** A refused token request: the code and its facts, and the ids Entra's error body reports. */
export interface TokenFailure {
  readonly error: AadstsError<TokenErrorCode>
  readonly traceId: string
  readonly correlationId: string
  /** When it was refused (ms since the epoch). */
  readonly at: number
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

  function fail(error: AadstsError<TokenErrorCode>): Result<never, TokenFailure> {
    return err({
      error,
      traceId: runtime.ids.guid(),
      correlationId: runtime.ids.guid(),
      at: runtime.clock.now(),
    })
  }

  function missing(parameter: string): Result<never, TokenFailure> {
    return fail({ code: 'AADSTS900144', parameter })
  }

  function tokenFor(principal: Parameters<AccessTokens['mint']>[0]): Result<TokenResponse, TokenFailure> {
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
    ): Promise<Result<TokenResponse, TokenFailure>> {
      const state = deps.store.read()
      if (!isThisTenant(state, tenant)) return fail({ code: 'AADSTS90002', tenant })
      if (!request.grant_type) return missing('grant_type')
      if (!request.client_id) return missing('client_id')
      if (!request.scope) return missing('scope')
      const scopes = request.scope
        .split(/\s+/)
        .filter((s) => s.length > 0 && !['openid', 'profile', 'offline_access', 'email'].includes(s))
      if (scopes.length === 0 || !scopes.every((s) => GRAPH_SCOPE.test(s))) {
        return fail({ code: 'AADSTS70011', scope: request.scope })
      }
      const automation = state.automationClient
      const isAutomation = request.client_id.toLowerCase() === automation.appId.toLowerCase()
      if (!isAutomation && !PUBLIC_CLIENTS.includes(request.client_id.toLowerCase())) {
        return fail({
          code: 'AADSTS700016',
          identifier: request.client_id,
          tenantName: state.tenant.displayName,
          lookup: { by: 'id' },
        })
      }
      if (
        isAutomation &&
        (!request.client_secret || !secretMatches(request.client_secret, automation.clientSecret))
      ) {
        return fail({ code: 'AADSTS7000215', appId: automation.appId })
      }
      if (request.grant_type === 'client_credentials') {
        if (!isAutomation) return fail({ code: 'AADSTS7000218' })
        if (!scopes.every((s) => s.endsWith('/.default'))) {
          return fail({ code: 'AADSTS1002012', scope: request.scope })
        }
        return tokenFor({ kind: 'application', appId: automation.appId })
      }
      if (request.grant_type === 'password') {
        if (!request.username) return missing('username')
        if (!request.password) return missing('password')
        const user = await deps.credentials.check(request.username, request.password, ip)
        if (!user.ok) return fail({ code: user.error.code })
        return tokenFor({ kind: 'user', userId: user.value.id })
      }
      return fail({ code: 'AADSTS70003', grantType: request.grant_type })
    },
  }
}
