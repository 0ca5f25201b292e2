import { subStepsDone, type TrainingExercise } from './exercise-shape'

/** The provisioning exercises start from steps 1 to 5 and the SCIM credentials copied from Control Hub. */
const BEFORE_PROVISIONING = 5
const PROVISIONING_PAGE = 'Entra admin center > Enterprise applications > Cisco Webex > Provisioning'
const PROVISION_ON_DEMAND = `${PROVISIONING_PAGE} > Provision on demand: choose B.Simon, click Provision, and read the result`

/**
 * The break-it exercises of automatic provisioning: each sets up SSO, copies the SCIM
 * credentials from Control Hub, makes one mistake around Entra's Provisioning page, and shows
 * the code Entra's Test Connection or Provision on demand answers (the CLI's words).
 */
export const PROVISIONING_EXERCISES: readonly TrainingExercise[] = [
  {
    id: 'provisioning-wrong-token',
    title: 'The Secret Token on Entra is an old one: Control Hub issued a new SCIM token after it was copied',
    step: BEFORE_PROVISIONING,
    setUp: 'provisioning',
    async apply(actions) {
      await actions.saveStaleScimToken()
      return 'Generated a new SCIM token in Control Hub, and saved the old one as the Secret Token on Entra'
    },
    symptom: { side: 'entra', shows: 'CredentialsRejected', trigger: 'test-connection' },
    whereToLook: `${PROVISIONING_PAGE} > Admin Credentials: click Test Connection and read the message`,
    isFixed: (state) => subStepsDone(state, ['provisioning-token-accepted']),
    explanation: {
      whatBroke:
        'Control Hub generated a new SCIM token after the Secret Token was copied; the old token stopped working at once.',
      whyThisError:
        'CredentialsRejected: "You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account." Webex answered 401 to the Secret Token Entra sent.',
      fixScreen: `Control Hub: copy the current SCIM token; ${PROVISIONING_PAGE} > Admin Credentials: paste it as the Secret Token, Test Connection, Save`,
    },
  },
  {
    id: 'provisioning-missing-matching-attribute',
    title: 'The matching attribute userName is mapped from mail, and B.Simon has no mail in Entra',
    step: BEFORE_PROVISIONING,
    setUp: 'provisioning',
    async apply(actions) {
      await actions.saveProvisioningCredentials()
      await actions.setMatchingAttributeSource('mail')
      await actions.clearTestUserEmail()
      return "Mapped userName (the matching attribute) from mail, and cleared B.Simon's Email"
    },
    symptom: { side: 'entra', shows: 'ImportSkipped', trigger: 'provision-on-demand' },
    whereToLook: PROVISION_ON_DEMAND,
    isFixed: (state) => subStepsDone(state, ['provisioning-matching-attribute']),
    explanation: {
      whatBroke: 'The user mappings match Webex users by userName, taken from mail, and B.Simon has no mail.',
      whyThisError:
        'ImportSkipped: "User \'B.Simon@contoso.com\' has no value for the matching attribute userName (mapped from mail), so it cannot be matched with a Cisco Webex user": without a value to match on, Entra skips the user rather than guess.',
      fixScreen:
        'Entra > Users > B.Simon > Properties: fill in Email, or Cisco Webex > Provisioning > Mappings > Provision Microsoft Entra ID Users: map userName from userPrincipalName',
    },
  },
  {
    id: 'provisioning-default-access-role',
    title:
      'B.Simon is assigned with the Default Access role; the Cisco Webex connector provisions only users with another role',
    step: BEFORE_PROVISIONING,
    setUp: 'provisioning',
    async apply(actions) {
      await actions.saveProvisioningCredentials()
      await actions.reassignTestUserWithDefaultAccess()
      return 'Assigned B.Simon to Cisco Webex again, with the role Default Access'
    },
    symptom: { side: 'entra', shows: 'NotEffectivelyEntitled', trigger: 'provision-on-demand' },
    whereToLook: PROVISION_ON_DEMAND,
    isFixed: (state) => subStepsDone(state, ['provisioning-role']),
    explanation: {
      whatBroke:
        'B.Simon is assigned to Cisco Webex with Default Access (msiam_access), which the Cisco Webex connector does not provision.',
      whyThisError:
        'NotEffectivelyEntitled: "users need a non-\'Default Access\' role to be provisioned": the scoping step finds B.Simon out of scope and skips the user.',
      fixScreen:
        'Entra admin center > Enterprise applications > Cisco Webex > Users and groups: assign B.Simon with the User role (not Default Access)',
    },
  },
]
