// The set-up a classroom reset or a break-it exercise starts from: the rehearsal CLI's tutorial
// steps, run over the admin APIs, up to the step the trainer chose.
import { need, type RehearsalContext } from '../rehearse/context'
import { BEFORE_PROVISIONING, PROVISIONING_STEPS } from '../rehearse/provisioning'
import type { Step } from '../rehearse/runner'
import { attempt } from '../rehearse/step-actions'
import { TUTORIAL_STEPS } from '../rehearse/tutorial'

/**
 * The progress panel's step 2 ("Download the Webex metadata file and upload it on Entra") is
 * the first half of the CLI's step 3: select SAML and upload the file, nothing more, so the
 * Sign on URL is left for step 3.
 */
const uploadSpMetadataOnly: Step<RehearsalContext> = {
  title: 'On Entra: select SAML and upload the Webex metadata file',
  async run(context, report) {
    const spId = need(context, 'servicePrincipalId')
    await attempt(context.idp.enableSaml(spId), 'SAML to be selected', '')
    await attempt(
      context.idp.uploadSpMetadata(spId, need(context, 'spMetadataXml')),
      'the Webex metadata file to be accepted',
      '',
    )
    report.did('Selected SAML and uploaded the Webex metadata file')
  },
}

/**
 * The CLI's steps that leave the panel's steps 1 to `stepsDone` done and the next one not.
 * The CLI's step 2 only downloads a file, so the panel's step N (N ≥ 3) is the CLI's step N.
 * With `then` = 'provisioning' (a provisioning exercise, after step 5), the SCIM credentials
 * are copied from Control Hub too, as `--provisioning` does before its Provisioning page.
 */
export function setUpStepsFor(
  stepsDone: number,
  then: 'sso' | 'provisioning' = 'sso',
): readonly Step<RehearsalContext>[] {
  if (then === 'provisioning') {
    if (stepsDone !== BEFORE_PROVISIONING - 1)
      throw new Error(`the provisioning set-up follows step ${BEFORE_PROVISIONING - 1}, not ${stepsDone}`)
    return PROVISIONING_STEPS.slice(0, BEFORE_PROVISIONING)
  }
  if (stepsDone <= 0) return []
  if (stepsDone === 1) return TUTORIAL_STEPS.slice(0, 1)
  if (stepsDone === 2) return [...TUTORIAL_STEPS.slice(0, 2), uploadSpMetadataOnly]
  return TUTORIAL_STEPS.slice(0, stepsDone)
}
