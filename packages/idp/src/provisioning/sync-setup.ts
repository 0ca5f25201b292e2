import { type Clock, type DeepReadonly, ok, type Result, type Scheduler } from '@sandbox/shared'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { DeepState } from '../state/deep-state'
import type { ProvisioningJob } from '../state/idp-state'
import { compileMappings } from './attribute-flow'
import { createScimClient } from './scim-client'
import { buildScopeIndex, type ScopeIndex } from './scope'
import type { SyncContext } from './sync-context'
import {
  type ConnectorTemplate,
  SOURCE_GROUP_ATTRIBUTES,
  SOURCE_USER_ATTRIBUTES,
  templateById,
} from './templates'

type Varying = Pick<
  SyncContext,
  'jobId' | 'cycleId' | 'initiatedBy' | 'logEverything' | 'newId' | 'cacheOf' | 'skippedAs' | 'escrowOf'
>

/** What a cycle or an on-demand run is built on, from one state snapshot. */
export interface PreparedSync {
  readonly template: ConnectorTemplate
  readonly scope: ScopeIndex
  readonly usersById: ReadonlyMap<string, DeepState['users'][number]>
  readonly groupsById: ReadonlyMap<string, DeepState['groups'][number]>
  /** The sync context, given what differs between a cycle and an on-demand run. */
  context(varying: Varying): SyncContext
}

/**
 * Checks that the job can run (its app, connector, credentials and mappings) and builds the
 * scope index, the compiled mappings and the SCIM client it runs with.
 */
export function prepareSync(
  state: DeepState,
  job: DeepReadonly<ProvisioningJob>,
  scheduler: Scheduler,
  clock: Clock,
): Result<PreparedSync, ProvisioningError> {
  const app = appByServicePrincipalId(state, job.servicePrincipalId)
  if (!app)
    return provisioningFailure(
      'ServicePrincipalNotFound',
      `The job's application ${job.servicePrincipalId} was deleted.`,
    )
  const template = templateById(job.templateId)
  if (!template)
    return provisioningFailure('TemplateNotFound', `The job's connector ${job.templateId} is unknown.`)
  const { tenantUrl, secretToken } = job.settings
  if (!tenantUrl || !secretToken) return provisioningFailure('CredentialsMissing')
  const users = compileMappings(job.mappings.users, template.userAttributes, SOURCE_USER_ATTRIBUTES)
  if (!users.ok) return provisioningFailure('InvalidMappings', users.error)
  const groups = compileMappings(job.mappings.groups, template.groupAttributes, SOURCE_GROUP_ATTRIBUTES)
  if (!groups.ok) return provisioningFailure('InvalidMappings', groups.error)
  const scope = buildScopeIndex(state, app, {
    syncAll: job.settings.syncAll,
    requiresNonDefaultAccessRole: template.requiresNonDefaultAccessRole,
  })
  const client = createScimClient({
    baseAddress: tenantUrl,
    token: secretToken,
    timeoutMs: job.settings.requestTimeoutMs,
    scheduler,
    now: () => clock.now(),
  })
  return ok({
    template,
    scope,
    usersById: new Map(state.users.map((u) => [u.id, u])),
    groupsById: new Map(state.groups.map((g) => [g.id, g])),
    context: (varying) => ({
      ...varying,
      template,
      client,
      users: users.value,
      groups: groups.value,
      scope,
      now: () => clock.now(),
      servicePrincipalId: job.servicePrincipalId,
      hardDeleteDelayMs: job.settings.hardDeleteDelaySeconds * 1000,
    }),
  })
}
