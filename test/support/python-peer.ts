import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ROOT } from './cli'

/**
 * Debian's python3, which carries python3-pysaml2 and python3-onelogin-saml2 (a pyenv python
 * on PATH may lack them).
 */
export const SYSTEM_PYTHON = '/usr/bin/python3'

/** One SAML library in a Python process, driven by one JSON line in and one JSON line out per call. */
export interface PythonPeer {
  call<T>(command: string, input?: Record<string, unknown>): Promise<T>
  close(): Promise<void>
}

/** Fails with how to install `module` when the system python cannot import it. */
export function requirePythonModule(module: string, debianPackage: string): void {
  try {
    execFileSync(SYSTEM_PYTHON, ['-c', `import ${module}`], { stdio: 'pipe' })
  } catch {
    throw new Error(
      `${SYSTEM_PYTHON} cannot import ${module}: install Debian's ${debianPackage} (bash scripts/install-test-deps.sh).`,
    )
  }
}

/**
 * Starts `test/support/peers/<script>` once (one process per test file, not per case). Each
 * call writes `{"command", ...input}` and reads one answer: `{"ok": true, "value"}` or
 * `{"ok": false, "error"}` (a Python exception, which fails the call with its text).
 */
export function startPythonPeer(script: string): PythonPeer {
  const child: ChildProcessWithoutNullStreams = spawn(
    SYSTEM_PYTHON,
    [join(ROOT, 'test/support/peers', script)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
    },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString()}`.slice(-8000)
  })
  const waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = []
  let exited: string | null = null
  const lines = createInterface({ input: child.stdout })
  lines.on('line', (line) => waiting.shift()?.resolve(line))
  child.on('exit', (code, signal) => {
    exited = `${script} exited (${code ?? signal}); its stderr:\n${stderr}`
    for (const w of waiting.splice(0)) w.reject(new Error(exited))
  })
  return {
    async call<T>(command: string, input: Record<string, unknown> = {}): Promise<T> {
      if (exited) throw new Error(exited)
      const line = await new Promise<string>((resolve, reject) => {
        waiting.push({ resolve, reject })
        child.stdin.write(`${JSON.stringify({ command, ...input })}\n`)
      })
      const answer = JSON.parse(line) as { ok: true; value: T } | { ok: false; error: string }
      if (!answer.ok) throw new Error(`${script} ${command}: ${answer.error}\nstderr:\n${stderr}`)
      return answer.value
    },
    async close() {
      if (exited) return
      const done = new Promise((resolve) => child.once('exit', resolve))
      child.stdin.end()
      await done
    },
  }
}
