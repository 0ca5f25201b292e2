import { createPrivateKey } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import {
  ConfigError,
  createInspectionContext,
  createOptionReader,
  type DecryptionKey,
  type FlagSpec,
  formatHelp,
  formatInspectionText,
  idpContextFromMetadata,
  inspectSaml,
  MAX_INSPECT_INPUT_BYTES,
  parseCommandLine,
  parseInstant,
  readCertificateFile,
  StartupError,
  spContextFromMetadata,
  terminalSafe,
} from '@sandbox/shared'
import { INSPECTOR_ACS_CHECKS } from '@sandbox/sp'
import { commandNames } from './cli-host'
import {
  type ContextPart,
  entraAppContext,
  sandboxAuthorities,
  sandboxDecryptionKey,
  webexOrgContext,
} from './inspect-sandbox-context'

/**
 * `inspect FILE|-`: the offline SAML inspector on the command line (`pnpm sandbox inspect`,
 * and the package CLI's `sso-sandbox inspect`). It gathers the context from flags, files, the
 * data directory and the running sandbox, runs the engine, and prints text or JSON. Exit
 * status: 0 when no check failed, 1 when one did, 2 when the input or the context is unusable.
 */

const usage = () => `Usage: ${commandNames().tools} inspect FILE|- [options]`

const DESCRIPTION = `Explains a SAML message offline: a SAMLRequest, SAMLResponse, LogoutRequest/Response or
metadata, as raw XML, base64, deflated base64, a URL or query string, a form-encoded POST body,
an HTML auto-post page, or a HAR file (every SAML message in it). FILE - reads standard input.
Prints the decoded XML, a summary, the signature and certificate verdicts, and the checks the
Webex ACS (or Entra) makes, each failure with its fix. Nothing leaves this machine.
Exit status: 0 every check passed, 1 a check failed, 2 unusable input.`

export const INSPECT_FLAGS: readonly FlagSpec[] = [
  { name: 'json', type: 'boolean', description: 'Print the report as JSON.' },
  { name: 'cert', type: 'string', description: 'The certificate that should have signed it (PEM or DER).' },
  {
    name: 'idp-metadata',
    type: 'string',
    description: "The IdP's metadata (Entra's Federation Metadata XML).",
  },
  { name: 'sp-metadata', type: 'string', description: "The SP's metadata (Webex's, from Control Hub)." },
  { name: 'key', type: 'string', description: 'A private key (PEM) to decrypt an EncryptedAssertion with.' },
  {
    name: 'app',
    type: 'string',
    description: 'An Entra app of the running sandbox (Object ID or Application ID).',
  },
  { name: 'org', type: 'string', description: 'The Webex org of the running sandbox (its org ID).' },
  {
    name: 'at',
    type: 'string',
    description: 'Judge times as of this instant: ISO 8601, or relative (-2h, +30m).',
  },
  {
    name: 'data-dir',
    type: 'string',
    description: "The sandbox's data directory (default .sandbox): its CA, its SP key, its running servers.",
  },
  { name: 'help', type: 'boolean', description: 'Show this help.' },
]

/** Where the command reads and writes; the defaults are the process's. */
export interface InspectIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stdin: () => Promise<string>
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly now: () => number
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    // Read one byte past the limit, so that the engine refuses the input by its size.
    if (size > MAX_INSPECT_INPUT_BYTES + 1) break
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const PROCESS_IO: InspectIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: readStdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => Date.now(),
}

