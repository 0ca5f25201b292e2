// Applies the Webex half of a validated scenario through the Control Hub API, as an admin
// would: the org's name, its users, then the SSO wizard (import, test, enable).
import { requestJson } from '../clients/api-request'
import type { IdpClient } from '../clients/idp-client'
import type { SpClient } from '../clients/sp-client'
import { type AppliedEntra, ScenarioStepError, step } from './apply-entra'
import type { Scenario } from './scenario-schema'

/** Signs in at `startUrl` as a user, in a fresh headless browser. */
export type ScenarioSignIn = (startUrl: string, username: string, password: string) => Promise<unknown>

const lower = (value: string) => value.trim().toLowerCase()

export async function applyWebex(
  scenario: Scenario,
  clients: { idp: IdpClient; sp: SpClient },
  entra: AppliedEntra,
  passwords: ReadonlyMap<string, string>,
  signIn: ScenarioSignIn,
): Promise<void> {
  const { sp, idp } = clients
  const webex = scenario.webex ?? {}
  if (webex.org) {
    const name = webex.org.name
    await step('renaming the Webex org', () =>
      requestJson(sp.target, { method: 'PATCH', path: '/api/v1/org', body: { name } }),
    )
  }
  for (const user of webex.users ?? []) {
    const { active, ...fields } = user
    const added = await step(`adding Webex user ${user.email}`, () =>
      sp.addUser({ firstName: '', lastName: '', ...fields }),
    )
    if (active === false)
      await step(`deactivating Webex user ${user.email}`, () =>
        requestJson(sp.target, {
          method: 'POST',
          path: `/api/v1/users/${encodeURIComponent(added.id)}/deactivate`,
        }),
      )
  }
  const sso = webex.sso
  if (!sso) return
  const appName = sso.idpMetadata.entraApp
  const spId = entra.appIds.get(lower(appName)) ?? ''
  const xml = await step(`downloading the Federation Metadata XML of ${appName}`, () =>
    idp.federationMetadataXml(spId),
  )
  await step('importing the IdP metadata into Webex', () =>
    sp.importIdpMetadata(xml, sso.trustMode ?? 'ca-signed'),
  )
  if (sso.test) {
    const username = sso.test.user
    const { url } = await step('starting Test SSO Connection', () => sp.startTest())
    // Control Hub's verdict is read below; a refused sign-in is one of its outcomes.
    await signIn(url, username, passwords.get(lower(username)) ?? '').catch(() => undefined)
    const result = await sp.testResult()
    if (result.status !== 'passed')
      throw new ScenarioStepError(
        `running Test SSO Connection as ${username}`,
        new Error(`it did not pass: ${result.code ?? result.status} ${result.message ?? ''}`.trim()),
      )
  }
  if (sso.enabled === true) await step('enabling single sign-on in Webex', () => sp.enable())
}
