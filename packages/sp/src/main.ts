import { existsSync } from 'node:fs'
import {
  ConfigError,
  createRuntime,
  formatHelp,
  StartupError,
  statePaths,
  stopOnSignals,
  tuneServerHeap,
} from '@sandbox/shared'
import { loadSpConfig, SP_FLAGS } from './config'
import { startSp } from './server'

/** `pnpm start:sp`: runs the Webex emulator on its own. */
async function main(): Promise<void> {
  tuneServerHeap()
  const argv = process.argv.slice(2)
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp('Usage: pnpm start:sp [options]', SP_FLAGS))
    return
  }
  const config = loadSpConfig(argv, process.env, process.cwd())
  const coldStart = config.dataDir === null || config.reset || !existsSync(statePaths(config.dataDir).sp)
  const runtime = await createRuntime({
    dataDir: config.dataDir,
    reset: config.reset,
    prefetchKeys: coldStart ? 2 : 0,
  })
  const sp = await startSp(config, runtime)
  stopOnSignals(() => sp.close())
  // performance.now() counts from process start, so module loading is included.
  const ms = Math.round(performance.now())
  const lines = [
    `Webex emulator ready in ${ms} ms: Control Hub ${sp.url}/admin (org ${sp.orgId})`,
    `Sign-on URL and ACS: ${sp.url}/idb/Consumer/metaAlias/${sp.orgId}/sp  (defaults; GET /api/v1/org shows the current ones)`,
    `Control Hub API: ${sp.url}/api/v1  (Authorization: Bearer ${sp.adminApiToken}; see packages/sp/API.md)`,
    `SCIM: ${sp.url}/identity/scim/${sp.orgId}/v2  (Authorization: Bearer ${sp.scimToken})`,
  ]
  if (sp.firstStart) lines.push('New organization: no SSO configured yet (Control Hub > Authentication).')
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
