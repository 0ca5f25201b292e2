import { subStepsDone, type TrainingExercise } from './exercise-shape'
import { PROVISIONING_EXERCISES } from './provisioning-exercises'

/** Every tutorial step but the last ("Test SSO") is set up before these mistakes. */
const SET_UP = 6
const SIGN_IN = 'Sign in to Webex as B.Simon (the Webex sign-on URL) and read the error page'
const ENTRA_REPLY_URL =
  'Entra admin center > Enterprise applications > Cisco Webex > Single sign-on > Basic SAML Configuration'

/**
 * The break-it exercises: classic mistakes of the Entra-Webex integration, each with the error
 * text the real products show. `pnpm rehearse --break ID` runs them; a console's training panel
 * can apply them with the same actions and tell from {@link TrainingExercise.isFixed} when the
 * learner has fixed one.
 */
export const TRAINING_EXERCISES: readonly TrainingExercise[] = [
  {
    id: 'user-not-assigned',
    title: 'B.Simon is not assigned to Cisco Webex in Entra',
    step: SET_UP,
    async apply(actions) {
      await actions.unassignTestUser()
      return 'Removed B.Simon from Cisco Webex > Users and groups'
    },
    symptom: { side: 'entra', shows: 'AADSTS50105', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['test-user-assigned']),
    explanation: {
      whatBroke: 'Cisco Webex requires assignment, and B.Simon was not assigned to it.',
      whyThisError:
        'AADSTS50105: Entra refuses to issue a token for an app the signed-in user is not assigned to.',
      fixScreen:
        'Entra admin center > Enterprise applications > Cisco Webex > Users and groups: assign B.Simon',
    },
  },
  {
    id: 'reply-url-mismatch',
    title: "The Reply URL on Entra is not Webex's ACS URL",
    step: SET_UP,
    async apply(actions) {
      const wrong = `https://idbroker.webex.com${new URL(actions.facts.acsUrl).pathname}`
      await actions.setReplyUrl(wrong)
      return `Set the Reply URL to ${wrong} instead of ${actions.facts.acsUrl}`
    },
    symptom: { side: 'entra', shows: 'AADSTS50011', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['reply-url']),
    explanation: {
      whatBroke: "The Reply URL (Assertion Consumer Service URL) names another host than Webex's ACS.",
      whyThisError:
        'AADSTS50011: the AssertionConsumerServiceURL of the AuthnRequest must be one of the Reply URLs, character for character.',
      fixScreen: `${ENTRA_REPLY_URL}: Reply URL = Webex's ACS URL (upload the Webex metadata file again)`,
    },
  },
  {
    id: 'wrong-identifier',
    title: "The Identifier (Entity ID) on Entra is not Webex's entityID",
    step: SET_UP,
    async apply(actions) {
      const wrong = 'https://idbroker.webex.com/00000000-0000-0000-0000-000000000000'
      await actions.setIdentifier(wrong)
      return `Set the Identifier to ${wrong}`
    },
    symptom: { side: 'entra', shows: 'AADSTS700016', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['identifier']),
    explanation: {
      whatBroke:
        "The Identifier (Entity ID) is not the entityID in Webex's metadata (it carries the org id).",
      whyThisError:
        'AADSTS700016: Entra finds no application whose Identifier is the Issuer of the AuthnRequest.',
      fixScreen: `${ENTRA_REPLY_URL}: Identifier = Webex's entityID (upload the Webex metadata file again)`,
    },
  },
  {
    id: 'self-signed-idp-certificate',
    title:
      'Entra signs with a self-signed certificate, and Webex is told to "Require certificate signed by a certificate authority"',
    step: 4,
    async apply(actions) {
      await actions.useSelfSignedCertificate()
      return "Made a self-signed certificate (like the real Entra's) active"
    },
    symptom: { side: 'webex', shows: 'CERT_SELF_SIGNED', trigger: 'import-idp-metadata' },
    whereToLook:
      'Import the Federation Metadata XML in Control Hub with "Require certificate signed by a certificate authority" and read the message',
    isFixed: (state) => subStepsDone(state, ['idp-metadata', 'signing-certificate-trusted']),
    explanation: {
      whatBroke: "Entra's SAML signing certificate is self-signed, as the real Entra's is by default.",
      whyThisError:
        'CERT_SELF_SIGNED: with "Require certificate signed by a certificate authority", Control Hub refuses a certificate that no CA issued.',
      fixScreen:
        'Control Hub > Authentication > Modify: choose "Allow self-signed certificate in metadata (less secure)", or make Entra sign with a CA-issued certificate',
    },
  },
  {
    id: 'uid-mismatch',
    title: "The uid claim is mapped to an attribute that is not the Webex user's email",
    step: SET_UP,
    async apply(actions) {
      await actions.setUidSource('user.objectid')
      return 'Changed the uid claim to user.objectid'
    },
    symptom: { side: 'webex', shows: 'SSO_USER_NOT_FOUND', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['uid-claim']),
    explanation: {
      whatBroke: 'The uid claim carries the object id, not the address Webex knows B.Simon by.',
      whyThisError:
        'SSO_USER_NOT_FOUND: Webex finds its user by the uid attribute, and no user has that value.',
      fixScreen: 'Entra > Cisco Webex > Single sign-on > Attributes & Claims: uid = user.userprincipalname',
    },
  },
  {
    id: 'webex-user-missing',
    title: 'B Simon does not exist in Webex',
    step: SET_UP,
    async apply(actions) {
      await actions.deleteWebexUser()
      return 'Deleted b.simon@contoso.com from Control Hub > Users'
    },
    symptom: { side: 'webex', shows: 'SSO_USER_NOT_FOUND', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['webex-user']),
    explanation: {
      whatBroke: 'Entra signed B.Simon in, but Webex has no user b.simon@contoso.com.',
      whyThisError:
        'SSO_USER_NOT_FOUND: SSO authenticates people Webex already has; it does not create them.',
      fixScreen: 'Control Hub > Users > Manage users: add b.simon@contoso.com (or provision it over SCIM)',
    },
  },
  {
    id: 'webex-email-domain-alias',
    title: "The Webex user's email is a domain alias of the UPN (b.simon@contoso.onmicrosoft.com)",
    step: SET_UP,
    async apply(actions) {
      await actions.replaceWebexUser('b.simon@contoso.onmicrosoft.com')
      return 'Replaced the Webex user by b.simon@contoso.onmicrosoft.com (UPN B.Simon@contoso.com)'
    },
    symptom: { side: 'webex', shows: 'SSO_USER_NOT_FOUND', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['webex-user']),
    explanation: {
      whatBroke: 'Webex knows B Simon under another domain than the UPN Entra sends as uid.',
      whyThisError:
        'SSO_USER_NOT_FOUND: Webex matches uid to the email exactly (letter case aside); a domain alias is another address.',
      fixScreen:
        'Control Hub > Users: give B Simon the email b.simon@contoso.com, or map uid on Entra to the attribute that holds the Webex email',
    },
  },
  {
    id: 'test-user-disabled',
    title: 'B.Simon is disabled in Entra (Account enabled = No)',
    step: SET_UP,
    async apply(actions) {
      await actions.disableTestUser()
      return 'Set "Account enabled" to No on B.Simon'
    },
    // Entra's sign-in page words it so; AADSTS50057 is the code in the sign-in log.
    symptom: {
      side: 'entra',
      shows: 'Your account has been locked. Contact your support person to unlock it',
      trigger: 'sign-in',
    },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['test-user-enabled']),
    explanation: {
      whatBroke: 'B.Simon may not sign in: the account is disabled.',
      whyThisError:
        'AADSTS50057 (the sign-in log: "The user account is disabled"): Entra checks the password first, then refuses a disabled account with "Your account has been locked".',
      fixScreen: 'Entra admin center > Users > B.Simon > Properties: Account enabled = Yes',
    },
  },
  {
    id: 'signing-response-only',
    title: 'The signing option is "Sign SAML response" (the assertion is not signed)',
    step: SET_UP,
    async apply(actions) {
      await actions.setSigningOption('response')
      return 'Set SAML Signing Certificate > Signing Option to "Sign SAML response"'
    },
    symptom: { side: 'webex', shows: 'SSO_ASSERTION_UNSIGNED', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['assertion-signed']),
    explanation: {
      whatBroke: 'Entra signs the response envelope only; the assertion inside carries no signature.',
      whyThisError:
        'SSO_ASSERTION_UNSIGNED: Webex requires a signed assertion and ignores a signature on the response alone.',
      fixScreen:
        'Entra > Cisco Webex > Single sign-on > SAML Signing Certificate > Edit: Signing Option = "Sign SAML assertion" (or "Sign SAML response and assertion")',
    },
  },
  {
    id: 'clock-skew',
    title: "Entra's clock is two hours behind Webex's",
    step: SET_UP,
    async apply(actions) {
      await actions.setEntraClockOffset(-7200)
      return "Moved the Entra emulator's clock back two hours"
    },
    symptom: { side: 'webex', shows: 'SSO_ASSERTION_EXPIRED', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['clocks-in-step']),
    explanation: {
      whatBroke: "Entra's clock runs two hours behind, so every assertion it signs looks old.",
      whyThisError:
        'SSO_ASSERTION_EXPIRED: NotOnOrAfter lies in the past by Webex’s clock, beyond the allowed skew.',
      fixScreen:
        'Fix the clock of the server that is off (NTP); in the sandbox, the Entra clock offset back to 0',
    },
  },
  {
    id: 'certificate-rollover-not-reimported',
    title: 'The signing certificate was rolled over on Entra, but the new metadata was not imported on Webex',
    step: SET_UP,
    async apply(actions) {
      const thumbprint = await actions.rolloverCertificate()
      return `Rolled over the SAML signing certificate: ${thumbprint} is now active`
    },
    symptom: { side: 'webex', shows: 'SSO_UNTRUSTED_SIGNING_CERTIFICATE', trigger: 'sign-in' },
    whereToLook: SIGN_IN,
    isFixed: (state) => subStepsDone(state, ['signing-certificate-trusted']),
    explanation: {
      whatBroke: 'Entra signs with a new certificate that Control Hub has never seen.',
      whyThisError:
        'SSO_UNTRUSTED_SIGNING_CERTIFICATE: the signature is valid, but by a key not in the imported metadata.',
      fixScreen:
        'Entra > Cisco Webex > Single sign-on: download the Federation Metadata XML again; Control Hub > Authentication > Modify: import it, then on the Update SSO Certificate card run Test SSO Update and Switch to new metadata',
    },
  },
  {
    id: 'sso-enabled-without-test',
    title: 'SSO is enabled on Webex without a successful Test SSO Connection',
    step: 4,
    async apply(actions) {
      await actions.importIdpMetadata()
      return 'Imported the Entra metadata in Control Hub and skipped Test SSO Connection'
    },
    symptom: { side: 'webex', shows: 'SSO_TEST_REQUIRED', trigger: 'enable-sso' },
    whereToLook:
      'In Control Hub > Authentication > Modify, choose "This test was successful. Enable Single Sign-On" without running the test, Save, and read the message',
    isFixed: (state) => subStepsDone(state, ['test-passed', 'sso-enabled']),
    explanation: {
      whatBroke: 'Single sign-on was to be enabled before any test of the imported metadata.',
      whyThisError:
        'SSO_TEST_REQUIRED: Webex enables SSO only after a successful test, so nobody is locked out.',
      fixScreen: 'Control Hub > Authentication > Modify: run Test SSO Connection, then enable',
    },
  },
  {
    id: 'sso-enabled-test-unsuccessful',
    title: 'SSO is enabled on Webex after an unsuccessful Test SSO Connection',
    step: 4,
    async apply(actions) {
      await actions.importIdpMetadata()
      // A clock two hours off makes the test fail the way it does for real admins; then fixed.
      await actions.setEntraClockOffset(-7200)
      const test = await actions.runTestSso()
      await actions.setEntraClockOffset(0)
      return `Imported the Entra metadata; Test SSO Connection ended ${test.status}${test.code ? ` (${test.code})` : ''}`
    },
    symptom: { side: 'webex', shows: 'SSO_TEST_REQUIRED', trigger: 'enable-sso' },
    whereToLook:
      'Choose "This test was successful. Enable Single Sign-On" in Control Hub although the test failed, save, and read the message',
    isFixed: (state) => subStepsDone(state, ['test-passed', 'sso-enabled']),
    explanation: {
      whatBroke: 'The last Test SSO Connection failed, and SSO was to be enabled anyway.',
      whyThisError:
        'SSO_TEST_REQUIRED: Webex remembers the outcome of the last test and refuses to enable after a failure.',
      fixScreen:
        'Control Hub > Authentication > Modify: run Test SSO Connection again until it succeeds, then enable',
    },
  },
  ...PROVISIONING_EXERCISES,
]

export function findTrainingExercise(id: string): TrainingExercise | undefined {
  return TRAINING_EXERCISES.find((e) => e.id === id)
}
