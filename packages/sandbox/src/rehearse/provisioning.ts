// The tutorial with automatic provisioning instead of creating the Webex user by hand:
// Control Hub's SCIM credentials, Entra's Provisioning page, the cycle, B Simon in Webex.
import { setTimeout as sleep } from 'node:timers/promises'
import type { CycleSummary } from '../clients/provisioning-client'
import { need, type RehearsalContext, TUTORIAL } from './context'
import { fail, type Step, type StepReporter } from './runner'
import { attempt } from './step-actions'
import { TUTORIAL_STEPS } from './tutorial'

/** The sandbox's provisioning interval: seconds, where Entra's is about 40 minutes. */
const INTERVAL_SECONDS = 20
/** How long the rehearsal waits for a cycle before calling it stuck. */
const CYCLE_WAIT_MS = 60_000

/**
 * Saves Provisioning Mode Automatic and the Admin Credentials (Tenant URL, `secretToken`),
 * scope "Sync only assigned users and groups", with Provisioning Status left as it is.
 */
export async function saveAdminCredentials(
  context: RehearsalContext,
  report: StepReporter,
  secretToken: string,
): Promise<void> {
  await attempt(
    context.idp.provisioning.configure(need(context, 'servicePrincipalId'), {
      mode: 'Automatic',
      tenantUrl: need(context, 'tenantUrl'),
      secretToken,
      scope: 'assigned',
      intervalSeconds: INTERVAL_SECONDS,
    }),
    'the Admin Credentials to be saved',
    'Open Cisco Webex > Provisioning, set Provisioning Mode to Automatic and enter the Tenant URL and Secret Token.',
  )
  report.did(
    `Provisioning Mode Automatic; Admin Credentials: Tenant URL ${need(context, 'tenantUrl')}, Secret Token (hidden); Scope: Sync only assigned users and groups; saved`,
  )
}

/** Turns Provisioning Status On and waits for the cycle it starts (or runs one, when On already). */
async function startAndWaitForCycle(context: RehearsalContext, report: StepReporter): Promise<CycleSummary> {
  const { provisioning } = context.idp
  const spId = need(context, 'servicePrincipalId')
  const before = await attempt(provisioning.page(spId), 'the Provisioning page', '')
  const done = before.job?.status.cycles.length ?? 0
  const alreadyOn = before.job?.status.scheduleState === 'Active'
  await attempt(
    provisioning.configure(spId, { provisioningStatus: 'On' }),
    'Provisioning Status On to be saved',
    'Test the connection first, then set Provisioning Status to On and Save.',
  )
  if (alreadyOn || before.job?.status.initialCycleCompleted) {
    report.did('Provisioning Status was On already: ran a cycle now instead of waiting for the interval')
    return attempt(provisioning.runCycle(spId), 'a provisioning cycle', '')
  }
  report.did('Set Provisioning Status to On and saved: the initial cycle starts')
  const deadline = Date.now() + CYCLE_WAIT_MS
  while (Date.now() < deadline) {
    const page = await attempt(provisioning.page(spId), 'the Provisioning page', '')
    const cycle = page.job?.status.cycles[done]
    if (cycle) return cycle
    if (page.job?.status.quarantine)
      fail({
        expected: 'the initial cycle to complete',
        happened: `the job is in quarantine: ${page.job.status.quarantine.reason}`,
        fix: 'Open Cisco Webex > Provisioning: the overview says why; fix the Admin Credentials and restart provisioning.',
      })
    await sleep(250)
  }
  return fail({
    expected: `the initial cycle to complete within ${CYCLE_WAIT_MS / 1000} s`,
    happened: 'it was still running',
    fix: 'Open Cisco Webex > Provisioning to see the current cycle, and the Provisioning logs.',
  })
}

const copyScimCredentials: Step<RehearsalContext> = {
  title: 'On Webex: copy the SCIM Tenant URL and Secret Token for Entra provisioning (Control Hub)',
  async run(context, report) {
    const credentials = await attempt(
      context.sp.scimCredentials(),
      'the SCIM credentials Control Hub shows',
      'Check that the Webex emulator is running.',
    )
    context.facts.tenantUrl = credentials.legacyScimBaseUrl
    context.facts.secretToken = credentials.token
    report.did('Copied the Tenant URL (the path the Cisco Webex gallery connector uses) and the token')
    report.produced({ tenantUrl: credentials.legacyScimBaseUrl })
  },
}

const configureProvisioning: Step<RehearsalContext> = {
  title:
    'On Entra: Cisco Webex > Provisioning: Automatic, Admin Credentials, Test Connection, Provisioning Status On; wait for the cycle',
  async run(context, report) {
    const spId = need(context, 'servicePrincipalId')
    await saveAdminCredentials(context, report, need(context, 'secretToken'))
    const tested = await attempt(
      context.idp.provisioning.testConnection(spId),
      'Test Connection to succeed',
      'Copy the Tenant URL and Secret Token again from Control Hub, Save, and Test Connection.',
    )
    report.did(`Test Connection: ${tested.message}`)
    const cycle = await startAndWaitForCycle(context, report)
    const { created = 0, updated = 0, skipped = 0, failed = 0 } = cycle.counts
    report.did(
      `${cycle.kind} cycle ${cycle.state}: ${created} created, ${updated} updated, ${skipped} skipped, ${failed} failed`,
    )
    if (cycle.state === 'Failed' || failed > 0)
      fail({
        expected: 'the cycle to provision B.Simon',
        happened: `${cycle.state}${cycle.error ? `: ${cycle.error.code}: ${cycle.error.message}` : ''}`,
        fix: 'Open Provisioning logs for Cisco Webex: each failed action names its cause.',
      })
    report.produced({ cycle: cycle.kind, state: cycle.state, created, updated })
  },
}

const showWebexUser: Step<RehearsalContext> = {
  title: 'On Webex: B Simon is in Control Hub > Users, provisioned over SCIM',
  async run(context, report) {
    const email = TUTORIAL.webexUser.email
    const user = await attempt(context.sp.findUser(email), 'the Webex users', 'Check the Webex emulator.')
    if (!user)
      fail({
        expected: `${email} in Control Hub > Users after the cycle`,
        happened: 'Webex has no such user',
        fix: 'Check that B.Simon is assigned to Cisco Webex with the User role, then Provision on demand to see why.',
      })
    context.facts.webexUserId = user.id
    report.did(
      `${user.displayName} (${user.email}) is in Webex, source: ${user.source}, active: ${user.active}`,
    )
    report.produced({ webexUserId: user.id, email: user.email, source: user.source })
  },
}

/**
 * The tutorial as `--provisioning` runs it: the SSO steps, then provisioning where the manual
 * Webex user step was, then the same three sign-ins.
 */
export const PROVISIONING_STEPS: readonly Step<RehearsalContext>[] = [
  ...TUTORIAL_STEPS.slice(0, 5),
  copyScimCredentials,
  configureProvisioning,
  showWebexUser,
  ...TUTORIAL_STEPS.slice(6),
]

/** The steps that precede the provisioning set-up (the SSO set-up and the SCIM credentials). */
export const BEFORE_PROVISIONING = 6
