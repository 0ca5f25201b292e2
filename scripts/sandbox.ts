import {
  COMMON_FLAGS,
  ConfigError,
  createOptionReader,
  createRuntime,
  type FlagSpec,
  formatHelp,
  parseCommandLine,
  readCommonServerOptions,
  StartupError,
} from '@sandbox/shared'
import { exportRootCa } from './lib/ca-export'

/** `pnpm sandbox <command>`: tools around a sandbox (running or not). */
const USAGE = `Usage: pnpm sandbox <command> [options]

Commands:
  ca export [--out FILE] [--format pem|der]   Write the sandbox root CA, to trust it in a browser or OS store`

const CA_FLAGS: readonly FlagSpec[] = [
  {
    name: 'out',
    type: 'string',
    description: 'File to write (default sandbox-root-ca.pem, or .cer for DER).',
  },
  { name: 'format', type: 'string', description: 'pem (default) or der.' },
  ...COMMON_FLAGS.filter((f) => f.name === 'data-dir' || f.name === 'help'),
]

async function caExport(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp('Usage: pnpm sandbox ca export [options]', CA_FLAGS))
    return
  }
  const { raw, unknown } = parseCommandLine(argv, process.env, CA_FLAGS)
  const reader = createOptionReader(raw)
  for (const flag of unknown) reader.problem(`Unknown option ${flag}; see --help.`)
  const format = reader.oneOf({ flag: 'format' }, ['pem', 'der'] as const, 'pem')
  const out = reader.string({ flag: 'out' }, format === 'der' ? 'sandbox-root-ca.cer' : 'sandbox-root-ca.pem')
  const common = readCommonServerOptions(reader, process.cwd())
  reader.finish()
  // Loads the CA from the data directory, creating it exactly as a first start would.
  const runtime = await createRuntime({ dataDir: common.dataDir, reset: false })
  process.stdout.write(`${exportRootCa(runtime.ca, out, format)}\n`)
}

async function main(argv: readonly string[]): Promise<void> {
  const [group, command, ...rest] = argv
  if (group === 'ca' && command === 'export') return caExport(rest)
  if (!group || group === '--help' || group === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  throw new ConfigError([`Unknown command "${argv.slice(0, 2).join(' ')}".`, USAGE])
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`${error instanceof StartupError ? error.message : (error as Error).stack}\n`)
  process.exit(1)
})
