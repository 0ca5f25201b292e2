import type { AdminApiSource } from './tutorial-snapshot'
import { readTutorialState, type TutorialState } from './tutorial-state'

/** Which console a server is: the Entra admin center or Control Hub. */
export type TrainingSide = 'entra' | 'webex'

/** The product each side emulates, as the progress panel names it. */
export const EMULATOR_NAMES: Readonly<Record<TrainingSide, string>> = {
  entra: 'The Entra ID emulator',
  webex: 'The Webex emulator',
}

/**
 * The read side of training mode: where the class stands, computed from both servers, and where
 * each console is. `readState` only reads (GETs over HTTP with a short timeout), so a console can
 * call it on every page without changing anything.
 */
export interface TrainingStateLink {
  readState(): Promise<TutorialState>
  /** The public base URL of each console, for links from one console to the other. */
  readonly consoleUrls: Readonly<Record<TrainingSide, string>>
}

/**
 * Held on the shared `Runtime`: servers never import each other, so whoever starts both (the
 * sandbox) binds the link once both listen. Training mode itself is kept by each server in its
 * own state; switching it in one console is announced here, so the other console follows.
 */
export interface TrainingStateSlot {
  /** The link, or null while only one server runs in this process. */
  current(): TrainingStateLink | null
  bind(link: TrainingStateLink): void
  /** A server registers how it sets its own training mode when the other console switches it. */
  followMode(side: TrainingSide, apply: (on: boolean) => Promise<void>): void
  /** Tells every other server that `side` switched training mode. */
  announceMode(side: TrainingSide, on: boolean): Promise<void>
}

export function createTrainingStateSlot(): TrainingStateSlot {
  let link: TrainingStateLink | null = null
  const followers = new Map<TrainingSide, (on: boolean) => Promise<void>>()
  return {
    current: () => link,
    bind(next) {
      link = next
    },
    followMode(side, apply) {
      followers.set(side, apply)
    },
    async announceMode(side, on) {
      for (const [other, apply] of followers) if (other !== side) await apply(on)
    },
  }
}

/** Both servers' admin APIs, as the sandbox knows them once both listen. */
export interface LinkedServers {
  readonly entra: AdminApiSource
  readonly webex: AdminApiSource
  readonly consoleUrls: Readonly<Record<TrainingSide, string>>
  /** PEM of the sandbox root, when the servers speak https. */
  readonly ca?: string
  readonly timeoutMs?: number
}

/** The link over both servers' admin APIs (read-only, 2 s per request unless told otherwise). */
export function trainingStateLinkOver(servers: LinkedServers): TrainingStateLink {
  return {
    consoleUrls: servers.consoleUrls,
    readState: () =>
      readTutorialState({
        entra: servers.entra,
        webex: servers.webex,
        ...(servers.ca ? { ca: servers.ca } : {}),
        timeoutMs: servers.timeoutMs ?? 2000,
      }),
  }
}

/**
 * What a server started on its own reads: itself only. The other side is reported as not
 * running here, so its steps are unknown rather than "not done".
 */
export function loneServerState(
  side: TrainingSide,
  own: AdminApiSource,
  options: { readonly ca?: string; readonly timeoutMs?: number } = {},
): Promise<TutorialState> {
  const other: TrainingSide = side === 'entra' ? 'webex' : 'entra'
  return readTutorialState({
    entra: side === 'entra' ? own : null,
    webex: side === 'webex' ? own : null,
    missing: `${EMULATOR_NAMES[other]} is not running here`,
    ...(options.ca ? { ca: options.ca } : {}),
    timeoutMs: options.timeoutMs ?? 2000,
  })
}
