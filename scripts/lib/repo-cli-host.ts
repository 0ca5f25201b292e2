import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StartupError } from '@sandbox/shared'
import { useCliHost } from 'sso-rehearsal-sandbox/cli'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The repository's scripts run the package's commands under their pnpm names; a background
 * sandbox is `pnpm start`'s bundle, built first so that it runs the current sources.
 */
export function useRepositoryHost(): void {
  useCliHost({
    names: { start: 'pnpm start', rehearse: 'pnpm rehearse', tools: 'pnpm sandbox' },
    backgroundStart: () => ({
      args: [join(ROOT, 'dist/start.mjs')],
      cwd: ROOT,
      prepare: () => {
        const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
          cwd: ROOT,
          encoding: 'utf8',
        })
        if (build.status !== 0)
          throw new StartupError(`Could not build the sandbox (node scripts/build.mjs):\n${build.stderr}`)
      },
    }),
  })
}
