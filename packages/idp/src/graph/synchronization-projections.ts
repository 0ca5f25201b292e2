import type { DeepReadonly } from '@sandbox/shared'
import type { JobView } from '../provisioning/job-views'
import type { OnDemandResult } from '../provisioning/on-demand'
import {
  type AttributeDefinition,
  type ConnectorTemplate,
  SOURCE_GROUP_ATTRIBUTES,
  SOURCE_USER_ATTRIBUTES,
} from '../provisioning/templates'
import type { AttributeMapping, CycleSummary, ProvisioningLog, ProvisioningStep } from '../state/idp-state'

type Json = Record<string, unknown>

const SOURCE_DIRECTORY = 'Azure Active Directory'

/** Seconds as an ISO 8601 duration (Graph's `schedule.interval`, e.g. PT40M). */
export function isoDuration(seconds: number): string {
  const d = Math.floor(seconds / 86_400)
  const h = Math.floor((seconds % 86_400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : d ? '' : 'T0S'}`
}

/** Graph `synchronizationTemplate`. */
export function graphTemplate(template: ConnectorTemplate, applicationId: string): Json {
  return {
    id: template.id,
    applicationId,
    default: true,
    description: template.description,
    discoverable: true,
    factoryTag: template.factoryTag,
    metadata: [{ key: 'supportsOnDemandProvisioning', value: 'true' }],
  }
}

function execution(cycle: DeepReadonly<CycleSummary> | undefined): Json | null {
  if (!cycle) return null
  const c = cycle.counts
  return {
    activityIdentifier: cycle.id,
    countEntitled: c.usersInScope + c.groupsInScope,
    countEntitledForProvisioning: c.usersInScope + c.groupsInScope,
    countEscrowed: c.failed,
    countEscrowedRaw: c.failed,
    countExported: c.created + c.updated + c.disabled + c.deleted,
    countExports: c.created + c.updated + c.disabled + c.deleted + c.failed,
    countImported: c.usersInScope + c.groupsInScope,
    countImportedDeltas: c.created + c.updated + c.disabled + c.deleted + c.failed,
    countImportedReferenceDeltas: 0,
    error: cycle.error,
    state: cycle.state,
    timeBegan: cycle.began,
    timeEnded: cycle.ended,
  }
}

/** Graph `synchronizationJob`, with its status. */
export function graphJob(view: JobView, template: ConnectorTemplate | undefined): Json {
  const { status, settings } = view
  const cycles = status.cycles
  const byId = (id: string | null) => cycles.find((c) => c.id === id)
  const current = status.currentCycle
  return {
    id: view.id,
    templateId: view.templateId,
    schedule: {
      expiration: null,
      interval: isoDuration(settings.intervalSeconds),
      state: view.statusCode === 'NotConfigured' ? 'Disabled' : status.scheduleState,
    },
    status: {
      code: view.statusCode,
      countSuccessiveCompleteFailures: status.countSuccessiveCompleteFailures,
      escrowsPruned: false,
      lastExecution: execution(cycles.at(-1)),
      lastSuccessfulExecution: execution(byId(status.lastSuccessfulCycleId)),
      lastSuccessfulExecutionWithExports: execution(byId(status.lastCycleWithExportsId)),
      progress: current
        ? [
            {
              completedUnits: current.completedUnits,
              totalUnits: current.totalUnits,
              units: 'Objects',
              progressObservationDateTime: null,
            },
          ]
        : [],
      quarantine: status.quarantine
        ? {
            currentBegan: status.quarantine.currentBegan,
            nextAttempt: status.quarantine.nextAttempt,
            reason: status.quarantine.reason,
            seriesBegan: status.quarantine.seriesBegan,
            seriesCount: status.quarantine.seriesCount,
            error: status.quarantine.error,
          }
        : null,
      steadyStateFirstAchievedTime: status.steadyStateFirstAchievedTime,
      steadyStateLastAchievedTime: status.steadyStateLastAchievedTime,
      synchronizedEntryCountByType: [
        { key: `User to ${template?.targetUserObject ?? 'User'}`, value: view.provisioned.users },
        { key: `Group to ${template?.targetGroupObject ?? 'Group'}`, value: view.provisioned.groups },
      ],
      troubleshootingUrl: null,
    },
    synchronizationJobSettings: [
      { name: 'SyncAll', value: String(settings.syncAll) },
      { name: 'QuarantineTooManyDeletesThreshold', value: '500' },
    ],
  }
}

function graphAttribute(a: AttributeDefinition): Json {
  return {
    anchor: a.name === 'objectId',
    caseExact: a.caseExact,
    defaultValue: null,
    flowNullValues: false,
    multivalued: a.multivalued,
    mutability: 'ReadWrite',
    name: a.name,
    required: a.required,
    type: a.type,
    apiExpressions: [],
    metadata: [],
    referencedObjects:
      a.type === 'Reference' ? [{ referencedObjectName: 'User', referencedProperty: null }] : [],
  }
}

function graphMapping(m: DeepReadonly<AttributeMapping>): Json {
  const { source } = m
  const expression =
    source.type === 'Attribute'
      ? `[${source.name}]`
      : source.type === 'Constant'
        ? `"${source.value}"`
        : source.expression
  const name =
    source.type === 'Attribute'
      ? source.name
      : source.type === 'Constant'
        ? source.value
        : (/^\s*(\w+)/.exec(source.expression)?.[1] ?? '')
  return {
    defaultValue: m.defaultValue,
    exportMissingReferences: false,
    flowBehavior: 'FlowWhenChanged',
    flowType: m.flowType,
    matchingPriority: m.matchingPriority,
    source: { expression, name, parameters: [], type: source.type },
    targetAttributeName: m.targetAttributeName,
  }
}

/** Graph `synchronizationSchema` of a job: its rule (the mappings) and both directories. */
export function graphSchema(view: JobView, template: ConnectorTemplate): Json {
  const object = (kind: 'users' | 'groups') => ({
    name: `Synchronize Microsoft Entra ${kind} to ${template.targetSystem}`,
    enabled: view.mappings[kind].enabled,
    flowTypes: 'Add, Update, Delete',
    metadata: [],
    scope: null,
    sourceObjectName: kind === 'users' ? 'User' : 'Group',
    targetObjectName: kind === 'users' ? template.targetUserObject : template.targetGroupObject,
    attributeMappings: view.mappings[kind].attributeMappings.map(graphMapping),
  })
  return {
    id: view.id,
    version: `Date:${view.createdDateTime}`,
    synchronizationRules: [
      {
        id: template.ruleId,
        name: `${SOURCE_DIRECTORY} to ${template.targetSystem}`,
        editable: true,
        sourceDirectoryName: SOURCE_DIRECTORY,
        targetDirectoryName: template.targetSystem,
        metadata: [],
        objectMappings: [object('users'), object('groups')],
      },
    ],
    directories: [
      {
        id: 'AzureActiveDirectory',
        name: SOURCE_DIRECTORY,
        objects: [
          { name: 'User', attributes: SOURCE_USER_ATTRIBUTES.map(graphAttribute) },
          { name: 'Group', attributes: SOURCE_GROUP_ATTRIBUTES.map(graphAttribute) },
        ],
      },
      {
        id: template.id,
        name: template.targetSystem,
        objects: [
          { name: template.targetUserObject, attributes: template.userAttributes.map(graphAttribute) },
          { name: template.targetGroupObject, attributes: template.groupAttributes.map(graphAttribute) },
        ],
      },
    ],
  }
}

/** A step's details with its SCIM exchanges written out (token redacted), as Graph's open `details`. */
function stepDetails(step: DeepReadonly<ProvisioningStep>): Json {
  const details: Json = { ...step.details }
  step.exchanges.forEach((x, i) => {
    const n = step.exchanges.length > 1 ? ` ${i + 1}` : ''
    details[`SCIM request${n}`] =
      `${x.method} ${x.url}\nAuthorization: ${x.requestHeaders.Authorization ?? ''}${x.requestBody ? `\n\n${x.requestBody}` : ''}`
    details[`SCIM response${n}`] =
      x.status === null
        ? `no answer: ${x.failure ?? ''}`
        : `${x.status}${x.responseBody ? `\n\n${x.responseBody}` : ''}`
  })
  return details
}

/** Graph `provisioningObjectSummary`. */
export function graphProvisioningLog(
  log: DeepReadonly<ProvisioningLog>,
  tenantId: string,
  appName: string,
  targetSystem: string,
): Json {
  return {
    id: log.id,
    activityDateTime: log.activityDateTime,
    tenantId,
    jobId: log.jobId,
    cycleId: log.cycleId,
    changeId: log.changeId,
    provisioningAction: log.action.toLowerCase(),
    durationInMilliseconds: log.durationInMilliseconds,
    initiatedBy: {
      id: '',
      displayName:
        log.initiatedBy === 'onDemand' ? 'Provision on demand' : 'Microsoft Entra Provisioning Service',
      initiatingType: log.initiatedBy === 'onDemand' ? 'user' : 'system',
    },
    servicePrincipal: { id: log.servicePrincipalId, displayName: appName },
    sourceSystem: { id: null, displayName: 'Microsoft Entra ID', details: {} },
    targetSystem: {
      id: null,
      displayName: targetSystem,
      details: { ServicePrincipalId: log.servicePrincipalId, ServicePrincipalDisplayName: appName },
    },
    sourceIdentity: { ...log.sourceIdentity, details: {} },
    targetIdentity: { ...log.targetIdentity, details: {} },
    provisioningStatusInfo: {
      status: log.status,
      errorInformation: log.error ? { ...log.error, additionalDetails: null } : null,
    },
    provisioningSteps: log.steps.map((s) => ({
      name: s.name,
      provisioningStepType: s.type,
      status: s.status,
      description: s.description,
      details: stepDetails(s),
    })),
    modifiedProperties: log.modifiedProperties,
  }
}

/** Graph's answer to provisionOnDemand: a stringKeyStringValuePair whose strings are JSON. */
export function graphOnDemandAnswer(
  result: OnDemandResult,
  context: string,
  describe: (log: DeepReadonly<ProvisioningLog>) => Json,
): Json {
  const [primary, ...members] = result.objects
  const error = primary?.log.error
  const summary = primary
    ? {
        ...describe(primary.log),
        ...(members.length > 0 ? { members: members.map((m) => describe(m.log)) } : {}),
      }
    : {}
  return {
    '@odata.context': context,
    key: JSON.stringify({
      result: result.result,
      details: error ? { errorCode: error.errorCode, errorMessage: error.reason } : {},
    }),
    value: JSON.stringify(summary),
  }
}
