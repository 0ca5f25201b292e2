import type { IdpClient } from './clients/idp-client'

/** Attribute shapes a test user can take, to exercise an SP's handling of real directories. */
export type UserPersona = 'standard' | 'no-mail' | 'long-names' | 'unicode'

/** What {@link createEntraUser} creates. */
export interface CreateUserRequest {
  /** e.g. `alice@contoso.com`; the part before `@` becomes the mail nickname. */
  readonly userPrincipalName: string
  /** A password of your own; one is generated (and returned) when absent. */
  readonly password?: string
  /** `standard` (the default): mail = UPN; `no-mail`: no mail attribute; `long-names`: 64-character names; `unicode`: accented and non-Latin names. */
  readonly persona?: UserPersona
  /** Graph user properties to set as well (`displayName`, `givenName`, `surname`, `mail`…). */
  readonly attributes?: Readonly<Record<string, string | boolean | null>>
}

/** A user as created: its object id, its UPN and the password to sign in with. */
export interface CreatedUser {
  readonly id: string
  readonly userPrincipalName: string
  readonly password: string
}

function personaAttributes(persona: UserPersona, upn: string, nickname: string): Record<string, string> {
  switch (persona) {
    case 'no-mail':
      return { displayName: nickname, givenName: nickname, surname: 'Test' }
    case 'long-names':
      return {
        displayName: `${'Maximiliana'.repeat(6)} ${'Featherstonehaugh'.repeat(4)}`.slice(0, 128),
        givenName: 'Maximiliana'.repeat(6).slice(0, 64),
        surname: 'Featherstonehaugh'.repeat(4).slice(0, 64),
        mail: upn,
      }
    case 'unicode':
      return {
        displayName: 'Zoë Łukasiewicz-Ångström 山田',
        givenName: 'Zoë',
        surname: 'Łukasiewicz-Ångström',
        mail: upn,
      }
    default:
      return { displayName: nickname, givenName: nickname, surname: 'Test', mail: upn }
  }
}

/** Creates a user through the Graph-shaped API (`POST /v1.0/users`). */
export async function createEntraUser(client: IdpClient, request: CreateUserRequest): Promise<CreatedUser> {
  const upn = request.userPrincipalName
  const nickname = upn.split('@')[0] ?? upn
  const created = await client.createUser({
    accountEnabled: true,
    userPrincipalName: upn,
    mailNickname: nickname,
    ...personaAttributes(request.persona ?? 'standard', upn, nickname),
    ...request.attributes,
    ...(request.password ? { passwordProfile: { password: request.password } } : {}),
  })
  return {
    id: created.id,
    userPrincipalName: created.userPrincipalName,
    password: request.password ?? created.passwordProfile?.password ?? '',
  }
}
