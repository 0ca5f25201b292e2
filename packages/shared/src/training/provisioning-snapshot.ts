// The provisioning half of the tutorial snapshot: what Entra's Provisioning page of Cisco Webex
// shows, read over the sandbox API (read-only), reduced to what the training checks need.

type Get = (path: string) => Promise<unknown>

/** Cisco Webex's Provisioning page on Entra, as far as the training checks read it. */
export interface EntraProvisioningSnapshot {
  /** Graph's synchronization status code: NotConfigured, NotRun, Active, Paused or Quarantine. */
  readonly statusCode: string
  /** Provisioning Status On (the job runs cycles on its schedule). */
  readonly statusOn: boolean
  /** The saved Secret Token's fingerprint (`sha256:…`), never the token; null when none is saved. */
  readonly secretTokenFingerprint: string | null
  /** The last completed cycle's state (Succeeded, EntryLevelErrors, Failed); null before the first. */
  readonly lastCycleState: string | null
  /** Why the job is in quarantine; null when it is not. */
  readonly quarantineReason: string | null
  /**
   * The matching attribute of the user mappings (the target userName) and where it comes from:
   * `sourceAttribute` is the Entra attribute for an attribute mapping, null for an expression or
   * a constant; `testUserHasIt` tells whether B.Simon has a value there (null when it cannot be
   * told: no B.Simon, or the source is not a plain attribute).
   */
  readonly matching: {
    readonly targetAttribute: string
    readonly sourceAttribute: string | null
    readonly testUserHasIt: boolean | null
  } | null
}

interface ProvisioningPageShape {
  job: {
    statusCode: string
    settings: { secretTokenFingerprint?: string | null }
    status: {
      scheduleState: string
      quarantine: { reason: string } | null
      cycles: { state: string }[]
    }
    mappings: {
      users: {
        attributeMappings: {
          targetAttributeName: string
          matchingPriority: number
          source: { type: string; name?: string }
        }[]
      }
    }
  } | null
}

/** A Graph property name: what `$select` may carry safely. */
const PROPERTY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/

const hasValue = (value: unknown): boolean =>
  value !== null &&
  value !== undefined &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0)

/**
 * Reads the Provisioning page of the app `spId` and, when userName is matched from a plain
 * attribute, whether the test user `userId` has it. Null when the app has no provisioning job.
 */
export async function readEntraProvisioning(
  get: Get,
  spId: string,
  userId: string | null,
): Promise<EntraProvisioningSnapshot | null> {
  const page = (await get(
    `/sandbox/api/servicePrincipals/${encodeURIComponent(spId)}/provisioning`,
  )) as ProvisioningPageShape
  const job = page.job
  if (!job) return null
  const matchingRow = job.mappings.users.attributeMappings
    .filter((m) => m.matchingPriority > 0)
    .sort((a, b) => a.matchingPriority - b.matchingPriority)[0]
  const sourceAttribute =
    matchingRow?.source.type === 'Attribute' && matchingRow.source.name ? matchingRow.source.name : null
  let testUserHasIt: boolean | null = null
  if (sourceAttribute && userId && PROPERTY.test(sourceAttribute)) {
    const user = (await get(
      `/v1.0/users/${encodeURIComponent(userId)}?$select=${encodeURIComponent(sourceAttribute)}`,
    )) as Record<string, unknown>
    const key = Object.keys(user).find((k) => k.toLowerCase() === sourceAttribute.toLowerCase())
    testUserHasIt = key !== undefined && hasValue(user[key])
  }
  return {
    statusCode: job.statusCode,
    statusOn: job.status.scheduleState === 'Active',
    secretTokenFingerprint: job.settings.secretTokenFingerprint ?? null,
    lastCycleState: job.status.cycles.at(-1)?.state ?? null,
    quarantineReason: job.status.quarantine?.reason ?? null,
    matching: matchingRow
      ? { targetAttribute: matchingRow.targetAttributeName, sourceAttribute, testUserHasIt }
      : null,
  }
}

/** The Default Access role: all zeros, or a role whose value is `msiam_access` (gallery apps). */
export function roleShownAs(
  appRoleId: string,
  roles: readonly { id: string; displayName?: string; value?: string | null }[],
): string {
  if (/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(appRoleId)) return DEFAULT_ACCESS
  const role = roles.find((r) => r.id === appRoleId)
  if (!role) return appRoleId
  if ((role.value ?? role.displayName ?? '').toLowerCase() === 'msiam_access') return DEFAULT_ACCESS
  return role.displayName ?? role.value ?? appRoleId
}

/** How the admin center names the role that provisions nobody. */
export const DEFAULT_ACCESS = 'Default Access'
