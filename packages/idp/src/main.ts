import {
  ConfigError,
  createRuntime,
  formatHelp,
  StartupError,
  stopOnSignals,
  tuneServerHeap,
} from '@sandbox/shared'
import { IDP_FLAGS, loadIdpConfig } from './config'
import { startIdp } from './server'

/** `pnpm start:idp`: runs the Entra ID emulator on its own. */
async function main(): Promise<void> {
  tuneServerHeap()
  const argv = process.argv.slice(2)
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp('Usage: pnpm start:idp [options]', IDP_FLAGS))
    return
  }
  const config = loadIdpConfig(argv, process.env, process.cwd())
  const runtime = await createRuntime({ dataDir: config.dataDir, reset: config.reset })
  const idp = await startIdp(config, runtime)
  stopOnSignals(() => idp.close())
  // performance.now() counts from process start, so module loading is included.
  const ms = Math.round(performance.now())
  const lines = [`Entra ID emulator ready in ${ms} ms: ${idp.url}/ (tenant ${idp.tenantId})`]
  lines.push(
    `Graph API: ${idp.url}/v1.0  (Authorization: Bearer ${idp.graphApiToken})`,
    `Token endpoint: ${idp.url}/${idp.tenantId}/oauth2/v2.0/token  client_id ${idp.automationClient.clientId}  client_secret ${idp.automationClient.clientSecret}`,
  )
  if (idp.firstStart) {
    lines.push(
      `Admin account: ${idp.firstStart.adminUserPrincipalName}  password: ${idp.firstStart.adminPassword}  (shown once)`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`${error instanceof StartupError ? error.message : (error as Error).stack}\n`)
  process.exit(1)
})
