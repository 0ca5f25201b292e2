import { type IdpConfig, type IdpFirstStart, type RunningIdp, startIdp } from '@sandbox/idp'
import {
  type Clock,
  COMMON_DEFAULTS,
  type CommonServerConfig,
  createRuntime,
  createTrainingStateSlot,
  type IdGenerator,
  type KeyPool,
  type Log,
  type Runtime,
  type Scheduler,
  trainingStateLinkOver,
} from '@sandbox/shared'
import { type RunningSp, type SpConfig, startSp } from '@sandbox/sp'
import { connectClassroom } from './classroom/connect-classroom'
import { assertPortsFree } from './port-probe'

/** Options for {@link startSandboxServers}; everything has a default suited to tests (ephemeral, free ports). */
export interface SandboxOptions {
  /** Data directory, or null (the default) to keep everything in memory. */
  readonly dataDir?: string | null
  readonly reset?: boolean
  readonly https?: boolean
  readonly host?: string
  /** 0 (the default) picks a free port. */
  readonly idpPort?: number
  readonly spPort?: number
  readonly idpPublicUrl?: string
  readonly spPublicUrl?: string
  /** Turn training mode on in both consoles at start. */
  readonly training?: boolean
  readonly clock?: Clock
  readonly ids?: IdGenerator
  /** How background work (provisioning cycles, retry back-off) waits; default: real timers. */
  readonly scheduler?: Scheduler
  /** Where the servers' keys come from (default: generated on the thread pool). */
  readonly keys?: KeyPool
  /** Separate ids and keys per server (see {@link startSandboxWithConfig}). */
  readonly perServer?: { readonly idp: ServerSources; readonly sp: ServerSources }
  /** Where operational messages go (default: nowhere). */
  readonly log?: Log
}

/** What one server gets instead of the shared runtime's ids and keys (the deterministic mode). */
export interface ServerSources {
  readonly ids: IdGenerator
  readonly keys: KeyPool
}

/** Both servers, running in this process. */
export interface RunningSandbox {
  readonly idp: RunningIdp
  readonly sp: RunningSp
  readonly runtime: Runtime
  /** Stops both servers and flushes their state. */
  close(): Promise<void>
}

/** The resolved per-server configs of a sandbox. */
export interface SandboxConfig {
  readonly idp: IdpConfig
  readonly sp: SpConfig
}

/** Starts both servers from resolved configs, sharing one runtime (one CA, one key pool). */
export async function startSandboxWithConfig(
  config: SandboxConfig,
  extras: {
    clock?: Clock
    ids?: IdGenerator
    keys?: KeyPool
    log?: Log
    scheduler?: Scheduler
    /**
     * Separate ids and keys for each server, so that what one server mints never depends on
     * how its requests interleave with the other's: the deterministic mode's byte-stable output.
     */
    perServer?: { readonly idp: ServerSources; readonly sp: ServerSources }
  } = {},
): Promise<RunningSandbox> {
  const common: CommonServerConfig = config.idp
  await assertPortsFree(common.host, [
    { label: 'The Entra ID emulator', port: config.idp.port },
    { label: 'The Webex emulator', port: config.sp.port },
  ])
  // Keys a first start needs (the IdP's tenant key; the SP's signing and encryption keys) are
  // generated on the thread pool while the rest of start-up runs.
  const shared = await createRuntime({
    dataDir: common.dataDir,
    reset: common.reset,
    // Servers with their own key pools draw their first-start keys from those.
    firstStartKeys: extras.perServer ? {} : { idp: 1, sp: 2 },
    ...(extras.clock ? { clock: extras.clock } : {}),
    ...(extras.ids ? { ids: extras.ids } : {}),
    ...(extras.keys ? { keys: extras.keys } : {}),
    ...(extras.log ? { log: extras.log } : {}),
    ...(extras.scheduler ? { scheduler: extras.scheduler } : {}),
  })
  // Servers never import each other: the training panel of each reads both through this slot,
  // bound below once both listen.
  const training = createTrainingStateSlot()
  const runtime: Runtime = { ...shared, training }
  const idpRuntime: Runtime = extras.perServer ? { ...runtime, ...extras.perServer.idp } : runtime
  const spRuntime: Runtime = extras.perServer ? { ...runtime, ...extras.perServer.sp } : runtime
  const [idp, sp] = await Promise.allSettled([
    startIdp(config.idp, idpRuntime),
    startSp(config.sp, spRuntime),
  ])
  if (idp.status === 'rejected' || sp.status === 'rejected') {
    if (idp.status === 'fulfilled') await idp.value.close()
    if (sp.status === 'fulfilled') await sp.value.close()
    throw idp.status === 'rejected' ? idp.reason : (sp as PromiseRejectedResult).reason
  }
  await connectClassroom({ idp: idp.value, sp: sp.value, runtime }, common)
  training.bind(
    trainingStateLinkOver({
      entra: { baseUrl: idp.value.url, token: idp.value.graphApiToken },
      webex: { baseUrl: sp.value.url, token: sp.value.adminApiToken },
      consoleUrls: { entra: idp.value.url, webex: sp.value.url },
      ...(common.https ? { ca: runtime.ca.root.certificatePem } : {}),
    }),
  )
  return {
    idp: idp.value,
    sp: sp.value,
    runtime,
    close: async () => {
      await Promise.all([idp.value.close(), sp.value.close()])
    },
  }
}

/**
 * Starts the IdP and the SP in this process: ephemeral state and free ports unless told
 * otherwise. The two servers only; {@link startSandbox} adds the clients and helpers.
 */
export function startSandboxServers(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const common: CommonServerConfig = {
    host: options.host ?? COMMON_DEFAULTS.host,
    dataDir: options.dataDir ?? null,
    reset: options.reset ?? false,
    https: options.https ?? false,
    ...(options.training ? { training: true } : {}),
  }
  return startSandboxWithConfig(
    {
      idp: { ...common, port: options.idpPort ?? 0, publicUrl: options.idpPublicUrl },
      sp: { ...common, port: options.spPort ?? 0, publicUrl: options.spPublicUrl },
    },
    {
      log: options.log ?? (() => undefined),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.ids ? { ids: options.ids } : {}),
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
      ...(options.keys ? { keys: options.keys } : {}),
      ...(options.perServer ? { perServer: options.perServer } : {}),
    },
  )
}

export type { IdpFirstStart }
