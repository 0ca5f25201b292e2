import { DEFAULT_ACCESS } from './provisioning-snapshot'
import {
  type EntraSnapshot,
  readServerSnapshots,
  type ServerReading,
  TUTORIAL_NAMES,
  type TutorialStateSources,
  type WebexSnapshot,
} from './tutorial-snapshot'

/** One sub-step of the tutorial: done, not done, or unknown (null) while a server it needs is down. */
export interface SubStepState {
  readonly id: string
  readonly title: string
  readonly done: boolean | null
  /** Which servers' state decides it. */
  readonly reads: readonly ('entra' | 'webex')[]
}

export interface StepState {
  readonly step: number
  readonly title: string
  /** Every sub-step done; null when one is unknown and none is known to be missing. */
  readonly done: boolean | null
  readonly subSteps: readonly SubStepState[]
}

/**
 * Where a class stands in "Microsoft Entra SSO integration with Cisco Webex", computed from the
 * real state of both servers: what a progress panel, a trainer view and `pnpm sandbox status
 * --steps` show, and what an exercise's "fixed" check reads.
 */
export interface TutorialState {
  readonly entra: ServerReading<EntraSnapshot>
  readonly webex: ServerReading<WebexSnapshot>
  readonly steps: readonly StepState[]
  /** The first step not done (null when all are, or when nothing can be told). */
  readonly nextStep: number | null
  /**
   * Automatic provisioning of B.Simon to Webex, the tutorial's optional part (the
   * `--provisioning` rehearsal, instead of adding the Webex user by hand): read like a step,
   * but outside {@link steps}, so a class that adds B Simon by hand is complete without it.
   */
  readonly provisioning: Omit<StepState, 'step'>
}

/** Webex accepts assertions this far from its clock. */
const ALLOWED_SKEW_SECONDS = 300

/** Called only when every server the sub-step reads is up (the other may be undefined). */
type Check = (entra: EntraSnapshot | undefined, webex: WebexSnapshot | undefined) => boolean

interface SubStepRule {
  readonly id: string
  readonly title: string
  readonly reads: readonly ('entra' | 'webex')[]
  readonly check: Check
}

const rule = (id: string, title: string, reads: SubStepRule['reads'], check: Check): SubStepRule => ({
  id,
  title,
  reads,
  check,
})

/** The tutorial's steps in its own words, each sub-step with the state that proves it. */
const TUTORIAL_RULES: readonly { title: string; subSteps: readonly SubStepRule[] }[] = [
  {
    title: 'Add Cisco Webex from the gallery',
    subSteps: [
      rule('gallery-app', 'Cisco Webex is in Enterprise applications', ['entra'], (e) => e?.app != null),
    ],
  },
  {
    title: 'Download the Webex metadata file and upload it on Entra',
    subSteps: [
      rule(
        'identifier',
        "Identifier (Entity ID) = Webex's entityID",
        ['entra', 'webex'],
        (e, w) => w?.entityId != null && (e?.app?.identifiers.includes(w.entityId) ?? false),
      ),
      rule(
        'reply-url',
        "Reply URL (Assertion Consumer Service URL) = Webex's ACS URL",
        ['entra', 'webex'],
        (e, w) => w?.acsUrl != null && (e?.app?.replyUrls.includes(w.acsUrl) ?? false),
      ),
    ],
  },
  {
    title: 'Set up single sign-on with SAML on Entra',
    subSteps: [
      rule(
        'saml-selected',
        'SAML is the single sign-on method',
        ['entra'],
        (e) => e?.app?.samlSelected ?? false,
      ),
      rule(
        'sign-on-url',
        "Sign on URL = Webex's sign-on URL",
        ['entra', 'webex'],
        (e, w) => e?.app?.signOnUrl != null && e.app.signOnUrl === w?.signOnUrl,
      ),
      rule(
        'uid-claim',
        'Attributes & Claims: uid = user.userprincipalname',
        ['entra'],
        (e) => e?.app?.uidSource === TUTORIAL_NAMES.uidSource,
      ),
      rule(
        'assertion-signed',
        'SAML Signing Certificate: the assertion is signed',
        ['entra'],
        (e) => e?.app?.signingOption === 'assertion' || e?.app?.signingOption === 'both',
      ),
    ],
  },
  {
    title: 'Create the test user B.Simon and assign B.Simon to Cisco Webex',
    subSteps: [
      rule('test-user', 'B.Simon@contoso.com exists', ['entra'], (e) => e?.testUser != null),
      rule(
        'test-user-enabled',
        'B.Simon is allowed to sign in (account enabled)',
        ['entra'],
        (e) => e?.testUser?.accountEnabled ?? false,
      ),
      rule(
        'test-user-assigned',
        'B.Simon is assigned to Cisco Webex',
        ['entra'],
        (e) => e?.testUser?.assigned ?? false,
      ),
    ],
  },
  {
    title: 'Configure SSO on Webex: import the metadata, test, enable',
    subSteps: [
      rule(
        'idp-metadata',
        'The Entra Federation Metadata XML is imported in Control Hub',
        ['entra', 'webex'],
        (e, w) => w?.idpEntityId != null && w.idpEntityId === e?.microsoftEntraIdentifier,
      ),
      rule(
        'signing-certificate-trusted',
        "Control Hub trusts Entra's active signing certificate",
        ['entra', 'webex'],
        (e, w) =>
          e?.app?.signingThumbprint != null &&
          (w?.trustedThumbprints.includes(e.app.signingThumbprint.toUpperCase()) ?? false),
      ),
      rule(
        'test-passed',
        'Test SSO Connection succeeded',
        ['webex'],
        (_e, w) => w?.lastTest?.status === 'passed',
      ),
      rule('sso-enabled', 'Single sign-on is enabled', ['webex'], (_e, w) => w?.ssoEnabled ?? false),
    ],
  },
  {
    title: 'Create the Webex user B Simon',
    subSteps: [
      rule(
        'webex-user',
        'b.simon@contoso.com is an active Webex user, matching the UPN',
        ['webex'],
        (_e, w) => w?.webexUser?.active === true,
      ),
    ],
  },
  {
    title: 'Test SSO',
    subSteps: [
      rule(
        'clocks-in-step',
        "Entra's clock is within Webex's allowed skew",
        ['entra'],
        (e) => e !== undefined && Math.abs(e.clockOffsetSeconds) <= ALLOWED_SKEW_SECONDS,
      ),
      rule(
        'test-user-signed-in',
        'B.Simon signed in to Webex with single sign-on',
        ['webex'],
        (_e, w) => w?.testUserLastSignInAt != null,
      ),
    ],
  },
]

