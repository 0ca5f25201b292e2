import { AADSTS, type AadstsCode } from '../errors/catalogue'
import type { SignInRecord } from '../sign-in-log/sign-in-log'

/** The "Resolving errors" box of the test pane: the app's last failed sign-in and what to change. */
export interface SignInTrouble {
  readonly when: string
  readonly code: string
  readonly meaning: string
  readonly failureReason: string
  readonly user: string | null
  /** The field to fix and where it lives, or null when the failure is not about the app's settings. */
  readonly fix: {
    readonly field: string
    readonly where: 'basic-saml' | 'users' | 'properties' | 'claims'
  } | null
}

/** Which setting each sign-in failure points at. */
const FIELD_TO_FIX: Readonly<Record<number, SignInTrouble['fix']>> = {
  700016: { field: 'Identifier (Entity ID)', where: 'basic-saml' },
  50011: { field: 'Reply URL (Assertion Consumer Service URL)', where: 'basic-saml' },
  900971: { field: 'Reply URL (Assertion Consumer Service URL)', where: 'basic-saml' },
  50105: { field: 'Users and groups (assign the user, or set Assignment required? to No)', where: 'users' },
  7000112: { field: 'Enabled for users to sign in?', where: 'properties' },
  501241: { field: 'Attributes & Claims', where: 'claims' },
}

/** The newest failed sign-in of the app (by service principal or app id) in the log, explained. */
export function lastSignInTrouble(
  records: readonly SignInRecord[],
  app: { readonly servicePrincipalId: string; readonly appId: string },
): SignInTrouble | null {
  const failed = records.find(
    (r) =>
      r.status === 'failure' && (r.servicePrincipalId === app.servicePrincipalId || r.appId === app.appId),
  )
  if (!failed) return null
  const code = `AADSTS${failed.errorCode}`
  const entry = (AADSTS as Readonly<Record<string, { readonly meaning: string } | undefined>>)[
    code as AadstsCode
  ]
  return {
    when: failed.createdDateTime,
    code,
    meaning: entry?.meaning ?? 'Not in the sandbox’s catalogue.',
    failureReason: failed.failureReason ?? '',
    user: failed.userPrincipalName,
    fix: FIELD_TO_FIX[failed.errorCode] ?? null,
  }
}
