import { need, type RehearsalContext, TUTORIAL } from './context'
import { PROVISIONING_BREAKS } from './provisioning-breaks'
import { fail, type Step, type StepReporter } from './runner'
import { attempt, refusalOf, signInAsTestUser } from './step-actions'
import { linkLatestTrace } from './trace-link'
import { TUTORIAL_STEPS } from './tutorial'

/** Where a person sees a mistake, and what that screen says. */
export interface Symptom {
  /** 'entra' = an Entra error page or admin screen; 'webex' = a Webex page or Control Hub. */
  readonly side: 'entra' | 'webex'
  /** Text the person sees that names the cause (an AADSTS code, a Webex error code). */
  readonly shows: string
}

/**
 * One of the classic mistakes of this tutorial. Running it builds the setup up to the step
 * where the mistake is made, makes it, then shows what a person would see and checks that
 * the sandbox shows exactly that.
 */
export interface BreakCase {
  readonly name: string
  /** The mistake, in the words a trainer would use. */
  readonly mistake: string
  /** The steps the exercise builds on (default: the tutorial with the manual Webex user). */
  readonly tutorial?: readonly Step<RehearsalContext>[]
  /** How many of those steps run before the mistake is made. */
  readonly after: number
  /** Makes the mistake. */
  make(context: RehearsalContext, report: StepReporter): Promise<void>
  /** Does what the person does next (usually: sign in) and returns what they see. */
  observe(context: RehearsalContext, report: StepReporter): Promise<string>
  readonly expected: Symptom
  /** The screen where the mistake is fixed. */
  readonly fix: string
}

/** An SP-initiated sign-in as B.Simon; returns what the page it ended on says. */
async function signInFromWebex(context: RehearsalContext, report: StepReporter): Promise<string> {
  const outcome = await signInAsTestUser(context, need(context, 'signOnUrl'), {
    username: TUTORIAL.testUser.userPrincipalName,
    password: need(context, 'testUserPassword'),
  })
  if (outcome.ok) {
    report.did('B.Simon signed in to Webex anyway')
    return 'signed in'
  }
  const page = outcome.error.page
  const where = page ? `${page.url.origin}${page.url.pathname}` : 'nowhere'
  report.did(`The sign-in stopped at ${where} (HTTP ${page?.status ?? '-'})`)
  const link = await linkLatestTrace(context, report)
  if (link) context.facts.failedSignIn = link
  return `${outcome.error.message}\n${page?.facts.text ?? ''}`
}

const SETUP_DONE = TUTORIAL_STEPS.length - 1

