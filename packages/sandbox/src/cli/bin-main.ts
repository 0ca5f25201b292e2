import { ConfigError, runCommand } from '@sandbox/shared'
import { ApiError } from '../clients/api-request'
import { commandNames } from './cli-host'
import { runRehearseCommand } from './rehearse-command'
import { runStartCommand } from './start-command'
import { runToolsCommand, TOOLS_COMMAND_LINES, TOOLS_COMMANDS } from './tools-command'

const usage = (bin: string) => `Usage: ${bin} <command> [options]

Commands:
  start [--json] [--ephemeral] [--https] …    Start the Entra ID and Webex emulators until Ctrl-C (or SIGTERM);
                                              --json prints one ready line of JSON (URLs, ids, tokens)
  rehearse [--break NAME] [--step N] …        Run the tutorial against the sandbox (started in the background
                                              if none runs on the data directory)
${TOOLS_COMMAND_LINES}

Every command takes --help.`

/**
 * The `sso-sandbox` command line: `start` serves until a signal; every other command runs
 * to its end and exits with its status (2 for a bad command line).
 */
export function runSsoSandbox(argv: readonly string[]): void {
  const [command, ...rest] = argv
  if (command === 'start') {
    runStartCommand(rest)
    return
  }
  runCommand(
    async () => {
      if (command === 'rehearse') return runRehearseCommand(rest)
      if (command !== undefined && TOOLS_COMMANDS.includes(command)) return runToolsCommand(argv)
      const bin = commandNames().tools
      if (command === undefined || command === '--help' || command === 'help') {
        process.stdout.write(`${usage(bin)}\n`)
        return 0
      }
      throw new ConfigError([`Unknown command "${command}".`, usage(bin)])
    },
    { explained: [ApiError] },
  )
}
