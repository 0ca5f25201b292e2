// The public surface of sso-rehearsal-sandbox: everything a test suite imports. The
// emulators' internals (@sandbox/idp, @sandbox/sp, @sandbox/shared) are bundled, not exported.

export {
  type Clock,
  fixedClock,
  formatInspectionText,
  HeadlessBrowser,
  type InspectionContext,
  type InspectionReport,
  type SignInFailure,
  type SignInSuccess,
  seededIds,
} from '@sandbox/shared'
export { ApiError, type ApiTarget, requestJson, requestText } from './clients/api-request'
export { createIdpClient, type GraphUser, type IdpClient, type SamlPage } from './clients/idp-client'
export {
  createSpClient,
  type SpClient,
  type SpOrganization,
  type SsoStatus,
  type TestResult,
  type TrustMode,
  type WebexUserSummary,
} from './clients/sp-client'
export type {
  RegisteredServiceProvider,
  RegisterServiceProviderRequest,
} from './entra-registration'
export type { CreatedUser, CreateUserRequest, UserPersona } from './entra-users'
export {
  ENTRA_FAULT_PRESETS,
  type EntraFault,
  type EntraFaultPreset,
  type EntraFaultRequest,
  type EntraFaults,
  type FaultControls,
  WEBEX_FAULT_PRESETS,
  type WebexFault,
  type WebexFaultPreset,
  type WebexFaultRequest,
  type WebexFaults,
} from './faults'
export { InspectInputError, type InspectMessageOptions, inspect } from './inspect'
export { defaultKeyCacheDir } from './key-cache'
export { MetadataInputError } from './metadata-input'
export { assertPortsFree } from './port-probe'
export { BREAK_CASES, type BreakCase, findBreakCase, type Symptom } from './rehearse/breaks'
export { type RehearsalFacts, TUTORIAL } from './rehearse/context'
export { PROVISIONING_STEPS } from './rehearse/provisioning'
export {
  type RehearsalOptions,
  type RehearsalResult,
  type RehearsalTarget,
  rehearse,
} from './rehearse/rehearse'
export {
  type Artefacts,
  type RunnerOutput,
  type StepLog,
  type StepProblem,
  silentOutput,
  textOutput,
} from './rehearse/runner'
export { TUTORIAL_STEPS } from './rehearse/tutorial'
export {
  type Sandbox,
  type SandboxEntra,
  type SandboxWebex,
  type StartSandboxOptions,
  startSandbox,
} from './sandbox'
export type { SandboxClock, SandboxClockSpec } from './sandbox-clock'
export { formatScenario, type LoadedScenario } from './scenario/load-scenario'
export type { SandboxAddresses } from './scenario/placeholders'
export type { ScenarioSource } from './scenario/read-scenario'
export { ScenarioApplyError, ScenarioError, type ScenarioIssue } from './scenario/scenario-error'
export { loadScenarioInto } from './scenario/scenario-sandbox'
export type { Scenario } from './scenario/scenario-schema'
export {
  type RunningSandbox,
  type SandboxConfig,
  type SandboxOptions,
  startSandboxServers,
  startSandboxWithConfig,
} from './servers'
export { type SandboxSignInRequest, SignInError } from './sign-in'
export {
  type CombinedTrace,
  combinedTrace,
  diagnosisLines,
  formatCombinedTrace,
  type SandboxTarget,
} from './sign-in-trace-report'
export { type TutorialSetUp, TutorialStepError } from './tutorial-setup'
export { type ContextPart, webexOrgContextOf } from './webex-org-context'
export type { RegisteredIdentityProvider, RegisterIdentityProviderRequest } from './webex-registration'