const SSO_BREAKS: readonly BreakCase[] = [
  {
    name: 'user-not-assigned',
    mistake: 'B.Simon is not assigned to Cisco Webex in Entra',
    after: SETUP_DONE,
    async make(context, report) {
      await attempt(
        context.idp.unassign(need(context, 'servicePrincipalId'), need(context, 'assignmentId')),
        'to remove the assignment',
        '',
      )
      report.did('Removed B.Simon from Cisco Webex > Users and groups')
    },
    observe: signInFromWebex,
    expected: { side: 'entra', shows: 'AADSTS50105' },
    fix: 'Entra admin center > Enterprise applications > Cisco Webex > Users and groups: assign B.Simon',
  },
  {
    name: 'reply-url-mismatch',
    mistake: "The Reply URL on Entra is not Webex's ACS URL",
    after: SETUP_DONE,
    async make(context, report) {
      const acs = new URL(need(context, 'acsUrl'))
      const wrong = `https://idbroker.webex.com${acs.pathname}`
      await attempt(
        context.idp.updateBasicSaml(need(context, 'servicePrincipalId'), {
          replyUrls: [{ url: wrong, index: 0, isDefault: true }],
        }),
        'to change the Reply URL',
        '',
      )
      report.did(`Set the Reply URL to ${wrong} instead of ${acs.href}`)
    },
    observe: signInFromWebex,
    expected: { side: 'entra', shows: 'AADSTS50011' },
    fix: "Entra > Cisco Webex > Single sign-on > Basic SAML Configuration: Reply URL = Webex's ACS URL (upload the Webex metadata file again)",
  },
  {
    name: 'wrong-identifier',
    mistake: "The Identifier (Entity ID) on Entra is not Webex's entityID",
    after: SETUP_DONE,
    async make(context, report) {
      const wrong = 'https://idbroker.webex.com/00000000-0000-0000-0000-000000000000'
      await attempt(
        context.idp.updateBasicSaml(need(context, 'servicePrincipalId'), {
          identifiers: [{ value: wrong, isDefault: true }],
        }),
        'to change the Identifier',
        '',
      )
      report.did(`Set the Identifier to ${wrong}`)
    },
    observe: signInFromWebex,
    expected: { side: 'entra', shows: 'AADSTS700016' },
    fix: "Entra > Cisco Webex > Single sign-on > Basic SAML Configuration: Identifier = Webex's entityID (upload the Webex metadata file again)",
  },
  {
    name: 'self-signed-idp-certificate',
    mistake:
      'Entra signs with a self-signed certificate, and Webex is told to "Require certificate signed by a certificate authority"',
    after: 4,
    async make(context, report) {
      const spId = need(context, 'servicePrincipalId')
      await attempt(
        context.idp.setDefaultCertificateKind('self-signed'),
        'to switch the certificate kind',
        '',
      )
      await attempt(context.idp.rolloverCertificate(spId), 'a new self-signed certificate', '')
      context.facts.federationMetadataXml = await context.idp.federationMetadataXml(spId)
      report.did(
        "Made a self-signed certificate (like the real Entra's) active and downloaded the metadata again",
      )
    },
    observe: (context, report) =>
      refusalOf(
        context.sp.importIdpMetadata(need(context, 'federationMetadataXml'), 'ca-signed'),
        report,
        'Imported the metadata in Control Hub with "Require certificate signed by a certificate authority"',
      ),
    expected: { side: 'webex', shows: 'CERT_SELF_SIGNED' },
    fix: 'Control Hub > Authentication > Modify: choose "Allow self-signed certificate in metadata (less secure)", or make Entra sign with a CA-issued certificate',
  },
  {
    name: 'uid-mismatch',
    mistake: "The uid claim is mapped to an attribute that is not the Webex user's email",
    after: SETUP_DONE,
    async make(context, report) {
      const spId = need(context, 'servicePrincipalId')
      const page = await context.idp.samlPage(spId)
      const uid = page.attributesAndClaims.claims.find((c) => c.name === 'uid')
      if (!uid) fail({ expected: 'a uid claim', happened: 'no uid claim', fix: 'Run --from-scratch.' })
      await attempt(
        context.idp.updateClaim(spId, uid.id, {
          name: 'uid',
          source: { kind: 'attribute', attribute: 'user.objectid' },
        }),
        'to change the uid claim',
        '',
      )
      report.did('Changed the uid claim to user.objectid')
    },
    observe: signInFromWebex,
    expected: { side: 'webex', shows: 'SSO_USER_NOT_FOUND' },
    fix: 'Entra > Cisco Webex > Single sign-on > Attributes & Claims: uid = user.userprincipalname (or the attribute that holds the Webex email)',
  },
  {
    name: 'webex-user-missing',
    mistake: 'B Simon does not exist in Webex',
    after: SETUP_DONE,
    async make(context, report) {
      await attempt(context.sp.deleteUser(need(context, 'webexUserId')), 'to delete the Webex user', '')
      report.did('Deleted b.simon@contoso.com from Control Hub > Users')
    },
    observe: signInFromWebex,
    expected: { side: 'webex', shows: 'SSO_USER_NOT_FOUND' },
    fix: 'Control Hub > Users > Manage users: add b.simon@contoso.com (or provision it over SCIM)',
  },
  {
    name: 'clock-skew',
    mistake: "Entra's clock is two hours behind Webex's",
    after: SETUP_DONE,
    async make(context, report) {
      await attempt(context.idp.setClockOffset(-7200), "to move Entra's clock", '')
      report.did("Moved the Entra emulator's clock back two hours")
    },
    observe: signInFromWebex,
    expected: { side: 'webex', shows: 'SSO_ASSERTION_EXPIRED' },
    fix: 'Fix the clock of the server that is off (NTP); Webex allows only a small skew',
  },
  {
    name: 'certificate-rollover-not-reimported',
    mistake:
      'The signing certificate was rolled over on Entra, but the new metadata was not imported on Webex',
    after: SETUP_DONE,
    async make(context, report) {
      const page = await attempt(
        context.idp.rolloverCertificate(need(context, 'servicePrincipalId')),
        'a certificate rollover',
        '',
      )
      report.did(
        `Rolled over the SAML signing certificate: ${page.samlCertificates.signingThumbprint} is now active`,
      )
    },
    observe: signInFromWebex,
    expected: { side: 'webex', shows: 'SSO_UNTRUSTED_SIGNING_CERTIFICATE' },
    fix: 'Entra > Single sign-on > download the Federation Metadata XML again; Control Hub > Authentication > Modify: import it and test',
  },
  {
    name: 'sso-enabled-without-test',
    mistake: 'SSO is enabled on Webex without a successful Test SSO Connection',
    after: 4,
    async make(context, report) {
      await attempt(
        context.sp.importIdpMetadata(need(context, 'federationMetadataXml'), 'ca-signed'),
        'the IdP metadata to be imported',
        '',
      )
      report.did('Imported the Entra metadata in Control Hub and skipped Test SSO Connection')
    },
    observe: (context, report) =>
      refusalOf(context.sp.enable(), report, 'Ticked "Enable Single Sign-On" and saved'),
    expected: { side: 'webex', shows: 'SSO_TEST_REQUIRED' },
    fix: 'Control Hub > Authentication > Modify: run Test SSO Connection, then enable',
  },
]

