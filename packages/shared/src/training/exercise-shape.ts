import type { TutorialState } from './tutorial-state'

/**
 * What an exercise may do to the sandbox: the admin actions behind the console's buttons. The
 * rehearsal CLI implements them over the admin APIs; a console can implement them over its
 * domain services. `facts` are the ids and documents the set-up produced.
 */
export interface ExerciseActions {
  readonly facts: {
    readonly servicePrincipalId: string
    readonly acsUrl: string
    readonly testUserId: string
    readonly assignmentId: string
    readonly webexUserId: string
  }
  unassignTestUser(): Promise<void>
  setReplyUrl(url: string): Promise<void>
  setIdentifier(value: string): Promise<void>
  /** Makes a self-signed certificate active on the app (and the tenant's default for new ones). */
  useSelfSignedCertificate(): Promise<void>
  setUidSource(attribute: string): Promise<void>
  setSigningOption(option: 'assertion' | 'response' | 'both'): Promise<void>
  deleteWebexUser(): Promise<void>
  /** Replaces the Webex user B Simon by one whose email is `email`. */
  replaceWebexUser(email: string): Promise<void>
  disableTestUser(): Promise<void>
  setEntraClockOffset(seconds: number): Promise<void>
  /** Rolls the app's signing certificate over; answers the new thumbprint. */
  rolloverCertificate(): Promise<string>
  /** Imports Entra's current Federation Metadata XML in Control Hub, without testing. */
  importIdpMetadata(): Promise<void>
  /** Runs Test SSO Connection as B.Simon; answers the result Control Hub shows. */
  runTestSso(): Promise<{ status: string; code: string | null }>
  /**
   * Saves Cisco Webex > Provisioning on Entra: Provisioning Mode Automatic, the Admin Credentials
   * copied from Control Hub (Tenant URL, Secret Token), scope "Sync only assigned users and groups".
   */
  saveProvisioningCredentials(): Promise<void>
  /**
   * Generates a new SCIM token in Control Hub after the old one was copied, and saves the old
   * one as Entra's Secret Token (the copied token stops working at once).
   */
  saveStaleScimToken(): Promise<void>
  /** Maps the matching attribute userName from the Entra attribute `attribute` (Provisioning > Mappings). */
  setMatchingAttributeSource(attribute: string): Promise<void>
  /** Clears B.Simon's Email (mail) under Users > B.Simon > Properties. */
  clearTestUserEmail(): Promise<void>
  /** Assigns B.Simon to Cisco Webex again, with the Default Access role (msiam_access). */
  reassignTestUserWithDefaultAccess(): Promise<void>
}

/** How a learner meets the symptom. */
export type SymptomTrigger =
  /** Signing in to Webex as B.Simon (SP-initiated). */
  | 'sign-in'
  /** Importing the Entra metadata in Control Hub with "Require certificate signed by a certificate authority". */
  | 'import-idp-metadata'
  /** Ticking "Enable Single Sign-On" and saving. */
  | 'enable-sso'
  /** Entra > Cisco Webex > Provisioning > Admin Credentials: Test Connection. */
  | 'test-connection'
  /** Entra > Cisco Webex > Provisioning > Provision on demand, for B.Simon. */
  | 'provision-on-demand'

/** A break-it exercise: one classic mistake of this integration, how it shows, how it is fixed. */
export interface TrainingExercise {
  readonly id: string
  /** The mistake, in a trainer's words. */
  readonly title: string
  /** The tutorial steps (1..step) set up before the mistake is made. */
  readonly step: number
  /**
   * What follows those steps: 'sso' (nothing; B Simon is added to Webex by hand in step 6) or
   * 'provisioning' (the SCIM Tenant URL and Secret Token copied from Control Hub, for Entra's
   * Provisioning page to provision B Simon instead). Default 'sso'.
   */
  readonly setUp?: 'sso' | 'provisioning'
  /** Makes the mistake; answers one line saying what was done. */
  apply(actions: ExerciseActions): Promise<string>
  /** What the learner sees: on which side, the error text that names the cause, and what shows it. */
  readonly symptom: {
    readonly side: 'entra' | 'webex'
    readonly shows: string
    readonly trigger: SymptomTrigger
  }
  /** Where to look, as a trainer says it ("Sign in to Webex as B.Simon and read the error"). */
  readonly whereToLook: string
  /**
   * Whether the learner has fixed it, from the real state of both servers; null while a server
   * it reads is down (the panel then says so rather than guessing).
   */
  isFixed(state: TutorialState): boolean | null
  /** Shown once fixed: what broke, why the error said what it said, which screen fixed it. */
  readonly explanation: {
    readonly whatBroke: string
    readonly whyThisError: string
    readonly fixScreen: string
  }
}

/** Whether the sub-steps `ids` are all done (null while one cannot be read). */
export function subStepsDone(state: TutorialState, ids: readonly string[]): boolean | null {
  const found = [...state.steps, state.provisioning]
    .flatMap((s) => s.subSteps)
    .filter((s) => ids.includes(s.id))
  if (found.length !== ids.length) throw new Error(`unknown sub-step among ${ids.join(', ')}`)
  if (found.some((s) => s.done === false)) return false
  return found.some((s) => s.done === null) ? null : true
}
