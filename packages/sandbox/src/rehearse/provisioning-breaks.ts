// The break-it exercises of automatic provisioning: each builds the SSO set-up and copies the
// SCIM credentials, makes one mistake on Entra's Provisioning page, and shows what Entra says.
import type { BreakCase } from './breaks'
import { need, type RehearsalContext } from './context'
import { BEFORE_PROVISIONING, PROVISIONING_STEPS, saveAdminCredentials } from './provisioning'
import { fail, type StepReporter } from './runner'
import { attempt, refusalOf } from './step-actions'

/** Provision on demand for B.Simon; returns what the page shows (the result, the code and the reason). */
async function provisionBSimonOnDemand(context: RehearsalContext, report: StepReporter): Promise<string> {
  const answer = await attempt(
    context.idp.provisioning.provisionOnDemand(
      need(context, 'servicePrincipalId'),
      need(context, 'testUserId'),
    ),
    'Provision on demand to run for B.Simon',
    '',
  )
  const object = answer.objects[0]
  for (const card of object?.cards ?? []) report.did(`Provision on demand: ${card.title}: ${card.status}`)
  const error = object?.log.error
  report.did(`Result: ${answer.result}${error ? ` (${error.errorCode}) ${error.reason}` : ''}`)
  return `${answer.result} ${error?.errorCode ?? ''} ${error?.reason ?? ''}`
}

export const PROVISIONING_BREAKS: readonly BreakCase[] = [
  {
    name: 'provisioning-wrong-token',
    mistake:
      'The Secret Token on Entra is an old one: Control Hub issued a new SCIM token after it was copied',
    tutorial: PROVISIONING_STEPS,
    after: BEFORE_PROVISIONING,
    async make(context, report) {
      const old = need(context, 'secretToken')
      await attempt(context.sp.regenerateScimToken(), 'a new SCIM token in Control Hub', '')
      report.did('Generated a new SCIM token in Control Hub (the copied one stops working at once)')
      await saveAdminCredentials(context, report, old)
    },
    observe: (context, report) =>
      refusalOf(
        context.idp.provisioning.testConnection(need(context, 'servicePrincipalId')),
        report,
        'Clicked Test Connection',
      ),
    expected: { side: 'entra', shows: 'CredentialsRejected' },
    fix: 'Control Hub: copy the current SCIM token; Entra > Cisco Webex > Provisioning > Admin Credentials: paste it as the Secret Token, Test Connection, Save',
  },
  {
    name: 'provisioning-missing-matching-attribute',
    mistake: 'The matching attribute userName is mapped from mail, and B.Simon has no mail in Entra',
    tutorial: PROVISIONING_STEPS,
    after: BEFORE_PROVISIONING,
    async make(context, report) {
      const spId = need(context, 'servicePrincipalId')
      await saveAdminCredentials(context, report, need(context, 'secretToken'))
      const page = await attempt(context.idp.provisioning.page(spId), 'the Provisioning page', '')
      const users = page.job?.mappings.users
      if (!users)
        fail({ expected: 'user mappings', happened: 'the job has none', fix: 'Run --from-scratch.' })
      await attempt(
        context.idp.provisioning.updateMappings(spId, {
          users: {
            ...users,
            attributeMappings: users.attributeMappings.map((m) =>
              m.targetAttributeName === 'userName'
                ? { ...m, source: { type: 'Attribute', name: 'mail' } }
                : m,
            ),
          },
        }),
        'the mapping to be saved',
        '',
      )
      report.did('Mappings > Provision Microsoft Entra ID Users: userName now comes from mail')
      await attempt(
        context.idp.updateUser(need(context, 'testUserId'), { mail: null }),
        "B.Simon's email to be cleared",
        '',
      )
      report.did("Cleared B.Simon's Email (mail) under Users > B.Simon > Properties")
    },
    observe: provisionBSimonOnDemand,
    expected: { side: 'entra', shows: 'ImportSkipped' },
    fix: 'Entra > Users > B.Simon: fill in Email, or Cisco Webex > Provisioning > Mappings: map userName from an attribute every user has (userPrincipalName)',
  },
  {
    name: 'provisioning-default-access-role',
    mistake:
      'B.Simon is assigned with the Default Access role; the Cisco Webex connector provisions only users with another role',
    tutorial: PROVISIONING_STEPS,
    after: BEFORE_PROVISIONING,
    async make(context, report) {
      const { idp } = context
      const spId = need(context, 'servicePrincipalId')
      await saveAdminCredentials(context, report, need(context, 'secretToken'))
      const servicePrincipal = await attempt(idp.servicePrincipal(spId), 'the app roles of Cisco Webex', '')
      const defaultAccess = servicePrincipal.appRoles.find((r) => r.displayName === 'msiam_access')
      if (!defaultAccess)
        fail({ expected: 'the Default Access role', happened: 'none', fix: 'Run --from-scratch.' })
      await attempt(idp.unassign(spId, need(context, 'assignmentId')), 'to remove the assignment', '')
      const assignment = await attempt(
        idp.assign(spId, need(context, 'testUserId'), defaultAccess.id),
        'B.Simon to be assigned with Default Access',
        '',
      )
      context.facts.assignmentId = assignment.id
      report.did('Assigned B.Simon to Cisco Webex again, with the role Default Access')
    },
    observe: provisionBSimonOnDemand,
    expected: { side: 'entra', shows: 'NotEffectivelyEntitled' },
    fix: 'Entra > Cisco Webex > Users and groups: assign B.Simon with the User role (not Default Access)',
  },
]
