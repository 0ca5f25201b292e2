import { z } from 'zod'

/** Where a target attribute's value comes from: a source attribute, a constant, or an expression. */
export const mappingSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Attribute'), name: z.string() }),
  z.object({ type: z.literal('Constant'), value: z.string() }),
  z.object({ type: z.literal('Function'), expression: z.string() }),
])
export type MappingSource = z.infer<typeof mappingSourceSchema>

/** "Apply this mapping": always, or only when the object is created (Graph `attributeFlowType`). */
export const FLOW_TYPES = ['Always', 'ObjectAddOnly'] as const
export type FlowType = (typeof FLOW_TYPES)[number]

/** One row of Attribute Mapping (Graph `attributeMapping`). */
export const attributeMappingSchema = z.object({
  targetAttributeName: z.string(),
  source: mappingSourceSchema,
  /** 0: not a matching attribute; 1, 2, …: matching precedence (1 is tried first). */
  matchingPriority: z.number().int().min(0),
  flowType: z.enum(FLOW_TYPES),
  /** Used when the source evaluates to nothing. */
  defaultValue: z.string().nullable(),
})
export type AttributeMapping = z.infer<typeof attributeMappingSchema>

/** The mappings of one object type ("Synchronize Microsoft Entra users to …"). */
export const objectMappingSchema = z.object({
  enabled: z.boolean(),
  attributeMappings: z.array(attributeMappingSchema),
})
export type ObjectMapping = z.infer<typeof objectMappingSchema>

/** What the provisioning service remembers of one provisioned object: its target id and what it sent. */
export const cacheEntrySchema = z.object({
  kind: z.enum(['user', 'group']),
  targetId: z.string(),
  /** The UPN or group name when it was last seen (the log's identity after the source is gone). */
  displayName: z.string(),
  /** Target attribute values as last exported (or found equal in the target). */
  exported: z.record(z.string(), z.union([z.string(), z.boolean()])),
  /** Groups: the source ids of the members exported to the target group. */
  memberIds: z.array(z.string()),
  state: z.enum(['active', 'disabled', 'softDeleted']),
  softDeletedAt: z.string().nullable(),
})
export type CacheEntry = z.infer<typeof cacheEntrySchema>

/** An object whose export failed, retried on the next cycle (Entra's "escrow"). */
export const escrowSchema = z.object({
  kind: z.enum(['user', 'group']),
  errorCode: z.string(),
  reason: z.string(),
  attempts: z.number().int().min(1),
  firstFailedAt: z.string(),
  lastFailedAt: z.string(),
})
export type Escrow = z.infer<typeof escrowSchema>

/** Graph `synchronizationError`. */
export const synchronizationErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  tenantActionable: z.boolean(),
})

export const CYCLE_KINDS = ['Initial', 'Incremental'] as const
export type CycleKind = (typeof CYCLE_KINDS)[number]

/** Counts of one cycle, for its summary and Graph's `synchronizationTaskExecution`. */
export const cycleCountsSchema = z.object({
  usersInScope: z.number().int(),
  groupsInScope: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  disabled: z.number().int(),
  deleted: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  unchanged: z.number().int(),
  /** SCIM requests sent (each attempt counts). */
  requests: z.number().int(),
})
export type CycleCounts = z.infer<typeof cycleCountsSchema>

/** The summary of one finished cycle. */
export const cycleSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(CYCLE_KINDS),
  trigger: z.enum(['start', 'schedule', 'manual', 'resume']),
  /** True when it picked up a cycle that an earlier process left unfinished. */
  resumed: z.boolean(),
  began: z.string(),
  ended: z.string(),
  state: z.enum(['Succeeded', 'Failed', 'EntryLevelErrors']),
  counts: cycleCountsSchema,
  error: synchronizationErrorSchema.nullable(),
})
export type CycleSummary = z.infer<typeof cycleSummarySchema>

/** The cycle in progress (persisted, so that a killed IdP resumes it). */
export const currentCycleSchema = z.object({
  id: z.string(),
  kind: z.enum(CYCLE_KINDS),
  trigger: z.enum(['start', 'schedule', 'manual', 'resume']),
  began: z.string(),
  totalUnits: z.number().int(),
  completedUnits: z.number().int(),
  usersProcessed: z.number().int(),
  groupsProcessed: z.number().int(),
})
export type CurrentCycle = z.infer<typeof currentCycleSchema>

/** Graph `synchronizationQuarantine`, plus where the notification would have gone. */
export const quarantineSchema = z.object({
  reason: z.enum(['EncounteredQuarantineException', 'EncounteredEscrowProportionThreshold']),
  error: synchronizationErrorSchema,
  currentBegan: z.string(),
  seriesBegan: z.string(),
  seriesCount: z.number().int(),
  nextAttempt: z.string(),
  notificationSentTo: z.string().nullable(),
})
export type Quarantine = z.infer<typeof quarantineSchema>

/** The last Test Connection. */
export const credentialTestSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  code: z.string().nullable(),
  message: z.string(),
})

