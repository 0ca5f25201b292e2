import { createIdpClient } from '../clients/idp-client'
import { createSpClient } from '../clients/sp-client'
import type { RunningSandbox } from '../servers'
import { signInHeadless } from '../sign-in'
import { type LoadedScenario, loadScenario, type ScenarioSandbox } from './load-scenario'
import type { ScenarioSource } from './read-scenario'

/** The scenario view of two running servers (`ca`: the root to trust under https). */
export function scenarioSandboxOf(running: RunningSandbox, ca?: string): ScenarioSandbox {
  const { idp, sp } = running
  const tls = ca ? { ca } : {}
  return {
    idp: createIdpClient({ baseUrl: idp.url, token: idp.graphApiToken, ...tls }),
    sp: createSpClient({ baseUrl: sp.url, token: sp.adminApiToken, ...tls }),
    addresses: {
      'entra.url': idp.url,
      'entra.tenantId': idp.tenantId,
      'webex.url': sp.url,
      'webex.orgId': sp.orgId,
    },
    signIn: (startUrl, username, password) =>
      signInHeadless(
        { startUrl, username, password },
        { startUrl, sessionInfoUrl: `${sp.url}/api/v1/session`, ...tls },
      ),
    passwords: new Map(),
  }
}

/**
 * Loads a scenario into servers started with `startSandboxServers` or `startSandboxWithConfig`
 * (what `pnpm start --scenario` and the `sso-sandbox` CLI call).
 */
export function loadScenarioInto(
  running: RunningSandbox,
  source: ScenarioSource,
  options: { ca?: string } = {},
): Promise<LoadedScenario> {
  return loadScenario(scenarioSandboxOf(running, options.ca), source)
}