/** Reads a file named on the command line, or says which flag named a file that cannot be read. */
async function readNamed(path: string, flag: string, limit: number): Promise<Buffer> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new ConfigError([`${flag} ${path} is not a file.`])
    if (info.size > limit)
      throw new ConfigError([`${flag} ${path} is ${info.size} bytes; at most ${limit} are read.`])
    return await readFile(path)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError([
      `${flag} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    ])
  }
}

const FILE_LIMIT = 2 * 1024 * 1024

interface Flags {
  readonly input: string
  readonly json: boolean
  readonly cert: string | undefined
  readonly idpMetadata: string | undefined
  readonly spMetadata: string | undefined
  readonly key: string | undefined
  readonly app: string | undefined
  readonly org: string | undefined
  readonly at: number
  readonly dataDir: string
}

function readFlags(argv: readonly string[], io: InspectIo): Flags {
  const { raw, unknown, positionals } = parseCommandLine(argv, io.env, INSPECT_FLAGS)
  const reader = createOptionReader(raw)
  for (const flag of unknown) reader.problem(`Unknown option ${flag}; see --help.`)
  if (positionals.length !== 1)
    reader.problem(
      positionals.length === 0
        ? 'Give the file to inspect, or - to read standard input.'
        : `Give one file to inspect; got ${positionals.length} (${positionals.join(', ')}).`,
    )
  const file = (flag: string): string | undefined => {
    const value = reader.optionalString({ flag })
    return value === undefined ? undefined : resolve(io.cwd, value)
  }
  const atText = reader.optionalString({ flag: 'at' })
  const now = io.now()
  const at = atText === undefined ? { ok: true as const, value: now } : parseInstant(atText, now)
  if (!at.ok) reader.problem(`--at: ${at.error}`)
  const flags: Flags = {
    input: positionals[0] ?? '-',
    json: reader.boolean({ flag: 'json' }, false),
    cert: file('cert'),
    idpMetadata: file('idp-metadata'),
    spMetadata: file('sp-metadata'),
    key: file('key'),
    app: reader.optionalString({ flag: 'app' }),
    org: reader.optionalString({ flag: 'org' }),
    at: at.ok ? at.value : now,
    dataDir: resolve(io.cwd, reader.string({ flag: 'data-dir', env: 'SANDBOX_DATA_DIR' }, '.sandbox')),
  }
  reader.finish()
  return flags
}

/** The context, most specific first: a file given on the command line wins over the running sandbox. */
async function contextOf(flags: Flags) {
  const parts: ContextPart[] = []
  if (flags.cert) {
    const signer = readCertificateFile(await readNamed(flags.cert, '--cert', FILE_LIMIT))
    if (!signer.ok) throw new ConfigError([`--cert ${flags.cert}: ${signer.error}`])
    const given = {
      value: [signer.value],
      origin: { kind: 'certificate', label: basename(flags.cert) },
    } as const
    parts.push({ idpSigners: given, spSigners: given })
  }
  for (const [flag, path, read] of [
    ['--idp-metadata', flags.idpMetadata, idpContextFromMetadata],
    ['--sp-metadata', flags.spMetadata, spContextFromMetadata],
  ] as const) {
    if (!path) continue
    const kind = flag === '--idp-metadata' ? 'idp-metadata' : 'sp-metadata'
    const part = read((await readNamed(path, flag, FILE_LIMIT)).toString('utf8'), {
      kind,
      label: basename(path),
    })
    if (!part.ok) throw new ConfigError([`${flag} ${path}: ${part.error}`])
    parts.push(part.value)
  }
  if (flags.org) parts.push(await webexOrgContext(flags.dataDir, flags.org))
  if (flags.app) parts.push(await entraAppContext(flags.dataDir, flags.app))
  const decryptionKeys: DecryptionKey[] = []
  if (flags.key) {
    const pem = (await readNamed(flags.key, '--key', FILE_LIMIT)).toString('utf8')
    try {
      decryptionKeys.push({ key: createPrivateKey(pem), label: `--key ${basename(flags.key)}` })
    } catch {
      throw new ConfigError([
        `--key ${flags.key} is not a private key: expected a PEM file (-----BEGIN PRIVATE KEY-----).`,
      ])
    }
  }
  const sandboxKnown = existsSync(flags.dataDir)
  const sandboxKey = sandboxKnown ? await sandboxDecryptionKey(flags.dataDir) : null
  if (sandboxKey) decryptionKeys.push(sandboxKey)
  const merged: ContextPart = {}
  // Earlier parts are more specific: fill each value from the first part that has it.
  for (const part of parts)
    for (const [name, value] of Object.entries(part) as [keyof ContextPart, never][])
      if (merged[name] === undefined && value !== null && value !== undefined) merged[name] = value
  return createInspectionContext({
    ...merged,
    at: flags.at,
    decryptionKeys,
    authorities: sandboxKnown ? await sandboxAuthorities(flags.dataDir) : null,
  })
}

async function readInput(flags: Flags, io: InspectIo): Promise<string> {
  if (flags.input === '-') return io.stdin()
  return (await readNamed(resolve(io.cwd, flags.input), 'The file', MAX_INSPECT_INPUT_BYTES + 1)).toString(
    'utf8',
  )
}

/**
 * Runs `inspect` with `argv` (the arguments after the word `inspect`) and returns the exit
 * status. Usage errors and unusable input or context are reported on stderr (and, with
 * --json, as `{"error": {code, message}}` on stdout) with status 2.
 */
export async function runInspectCommand(
  argv: readonly string[],
  given: Partial<InspectIo> = {},
): Promise<number> {
  const io: InspectIo = { ...PROCESS_IO, ...given }
  if (argv.includes('--help')) {
    io.stdout(`${formatHelp(usage(), INSPECT_FLAGS)}\n${DESCRIPTION}\n`)
    return 0
  }
  const json = argv.includes('--json')
  const refuse = (code: string, message: string, hint = ''): number => {
    io.stderr(`${terminalSafe(message)}\n${hint}`)
    if (json) io.stdout(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`)
    return 2
  }
  try {
    const flags = readFlags(argv, io)
    const input = await readInput(flags, io)
    const report = inspectSaml(input, {
      context: await contextOf(flags),
      responseChecks: INSPECTOR_ACS_CHECKS,
    })
    if (!report.ok) return refuse(report.error.code, report.error.message)
    io.stdout(flags.json ? `${JSON.stringify(report.value, null, 2)}\n` : formatInspectionText(report.value))
    return report.value.exitCode
  } catch (error) {
    if (error instanceof ConfigError)
      return refuse('USAGE', error.problems.join('\n'), `${usage()} (see --help)\n`)
    if (error instanceof StartupError) return refuse('CONTEXT', error.message)
    if (error instanceof Error && error.name === 'ApiError') return refuse('CONTEXT', error.message)
    throw error
  }
}
