// sign-in-log/: the in-memory log of sign-in attempts that Graph's auditLogs/signIns lists.
import { type ListPage, pageOf } from '../lists/list-page'

/** A sandbox fault that shaped a sign-in's answer on purpose (the break-it presets). */
export interface SignInFaultMark {
  readonly id: string
  readonly preset: string
  readonly description: string
}

/** How a sign-in log entry ended. */
export type SignInStatus = 'success' | 'failure' | 'interrupted'

/** One sign-in attempt, as Entra's sign-in logs (Graph `auditLogs/signIns`) record it. */
export interface SignInRecord {
  readonly id: string
  readonly createdDateTime: string
  readonly userId: string | null
  readonly userPrincipalName: string | null
  readonly userDisplayName: string | null
  readonly appId: string | null
  readonly appDisplayName: string | null
  readonly servicePrincipalId: string | null
  readonly ipAddress: string
  readonly correlationId: string
  /** 0 on success, else the AADSTS number (50105, 50011, …). */
  readonly errorCode: number
  /**
   * The portal's Status column: an interrupt (AADSTS50140, "Stay signed in?") is a step of a
   * sign-in that goes on, logged as "Interrupted" and followed by the sign-in's own entry.
   */
  readonly status: SignInStatus
  readonly failureReason: string | null
  /** Who started it: the app (SP-initiated) or the IdP (My Apps, Test this application). */
  readonly initiatedBy: 'sp' | 'idp'
  /** Set when a sandbox fault answered this sign-in; absent otherwise. */
  readonly fault?: SignInFaultMark
}

/** How many sign-ins the log keeps (the oldest go first). */
const SIGN_IN_LOG_CAPACITY = 1000

/**
 * A bounded, in-memory sign-in log, newest first. The SAML inspector and training mode read
 * it; it is not persisted.
 */
export function createSignInLog(capacity = SIGN_IN_LOG_CAPACITY) {
  const records: SignInRecord[] = []
  return {
    record(entry: SignInRecord): void {
      records.unshift(entry)
      if (records.length > capacity) records.length = capacity
    },

    /** Newest first. */
    list(): readonly SignInRecord[] {
      return records
    },

    /** A page of the log, newest first; with `servicePrincipalId`, that app's sign-ins only. */
    find(query: { readonly servicePrincipalId?: string; readonly page?: number }): ListPage<SignInRecord> {
      const app = query.servicePrincipalId
      return pageOf(app ? records.filter((r) => r.servicePrincipalId === app) : records, query.page)
    },

    get(id: string): SignInRecord | undefined {
      return records.find((r) => r.id === id)
    },

    clear(): void {
      records.length = 0
    },
  }
}

/** The sign-in log's interface. */
export type SignInLog = ReturnType<typeof createSignInLog>