/** The optional provisioning part, in the words of Entra's Provisioning page and Control Hub. */
const PROVISIONING_RULES: { title: string; subSteps: readonly SubStepRule[] } = {
  title: 'Provision B.Simon to Webex automatically (Entra > Cisco Webex > Provisioning)',
  subSteps: [
    rule(
      'provisioning-token-accepted',
      'Admin Credentials: the Secret Token is one Control Hub accepts now',
      ['entra', 'webex'],
      (e, w) =>
        e?.provisioning?.secretTokenFingerprint != null &&
        (w?.scimTokenFingerprints.includes(e.provisioning.secretTokenFingerprint) ?? false),
    ),
    rule(
      'provisioning-matching-attribute',
      'B.Simon has the attribute the matching attribute userName is mapped from',
      ['entra'],
      (e) => e?.provisioning?.matching?.testUserHasIt === true,
    ),
    rule(
      'provisioning-role',
      'B.Simon is assigned to Cisco Webex with a role other than Default Access',
      ['entra'],
      (e) => e?.testUser?.assignedRole != null && e.testUser.assignedRole !== DEFAULT_ACCESS,
    ),
    rule(
      'provisioning-on',
      'Provisioning Status is On and the job is not in quarantine',
      ['entra'],
      (e) => e?.provisioning?.statusOn === true && e.provisioning.quarantineReason === null,
    ),
    rule(
      'provisioning-webex-user',
      'B Simon is in Control Hub > Users, provisioned over SCIM',
      ['webex'],
      (_e, w) => w?.webexUser?.source === 'scim' && w.webexUser.active,
    ),
  ],
}

/** Decides the steps from two readings; a sub-step needing a server that is down is unknown. */
export function tutorialStateOf(
  entra: ServerReading<EntraSnapshot>,
  webex: ServerReading<WebexSnapshot>,
): TutorialState {
  const entraSnapshot = entra.up ? entra.snapshot : undefined
  const webexSnapshot = webex.up ? webex.snapshot : undefined
  const decide = (part: { title: string; subSteps: readonly SubStepRule[] }): Omit<StepState, 'step'> => {
    const subSteps = part.subSteps.map((sub): SubStepState => {
      const unreadable = sub.reads.some((side) => (side === 'entra' ? !entra.up : !webex.up))
      const done = unreadable ? null : sub.check(entraSnapshot, webexSnapshot)
      return { id: sub.id, title: sub.title, reads: sub.reads, done }
    })
    const done = subSteps.some((s) => s.done === false)
      ? false
      : subSteps.some((s) => s.done === null)
        ? null
        : true
    return { title: part.title, done, subSteps }
  }
  const steps = TUTORIAL_RULES.map((step, index): StepState => ({ step: index + 1, ...decide(step) }))
  // The last step is done only when B.Simon could sign in: every earlier step is in place too.
  const last = steps.at(-1)
  if (last && last.done === true && steps.slice(0, -1).some((s) => s.done !== true))
    steps[steps.length - 1] = {
      ...last,
      done: steps.slice(0, -1).some((s) => s.done === false) ? false : null,
    }
  const next = steps.find((s) => s.done === false)
  return {
    entra,
    webex,
    steps,
    nextStep: next ? next.step : null,
    provisioning: decide(PROVISIONING_RULES),
  }
}

/** Reads both servers (read-only, short timeout) and decides every step of the tutorial. */
export async function readTutorialState(sources: TutorialStateSources): Promise<TutorialState> {
  const { entra, webex } = await readServerSnapshots(sources)
  return tutorialStateOf(entra, webex)
}
