import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cliBundleOf } from './cli-bundles'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A CLI process started from the repository's TypeScript sources. */
export interface CliRun {
  readonly child: ChildProcess
  /** Everything printed so far on stdout and stderr. */
  output(): string
  /** What was printed on stdout alone (a --json answer, without stderr's warnings). */
  stdout(): string
  /** Resolves with the exit code (or the signal name). */
  readonly exited: Promise<number | string>
  /** Resolves when `pattern` appears in the output; rejects if the process exits first or on timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
}

/** Runs `scripts/<script>` (or any TS entry point), from this run's bundle of it or else with tsx, in `cwd`, with `stdin` as its standard input if given. */
export function runCli(
  entry: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {},
): CliRun {
  const bundle = cliBundleOf(entry)
  const program = bundle === null ? ['--import', 'tsx', join(ROOT, entry)] : [bundle]
  const child = spawn(process.execPath, [...program, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  })
  if (options.stdin !== undefined) child.stdin?.end(options.stdin)
  let text = ''
  let out = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer): void => {
    text += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    onData(chunk)
  })
  child.stderr?.on('data', onData)
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  )
  return {
    child,
    output: () => text,
    stdout: () => out,
    exited,
    waitFor: (pattern, timeoutMs = 45_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = text.match(pattern)
          if (match) {
            listeners.delete(check)
            clearTimeout(timer)
            resolve(match)
          }
        }
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern}; output:\n${text}`)),
          timeoutMs,
        )
        listeners.add(check)
        exited.then(() => {
          check()
          if (listeners.has(check)) {
            clearTimeout(timer)
            reject(new Error(`process exited before ${pattern}; output:\n${text}`))
          }
        })
        check()
      }),
  }
}
