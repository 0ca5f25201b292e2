import type { DocumentStore, Runtime } from '@sandbox/shared'
import type { SigningKeyCache } from '../certificates/signing-keys'
import type { DirectoryService } from '../directory/directory-service'
import type { SignInFaults } from '../faults/sign-in-faults'
import type { ConsoleSessions } from '../sessions/console-sessions'
import type { CredentialCheck } from '../sessions/credential-check'
import type { SessionStore } from '../sessions/idp-sessions'
import type { SignInLog } from '../sign-in-log/sign-in-log'
import type { SignInTraces } from '../sign-in-log/sign-in-traces'
import type { IdpState } from '../state/idp-state'
import type { PendingSignIns } from './pending-sign-ins'

/** What the SSO services share: state, runtime, and the in-memory tables. */
export interface SsoDeps {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
  readonly url: string
  readonly keys: SigningKeyCache
  readonly sessions: SessionStore
  readonly pending: PendingSignIns
  /** The one door to password checks (throttled per account and per source). */
  readonly credentials: CredentialCheck
  readonly log: SignInLog
  /** Every sign-in, step by step (bounded, in memory like the log). */
  readonly traces: SignInTraces
  readonly directory: DirectoryService
  /** The sandbox's break-it faults waiting for the next sign-ins. */
  readonly faults: SignInFaults
  /** Admin center sessions, started when a sign-in was for the console. */
  readonly consoleSessions: ConsoleSessions
}

/** The browser that asked: its IdP session cookie and its socket address (sign-in log, throttling). */
export interface BrowserCaller {
  readonly sessionId: string | undefined
  readonly ip: string
}
