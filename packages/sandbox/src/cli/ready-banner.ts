import type { IdpFirstStart } from '@sandbox/idp'
import { commandNames } from './cli-host'

/** What the ready banner reports. */
export interface ReadyFacts {
  readonly idpUrl: string
  readonly spUrl: string
  readonly tenantId: string
  readonly orgId: string
  readonly dataDir: string | null
  readonly firstStart: IdpFirstStart | null
  readonly startupMs: number
  /** Bearer tokens of the Graph-shaped API and of Control Hub's API (sandbox-only secrets). */
  readonly graphApiToken: string
  readonly controlHubToken: string
  /** Control Hub's built-in administrator; its password works even with SSO on. */
  readonly controlHubAdmin?: { readonly email: string; readonly password: string }
  /** The password is shown only on the start that created the administrator, as Entra's. */
  readonly controlHubAdminCreated?: boolean
}

/**
 * The lines a person sees when the sandbox is up: where to click, how to sign in, what to
 * do first. The last line is the one scripts wait for ("Sandbox ready").
 */
export function formatReadyBanner(facts: ReadyFacts): string {
  const rows: [string, string][] = [
    ['Entra admin center', `${facts.idpUrl}/`],
    ['My Apps', `${facts.idpUrl}/myapps`],
    ['Webex Control Hub', `${facts.spUrl}/admin`],
    ['Webex sign-in', `${facts.spUrl}/`],
  ]
  const lines = [
    'SSO rehearsal sandbox: Microsoft Entra ID (IdP) + Cisco Webex (SP), offline',
    ...rows.map(([label, url]) => `  ${label.padEnd(20)}${url}`),
    `  ${'Tenant ID'.padEnd(20)}${facts.tenantId}`,
    `  ${'Webex org ID'.padEnd(20)}${facts.orgId}`,
    `  ${'State'.padEnd(20)}${facts.dataDir ?? 'in memory (ephemeral: nothing is saved)'}`,
  ]
  lines.push(
    `  ${'Graph API token'.padEnd(20)}${facts.graphApiToken}   (${facts.idpUrl}/v1.0, packages/idp/API.md)`,
    `  ${'Control Hub token'.padEnd(20)}${facts.controlHubToken}   (${facts.spUrl}/api/v1, packages/sp/API.md)`,
  )
  if (facts.dataDir)
    lines.push(`  ${''.padEnd(20)}(both also in ${facts.dataDir}/running.json while this runs)`)
  if (facts.controlHubAdmin) {
    const secret = facts.controlHubAdminCreated
      ? `password ${facts.controlHubAdmin.password}`
      : facts.dataDir
        ? `(its secret: sp.controlHubAdmin in ${facts.dataDir}/running.json)`
        : ''
    lines.push(
      `  ${'Control Hub admin'.padEnd(20)}${facts.controlHubAdmin.email}  ${secret}`.trimEnd(),
      `  ${''.padEnd(20)}(works with SSO on too; or ${facts.spUrl}/manage-sso, which prints a one-time PIN here)`,
    )
  }
  if (facts.firstStart) {
    lines.push(
      `  ${'Entra admin'.padEnd(20)}${facts.firstStart.adminUserPrincipalName}  password ${facts.firstStart.adminPassword}`,
      `  ${''.padEnd(20)}(shown only on this first start: note it now)`,
    )
  }
  const names = commandNames()
  const width = Math.max(names.rehearse.length, `${names.tools} ca export`.length) + 3
  lines.push(
    'First steps:',
    `  1. ${names.rehearse.padEnd(width)}runs the whole "Entra SSO with Cisco Webex" tutorial against this sandbox`,
    `  2. or by hand: ${facts.idpUrl}/ > Enterprise applications > New application > "Cisco Webex"`,
    `  3. ${`${names.tools} ca export`.padEnd(width)}writes the sandbox root CA, to trust it in a browser for --https`,
    `Sandbox ready in ${facts.startupMs} ms. Press Ctrl-C to stop.`,
  )
  return `${lines.join('\n')}\n`
}
