import type { Runtime } from '../runtime'
import { EMULATOR_NAMES, loneServerState, type TrainingSide } from './training-state-link'
import type { AdminApiSource, EntraSnapshot, WebexSnapshot } from './tutorial-snapshot'
import type { TutorialState } from './tutorial-state'

/** How the panel shows a step or sub-step. */
export type StepStatus = 'done' | 'not-done' | 'unknown'

export interface PanelSubStep {
  readonly id: string
  readonly title: string
  readonly status: StepStatus
  /** The console where this sub-step is done. */
  readonly side: TrainingSide
  /** The screen where it is done: a path on this console, the other's full URL, or null when that console is not reachable. */
  readonly href: string | null
}

export interface PanelStep {
  readonly step: number
  readonly title: string
  readonly status: StepStatus
  readonly isNext: boolean
  readonly subSteps: readonly PanelSubStep[]
}

/** The tutorial's optional part, automatic provisioning of B.Simon, shown after the 7 steps. */
export interface PanelProvisioning {
  /** "Automatic user provisioning (optional)". */
  readonly heading: string
  readonly title: string
  readonly status: StepStatus
  readonly subSteps: readonly PanelSubStep[]
  /** The first provisioning sub-step not done, and where it happens; null when all are done or unknown. */
  readonly next: { readonly subStep: PanelSubStep; readonly linkLabel: string } | null
  readonly doneCount: number
  readonly total: number
}

/** What the progress panel, the trainer view and their tests read: no HTML, no I/O. */
export interface TrainingPanelModel {
  readonly steps: readonly PanelStep[]
  /** Outside {@link steps} and their count: a class that adds B Simon by hand is complete without it. */
  readonly provisioning: PanelProvisioning
  /** The first sub-step not done, and where it happens; null when all are done or nothing can be told. */
  readonly next: {
    readonly step: number
    readonly stepTitle: string
    readonly subStep: PanelSubStep
    /** e.g. "Open it in Control Hub". */
    readonly linkLabel: string
  } | null
  readonly doneCount: number
  readonly total: number
  readonly complete: boolean
  /** Sentences about servers that could not be read ("The Webex emulator is not running here"). */
  readonly notices: readonly string[]
}

export interface TrainingPanelInput {
  readonly state: TutorialState
  /** The console rendering the panel. */
  readonly here: TrainingSide
  /** The other console's public base URL, or null when it does not run alongside. */
  readonly peerUrl: string | null
}

const CONSOLE_NAMES: Readonly<Record<TrainingSide, string>> = {
  entra: 'the Microsoft Entra admin center',
  webex: 'Control Hub',
}

const ENTERPRISE_APPS = '/enterprise-apps'
const GALLERY = `${ENTERPRISE_APPS}/gallery`
const SSO_WIZARD = '/admin/settings/authentication/sso'

type Where = (entra: EntraSnapshot | undefined, webex: WebexSnapshot | undefined) => string

/** The app's page `suffix`, or the gallery while Cisco Webex is not added yet. */
const appPage =
  (suffix: string): Where =>
  (entra) =>
    entra?.app ? `${ENTERPRISE_APPS}/${encodeURIComponent(entra.app.servicePrincipalId)}${suffix}` : GALLERY

/** Where each sub-step of the tutorial is done: its console and the screen's path. */
const SCREENS: Readonly<Record<string, { side: TrainingSide; path: Where }>> = {
  'gallery-app': { side: 'entra', path: () => GALLERY },
  identifier: { side: 'entra', path: appPage('/saml') },
  'reply-url': { side: 'entra', path: appPage('/saml') },
  'saml-selected': { side: 'entra', path: appPage('/single-sign-on') },
  'sign-on-url': { side: 'entra', path: appPage('/saml?pane=basic-saml') },
  'uid-claim': { side: 'entra', path: appPage('/saml/claims') },
  'assertion-signed': { side: 'entra', path: appPage('/saml?pane=certificate') },
  'test-user': { side: 'entra', path: (e) => (e?.testUser ? '/users' : '/users/new') },
  'test-user-enabled': {
    side: 'entra',
    path: (e) => (e?.testUser ? `/users/${encodeURIComponent(e.testUser.id)}` : '/users/new'),
  },
  'test-user-assigned': { side: 'entra', path: appPage('/users/add') },
  'idp-metadata': { side: 'webex', path: () => `${SSO_WIZARD}?step=import` },
  'signing-certificate-trusted': { side: 'webex', path: () => `${SSO_WIZARD}?step=import` },
  'test-passed': { side: 'webex', path: () => `${SSO_WIZARD}?step=test` },
  'sso-enabled': { side: 'webex', path: () => `${SSO_WIZARD}?step=finish` },
  'webex-user': { side: 'webex', path: () => '/admin/users/manage' },
  'clocks-in-step': { side: 'entra', path: appPage('/saml?pane=test') },
  // Webex's web app: without a session it starts the SP-initiated sign-in.
  'test-user-signed-in': { side: 'webex', path: () => '/' },
}

/** The provisioning sub-steps' screens: Entra's Provisioning page and its neighbours, Control Hub's SCIM section. */
const provisioningPage = (view: 'edit' | 'overview'): Where =>
  appPage(view === 'edit' ? '/provisioning?view=edit' : '/provisioning')
const PROVISIONING_SCREENS: Readonly<
  Record<string, { side: (webex: WebexSnapshot | undefined) => TrainingSide; path: Where }>