/** Admin Credentials and Settings of the Provisioning page (Graph: the job's secrets). */
export const provisioningSettingsSchema = z.object({
  mode: z.enum(['Automatic', 'Manual']),
  tenantUrl: z.string().nullable(),
  secretToken: z.string().nullable(),
  notificationEmail: z.string().nullable(),
  sendEmailOnFailure: z.boolean(),
  /** Scope: "Sync all users and groups" (true) or "Sync only assigned users and groups". */
  syncAll: z.boolean(),
  /** Seconds between incremental cycles (Entra: about 40 minutes). */
  intervalSeconds: z.number().int().min(1),
  /** Seconds between the soft delete of a deleted user (active=false) and its DELETE (Entra: 30 days). */
  hardDeleteDelaySeconds: z.number().int().min(0),
  /** Per SCIM request. */
  requestTimeoutMs: z.number().int().min(1),
})
export type ProvisioningSettings = z.infer<typeof provisioningSettingsSchema>

/** One provisioning job: an enterprise app's connector, its state and its memory of the target. */
export const provisioningJobSchema = z.object({
  id: z.string(),
  servicePrincipalId: z.string(),
  templateId: z.string(),
  createdDateTime: z.string(),
  settings: provisioningSettingsSchema,
  mappings: z.object({ users: objectMappingSchema, groups: objectMappingSchema }),
  status: z.object({
    /** Provisioning Status On (Active) or Off (Paused). */
    scheduleState: z.enum(['Active', 'Paused']),
    /** The watermark: false until an initial cycle finishes (a restart clears it). */
    initialCycleCompleted: z.boolean(),
    currentCycle: currentCycleSchema.nullable(),
    quarantine: quarantineSchema.nullable(),
    countSuccessiveCompleteFailures: z.number().int(),
    cycles: z.array(cycleSummarySchema),
    lastSuccessfulCycleId: z.string().nullable(),
    lastCycleWithExportsId: z.string().nullable(),
    steadyStateFirstAchievedTime: z.string().nullable(),
    steadyStateLastAchievedTime: z.string().nullable(),
    lastCredentialTest: credentialTestSchema.nullable(),
  }),
  /** Source object id → what was provisioned for it. */
  cache: z.record(z.string(), cacheEntrySchema),
  /** Source object id → its last failure. */
  escrows: z.record(z.string(), escrowSchema),
  /** Source object id → why it was last skipped (so incremental cycles log a skip once, not every cycle). */
  skipped: z.record(z.string(), z.string()),
})
export type ProvisioningJob = z.infer<typeof provisioningJobSchema>

/** One SCIM request and its answer, as a provisioning log shows it (the token never appears). */
export const scimExchangeSchema = z.object({
  method: z.string(),
  url: z.string(),
  /** As sent, with the bearer token shown as `Bearer [redacted]`. */
  requestHeaders: z.record(z.string(), z.string()),
  requestBody: z.string().nullable(),
  status: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  /** Why there was no answer (timeout, connection refused), or null. */
  failure: z.string().nullable(),
  attempt: z.number().int(),
  durationMs: z.number(),
  /** The wait before the next attempt (Retry-After when the target sent one), or null for the last. */
  retryInMs: z.number().nullable(),
})
export type ScimExchange = z.infer<typeof scimExchangeSchema>

export const STEP_STATUSES = ['success', 'failure', 'skipped', 'warning'] as const

/** One step of a provisioning event (Graph `provisioningStep`), with its SCIM exchanges. */
export const provisioningStepSchema = z.object({
  name: z.string(),
  type: z.enum(['import', 'scoping', 'matching', 'processing', 'export']),
  status: z.enum(STEP_STATUSES),
  description: z.string(),
  timestamp: z.string(),
  details: z.record(z.string(), z.string()),
  exchanges: z.array(scimExchangeSchema),
})
export type ProvisioningStep = z.infer<typeof provisioningStepSchema>

export const PROVISIONING_ACTIONS = [
  'Create',
  'Update',
  'Delete',
  'StagedDelete',
  'Disable',
  'Other',
] as const
export type ProvisioningAction = (typeof PROVISIONING_ACTIONS)[number]

const identitySchema = z.object({ id: z.string(), displayName: z.string(), identityType: z.string() })

/** One provisioning log entry (Graph `provisioningObjectSummary`). */
export const provisioningLogSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  servicePrincipalId: z.string(),
  cycleId: z.string(),
  changeId: z.string(),
  activityDateTime: z.string(),
  durationInMilliseconds: z.number().int(),
  action: z.enum(PROVISIONING_ACTIONS),
  status: z.enum(STEP_STATUSES),
  initiatedBy: z.enum(['system', 'onDemand']),
  sourceIdentity: identitySchema,
  targetIdentity: identitySchema,
  modifiedProperties: z.array(
    z.object({ displayName: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable() }),
  ),
  steps: z.array(provisioningStepSchema),
  error: z
    .object({
      errorCode: z.string(),
      reason: z.string(),
      recommendedAction: z.string(),
      errorCategory: z.enum(['NonServiceFailure', 'TransientError', 'UserError']),
    })
    .nullable(),
})
export type ProvisioningLog = z.infer<typeof provisioningLogSchema>

/** The provisioning service's part of the IdP state. */
export const provisioningStateSchema = z.object({
  jobs: z.array(provisioningJobSchema),
  /** Newest last, at most `MAX_PROVISIONING_LOGS`. */
  logs: z.array(provisioningLogSchema),
})
export type ProvisioningState = z.infer<typeof provisioningStateSchema>

/** A state written before provisioning existed has none. */
export const EMPTY_PROVISIONING: ProvisioningState = { jobs: [], logs: [] }

/** How many log entries the tenant keeps (Entra keeps 30 days; the sandbox keeps a count). */
export const MAX_PROVISIONING_LOGS = 1000
