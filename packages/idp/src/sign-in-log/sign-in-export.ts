import { csvDocument } from '../log-export/csv'
import type { SignInRecord, SignInStatus } from './sign-in-log'

/** Entra's "Download CSV" columns of interactive sign-ins, those the sandbox records. */
export const SIGN_IN_CSV_COLUMNS = [
  'Date (UTC)',
  'Request ID',
  'Correlation ID',
  'User ID',
  'User',
  'Username',
  'Application',
  'Application ID',
  'IP address',
  'Status',
  'Sign-in error code',
  'Failure reason',
] as const

const STATUS_WORDS: Record<SignInStatus, string> = {
  success: 'Success',
  failure: 'Failure',
  interrupted: 'Interrupted',
}

/** The sign-ins as the file Entra's Sign-in logs > Download > Download CSV gives, newest first. */
export function signInsCsv(records: readonly SignInRecord[]): string {
  return csvDocument(
    SIGN_IN_CSV_COLUMNS,
    records.map((r) => [
      r.createdDateTime,
      r.id,
      r.correlationId,
      r.userId ?? '',
      r.userDisplayName ?? '',
      r.userPrincipalName ?? '',
      r.appDisplayName ?? '',
      r.appId ?? '',
      r.ipAddress,
      STATUS_WORDS[r.status],
      String(r.errorCode),
      r.failureReason ?? '',
    ]),
  )
}