> = {
  // Without any SCIM token in Control Hub there is nothing to paste yet: generate one there first.
  'provisioning-token-accepted': {
    side: (w) => (w && w.scimTokenFingerprints.length === 0 ? 'webex' : 'entra'),
    path: (e, w) =>
      w && w.scimTokenFingerprints.length === 0 ? '/admin/settings#scim' : provisioningPage('edit')(e, w),
  },
  'provisioning-matching-attribute': { side: () => 'entra', path: appPage('/provisioning/mappings/users') },
  'provisioning-role': { side: () => 'entra', path: appPage('/users') },
  // In quarantine the overview's Restart provisioning is the way out; Off is switched on in Edit provisioning.
  'provisioning-on': {
    side: () => 'entra',
    path: (e, w) => provisioningPage(e?.provisioning?.quarantineReason ? 'overview' : 'edit')(e, w),
  },
  'provisioning-webex-user': { side: () => 'entra', path: appPage('/provisioning/on-demand') },
}

const PROVISIONING_HEADING = 'Automatic user provisioning (optional)'

const statusOf = (done: boolean | null): StepStatus =>
  done === true ? 'done' : done === false ? 'not-done' : 'unknown'

function noticeFor(side: TrainingSide, state: TutorialState, peerUrl: string | null, here: TrainingSide) {
  const reading = state[side]
  if (reading.up) return null
  if (side !== here && peerUrl === null) return `${EMULATOR_NAMES[side]} is not running here`
  return `${EMULATOR_NAMES[side]} is not answering, so its steps are unknown (${reading.reason})`
}

/** The progress panel's content: each step's status, the next screen to open, and what could not be read. */
export function trainingPanelModel(input: TrainingPanelInput): TrainingPanelModel {
  const { state, here, peerUrl } = input
  const entra = state.entra.up ? state.entra.snapshot : undefined
  const webex = state.webex.up ? state.webex.snapshot : undefined
  const linkOn = (side: TrainingSide, path: string): { side: TrainingSide; href: string | null } => {
    if (side === here) return { side, href: path }
    return { side, href: peerUrl === null ? null : new URL(path, peerUrl).toString() }
  }
  const hrefOf = (id: string): { side: TrainingSide; href: string | null } => {
    const screen = SCREENS[id]
    if (screen) return linkOn(screen.side, screen.path(entra, webex))
    const provisioningScreen = PROVISIONING_SCREENS[id]
    if (!provisioningScreen) throw new Error(`no screen is known for the sub-step ${id}`)
    return linkOn(provisioningScreen.side(webex), provisioningScreen.path(entra, webex))
  }
  const steps = state.steps.map(
    (step): PanelStep => ({
      step: step.step,
      title: step.title,
      status: statusOf(step.done),
      isNext: step.step === state.nextStep,
      subSteps: step.subSteps.map((sub) => ({
        id: sub.id,
        title: sub.title,
        status: statusOf(sub.done),
        ...hrefOf(sub.id),
      })),
    }),
  )
  const nextStep = steps.find((s) => s.isNext)
  const nextSub = nextStep?.subSteps.find((s) => s.status === 'not-done') ?? nextStep?.subSteps[0]
  const notices = (['entra', 'webex'] as const)
    .map((side) => noticeFor(side, state, peerUrl, here))
    .filter((n): n is string => n !== null)
  const doneCount = steps.filter((s) => s.status === 'done').length
  const provisioningSubSteps = state.provisioning.subSteps.map(
    (sub): PanelSubStep => ({ id: sub.id, title: sub.title, status: statusOf(sub.done), ...hrefOf(sub.id) }),
  )
  const nextProvisioning = provisioningSubSteps.find((s) => s.status === 'not-done')
  return {
    steps,
    provisioning: {
      heading: PROVISIONING_HEADING,
      title: state.provisioning.title,
      status: statusOf(state.provisioning.done),
      subSteps: provisioningSubSteps,
      next: nextProvisioning
        ? {
            subStep: nextProvisioning,
            linkLabel: `Open the provisioning step in ${CONSOLE_NAMES[nextProvisioning.side]}`,
          }
        : null,
      doneCount: provisioningSubSteps.filter((s) => s.status === 'done').length,
      total: provisioningSubSteps.length,
    },
    next:
      nextStep && nextSub
        ? {
            step: nextStep.step,
            stepTitle: nextStep.title,
            subStep: nextSub,
            linkLabel: `Open it in ${CONSOLE_NAMES[nextSub.side]}`,
          }
        : null,
    doneCount,
    total: steps.length,
    complete: doneCount === steps.length,
    notices,
  }
}

/**
 * The panel of the console `side`: both servers through the runtime's training link when the
 * sandbox bound one, else this server alone (`own`: its admin API), the other reported as not
 * running here.
 */
export async function readTrainingPanel(
  runtime: Pick<Runtime, 'training' | 'ca'>,
  side: TrainingSide,
  own: AdminApiSource,
): Promise<TrainingPanelModel> {
  const link = runtime.training?.current() ?? null
  const other: TrainingSide = side === 'entra' ? 'webex' : 'entra'
  const state = link
    ? await link.readState()
    : await loneServerState(
        side,
        own,
        own.baseUrl.startsWith('https:') ? { ca: runtime.ca.root.certificatePem } : {},
      )
  return trainingPanelModel({ state, here: side, peerUrl: link ? link.consoleUrls[other] : null })
}
