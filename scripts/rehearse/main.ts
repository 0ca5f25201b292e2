import { runCommand } from '@sandbox/shared'
import { ApiError } from 'sso-rehearsal-sandbox'
import { runRehearseCommand } from 'sso-rehearsal-sandbox/cli'
import { useRepositoryHost } from '../lib/repo-cli-host'

/** `pnpm rehearse`: the package's `sso-sandbox rehearse`. */
useRepositoryHost()
runCommand(() => runRehearseCommand(process.argv.slice(2)), { explained: [ApiError] })
