// Loading a scenario: validate it completely, then rebuild both servers from it through their
// APIs; if a server refuses a step, put both back as they were (from an export taken first).
import { writeFile } from 'node:fs/promises'
import { stringify } from 'yaml'
import { requestJson } from '../clients/api-request'
import type { IdpClient } from '../clients/idp-client'
import type { SpClient } from '../clients/sp-client'
import { applyEntra, ScenarioStepError } from './apply-entra'
import { applyWebex, type ScenarioSignIn } from './apply-webex'
import { exportScenario } from './export-scenario'
import type { SandboxAddresses } from './placeholders'
import { readScenario, type ScenarioSource } from './read-scenario'
import { ScenarioApplyError } from './scenario-error'
import type { Scenario } from './scenario-schema'

/** A running sandbox as the scenario code reaches it: both API clients and how to sign in. */
export interface ScenarioSandbox {
  readonly idp: IdpClient
  readonly sp: SpClient
  readonly addresses: SandboxAddresses
  readonly signIn: ScenarioSignIn
  /** Passwords this sandbox knows, by lower-cased UPN: set by loads, read by exports. */
  readonly passwords: Map<string, string>
}

/** What a load created that the caller could not know in advance. */
export interface LoadedScenario {
  /** Every Entra user of the scenario with the password to sign in with (generated ones included). */
  readonly users: readonly { readonly userPrincipalName: string; readonly password: string }[]
  /** The Global Administrator after the load (a renamed tenant moves it to its domain). */
  readonly adminUserPrincipalName: string
}

async function tenantOf(idp: IdpClient) {
  const tenant = await requestJson<{ displayName: string; defaultDomain: string }>(idp.target, {
    method: 'GET',
    path: '/sandbox/api/tenant',
  })
  return { name: tenant.displayName, domain: tenant.defaultDomain }
}

async function rebuild(sandbox: ScenarioSandbox, scenario: Scenario): Promise<void> {
  await Promise.all([sandbox.idp.reset(), sandbox.sp.reset()])
  const entra = await applyEntra(scenario, sandbox.idp, sandbox.passwords)
  await applyWebex(scenario, sandbox, entra, sandbox.passwords, sandbox.signIn)
}

/**
 * Replaces both servers' state with the scenario's. Throws a `ScenarioError` (nothing changed)
 * when it is not valid, a {@link ScenarioApplyError} (state put back) when a server refuses it.
 */
export async function loadScenario(
  sandbox: ScenarioSandbox,
  source: ScenarioSource,
): Promise<LoadedScenario> {
  const scenario = await readScenario(source, {
    addresses: sandbox.addresses,
    tenant: await tenantOf(sandbox.idp),
  })
  const before = await exportScenario(sandbox, sandbox.addresses, sandbox.passwords).catch(() => null)
  const knownBefore = new Map(sandbox.passwords)
  try {
    await rebuild(sandbox, scenario)
  } catch (error) {
    const stepName = error instanceof ScenarioStepError ? error.step : 'applying the scenario'
    const reason = error instanceof ScenarioStepError ? error.reason : error
    sandbox.passwords.clear()
    for (const [upn, password] of knownBefore) sandbox.passwords.set(upn, password)
    const restored = await restore(sandbox, before)
    throw new ScenarioApplyError(
      stepName,
      reason instanceof Error ? reason.message : String(reason),
      restored,
    )
  }
  const tenant = await tenantOf(sandbox.idp)
  return {
    users: (scenario.entra?.users ?? []).map((u) => ({
      userPrincipalName: u.userPrincipalName,
      password: sandbox.passwords.get(u.userPrincipalName.toLowerCase()) ?? '',
    })),
    adminUserPrincipalName: `admin@${tenant.domain}`,
  }
}

async function restore(sandbox: ScenarioSandbox, before: Scenario | null): Promise<boolean> {
  try {
    if (!before) {
      await Promise.all([sandbox.idp.reset(), sandbox.sp.reset()])
      return false
    }
    const scenario = await readScenario(before as unknown as Record<string, unknown>, {
      addresses: sandbox.addresses,
      tenant: await tenantOf(sandbox.idp),
    })
    await rebuild(sandbox, scenario)
    return true
  } catch {
    return false
  }
}

const HEADER = `# An SSO sandbox scenario (sso-rehearsal-sandbox). Load it with
# startSandbox({ scenario: 'this-file.yaml' }) or pnpm start --scenario this-file.yaml.
`

/** A scenario as YAML text, as `exportScenario` writes it. */
export function formatScenario(scenario: Scenario): string {
  return HEADER + stringify(scenario, { lineWidth: 0 })
}

/** Exports both servers' state as scenario YAML, and writes it to `file` when given. */
export async function exportScenarioText(sandbox: ScenarioSandbox, file?: string): Promise<string> {
  const text = formatScenario(await exportScenario(sandbox, sandbox.addresses, sandbox.passwords))
  if (file) await writeFile(file, text, 'utf8')
  return text
}
