import type { RunningIdp } from '@sandbox/idp'
import type { Runtime } from '@sandbox/shared'
import type { RunningSp } from '@sandbox/sp'
import { createSandboxClassroom } from './sandbox-classroom'

/**
 * Hands both servers the classroom actions, once both listen: the actions call both admin APIs,
 * which is why neither server can build them itself.
 */
export async function connectClassroom(
  servers: { readonly idp: RunningIdp; readonly sp: RunningSp; readonly runtime: Runtime },
  options: { readonly dataDir: string | null; readonly https: boolean },
): Promise<void> {
  const ca = options.https ? { ca: servers.runtime.ca.root.certificatePem } : {}
  const classroom = await createSandboxClassroom({
    idp: { baseUrl: servers.idp.url, token: servers.idp.graphApiToken, ...ca },
    sp: { baseUrl: servers.sp.url, token: servers.sp.adminApiToken, ...ca },
    dataDir: options.dataDir,
    now: () => servers.runtime.clock.now(),
  })
  servers.runtime.classroom?.connect(classroom)
}
