import type { ApiTarget } from 'sso-rehearsal-sandbox'
import { rehearse, silentOutput, TUTORIAL } from 'sso-rehearsal-sandbox'

/** What a benchmark signs in with once the sandbox is set up. */
export interface PreparedSignIn {
  /** The Webex Sign-on URL (SP-initiated). */
  readonly startUrl: string
  readonly username: string
  readonly password: string
}

/**
 * Sets a fresh sandbox up as the tutorial does (gallery app, SAML, B.Simon, IdP metadata
 * imported, SSO enabled, the Webex user added) by running `pnpm rehearse` up to the Webex user.
 */
export async function prepareSignIn(target: { idp: ApiTarget; sp: ApiTarget }): Promise<PreparedSignIn> {
  const result = await rehearse(target, { lastStep: 6, output: silentOutput })
  const failed = result.logs.find((log) => log.status === 'failed')
  if (!result.ok || failed) {
    const problem = failed?.problem
    throw new Error(
      `Setting the sandbox up for the benchmark failed at "${failed?.step ?? '?'}": ${problem?.happened ?? 'unknown'} (${problem?.fix ?? ''})`,
    )
  }
  const { signOnUrl, testUserPassword } = result.facts
  if (!signOnUrl || !testUserPassword)
    throw new Error('The rehearsal did not produce a Sign-on URL and password.')
  return { startUrl: signOnUrl, username: TUTORIAL.testUser.userPrincipalName, password: testUserPassword }
}
