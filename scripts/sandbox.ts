import { runCommand } from '@sandbox/shared'
import { ApiError } from 'sso-rehearsal-sandbox'
import { runToolsCommand } from 'sso-rehearsal-sandbox/cli'
import { useRepositoryHost } from './lib/repo-cli-host'

/** `pnpm sandbox <command>`: the package's `sso-sandbox <command>` (ca export, inspect, login, …). */
useRepositoryHost()
runCommand(() => runToolsCommand(process.argv.slice(2)), { explained: [ApiError] })