export const BREAK_CASES: readonly BreakCase[] = [...SSO_BREAKS, ...PROVISIONING_BREAKS]

export function findBreakCase(name: string): BreakCase | undefined {
  return BREAK_CASES.find((c) => c.name === name)
}

/**
 * Every exercise starts from the clean set-up it needs, whatever an earlier exercise (or a
 * learner) left behind: both servers are reset (admin credentials and API tokens kept), then
 * the tutorial's earlier steps run again through the admin APIs.
 */
const startClean: Step<RehearsalContext> = {
  title: 'Start from a clean set-up (reset both servers; admin credentials and API tokens are kept)',
  async run(context, report) {
    await attempt(
      Promise.all([context.idp.reset(), context.sp.reset()]),
      'both servers to reset',
      'Check that the sandbox is running ("pnpm sandbox status").',
    )
    report.did('Reset both servers: no enterprise apps, no SSO configuration, no users')
  },
}

/** The title of the step that observes an exercise's symptom; only its success means "shown". */
export const OBSERVE_STEP_PREFIX = 'What a person sees'

/**
 * The steps of `--break NAME`: a clean start, the tutorial up to the mistake, the mistake, and
 * what a person sees.
 */
export function breakSteps(breakCase: BreakCase): Step<RehearsalContext>[] {
  return [
    startClean,
    ...(breakCase.tutorial ?? TUTORIAL_STEPS).slice(0, breakCase.after),
    {
      title: `Break it: ${breakCase.mistake}`,
      run: (context, report) => breakCase.make(context, report),
    },
    {
      title: `${OBSERVE_STEP_PREFIX} (expected on ${breakCase.expected.side === 'entra' ? 'Entra' : 'Webex'}: ${breakCase.expected.shows})`,
      async run(context, report) {
        const seen = await breakCase.observe(context, report)
        if (!seen.includes(breakCase.expected.shows))
          fail({
            expected: `${breakCase.expected.shows} on the ${breakCase.expected.side === 'entra' ? 'Entra' : 'Webex'} side`,
            happened: seen.slice(0, 500),
            fix: 'This break-it exercise did not show its symptom: a sandbox bug worth reporting.',
          })
        report.did(`Cause: ${breakCase.mistake}`)
        report.did(`Fix it in: ${breakCase.fix}`)
        report.produced({
          symptom: breakCase.expected.shows,
          side: breakCase.expected.side,
          fixScreen: breakCase.fix,
          ...(context.facts.failedSignIn
            ? {
                trace: context.facts.failedSignIn.command,
                diagnosis: context.facts.failedSignIn.diagnosis.join('\n'),
              }
            : {}),
        })
      },
    },
  ]
}
