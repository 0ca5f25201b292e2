// A benchmark server process: one of the two servers, started the way `pnpm start:idp` and
// `pnpm start:sp` start them, that reports its URL and admin token as one JSON line on stdout
// so the benchmark can set it up and load it from another process. Bundled by bundle.ts.
import { startIdp } from '@sandbox/idp'
import { createRuntime, stopOnSignals } from '@sandbox/shared'
import { startSp } from '@sandbox/sp'

/** The line a {@link main} prints once its server listens. */
export interface ChildReady {
  readonly role: 'idp' | 'sp'
  readonly url: string
  readonly token: string
}

async function main(): Promise<void> {
  const [role, dataDir] = process.argv.slice(2)
  if ((role !== 'idp' && role !== 'sp') || !dataDir)
    throw new Error('usage: server-child.mjs idp|sp DATA_DIR')
  const config = { host: '127.0.0.1', dataDir, reset: false, https: false, port: 0, publicUrl: undefined }
  const runtime = await createRuntime({
    dataDir,
    reset: false,
    prefetchKeys: role === 'idp' ? 1 : 2,
    log: () => undefined,
  })
  const ready: ChildReady =
    role === 'idp'
      ? await startIdp(config, runtime).then((idp) => {
          stopOnSignals(() => idp.close())
          return { role, url: idp.url, token: idp.graphApiToken }
        })
      : await startSp(config, runtime).then((sp) => {
          stopOnSignals(() => sp.close())
          return { role, url: sp.url, token: sp.adminApiToken }
        })
  process.stdout.write(`${JSON.stringify(ready)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
