import { runStartCommand } from 'sso-rehearsal-sandbox/cli'
import { useRepositoryHost } from './lib/repo-cli-host'

/** `pnpm start`: the package's `sso-sandbox start`. */
useRepositoryHost()
runStartCommand(process.argv.slice(2))
