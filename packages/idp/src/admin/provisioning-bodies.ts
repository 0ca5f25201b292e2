import { z } from 'zod'
import { FLOW_TYPES } from '../state/idp-state'

const text = z.string().max(4096)

/** PUT /sandbox/api/servicePrincipals/{id}/provisioning: the Provisioning page's Save. */
export const provisioningConfigurationBody = z.strictObject({
  mode: z.enum(['Automatic', 'Manual']).optional(),
  tenantUrl: text.nullable().optional(),
  secretToken: text.nullable().optional(),
  notificationEmail: z.string().max(320).nullable().optional(),
  sendEmailOnFailure: z.boolean().optional(),
  scope: z.enum(['assigned', 'all']).optional(),
  provisioningStatus: z.enum(['On', 'Off']).optional(),
  intervalSeconds: z.number().int().optional(),
  hardDeleteDelaySeconds: z.number().int().optional(),
  requestTimeoutMs: z.number().int().optional(),
})

/** POST …/provisioning/testConnection: typed credentials, or none (the saved ones). */
export const testConnectionBody = z.strictObject({
  tenantUrl: text.optional(),
  secretToken: text.optional(),
})

/** POST …/provisioning/provisionOnDemand: a user, or a group and up to 5 of its members. */
export const provisionOnDemandBody = z.strictObject({
  objectId: text,
  memberIds: z.array(text).max(5).optional(),
})

/** One Attribute Mapping row (the admin API's body, and the console's unsaved draft). */
export const mappingRow = z.strictObject({
  targetAttributeName: text,
  source: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('Attribute'), name: text }),
    z.strictObject({ type: z.literal('Constant'), value: text }),
    z.strictObject({ type: z.literal('Function'), expression: text }),
  ]),
  matchingPriority: z.number().int().optional(),
  flowType: z.enum(FLOW_TYPES).optional(),
  defaultValue: text.nullable().optional(),
})
const objectMapping = z.strictObject({ enabled: z.boolean(), attributeMappings: z.array(mappingRow).max(64) })

/** PUT …/provisioning/mappings: Attribute Mapping's Save for users, groups or both. */
export const mappingsBody = z.strictObject({
  users: objectMapping.optional(),
  groups: objectMapping.optional(),
})

/** GET …/provisioning/logs and /sandbox/api/provisioning/logs query parameters. */
export const logQuery = z.strictObject({
  jobId: text.optional(),
  cycleId: text.optional(),
  identity: text.optional(),
  status: z.enum(['success', 'failure', 'skipped', 'warning']).optional(),
  action: z.enum(['Create', 'Update', 'Delete', 'StagedDelete', 'Disable', 'Other']).optional(),
  initiatedBy: z.enum(['system', 'onDemand']).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  top: z.coerce.number().int().min(1).max(1000).optional(),
})
