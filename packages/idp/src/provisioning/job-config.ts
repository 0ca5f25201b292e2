import { err, ok, type Result } from '@sandbox/shared'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { ProvisioningJob, ProvisioningSettings } from '../state/idp-state'
import { checkTenantUrl } from './credential-test'
import type { ConnectorTemplate } from './templates'

/** Entra's cycle interval (about 40 minutes); the sandbox lets it be seconds. */
export const DEFAULT_INTERVAL_SECONDS = 40 * 60
/** Entra hard-deletes a soft-deleted user 30 days later. */
export const DEFAULT_HARD_DELETE_DELAY_SECONDS = 30 * 24 * 3600
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const MAX_INTERVAL_SECONDS = 7 * 24 * 3600

/** A new job from a connector: its default mappings, no credentials, Provisioning Status Off. */
export function newJob(
  template: ConnectorTemplate,
  servicePrincipalId: string,
  tenantId: string,
  guid: string,
  now: string,
): ProvisioningJob {
  return {
    id: `${template.id}.${tenantId.replace(/-/g, '')}.${guid}`,
    servicePrincipalId,
    templateId: template.id,
    createdDateTime: now,
    settings: {
      mode: 'Automatic',
      tenantUrl: null,
      secretToken: null,
      notificationEmail: null,
      sendEmailOnFailure: false,
      syncAll: false,
      intervalSeconds: DEFAULT_INTERVAL_SECONDS,
      hardDeleteDelaySeconds: DEFAULT_HARD_DELETE_DELAY_SECONDS,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    },
    mappings: structuredClone(template.defaults) as ProvisioningJob['mappings'],
    status: {
      scheduleState: 'Paused',
      initialCycleCompleted: false,
      currentCycle: null,
      quarantine: null,
      countSuccessiveCompleteFailures: 0,
      cycles: [],
      lastSuccessfulCycleId: null,
      lastCycleWithExportsId: null,
      steadyStateFirstAchievedTime: null,
      steadyStateLastAchievedTime: null,
      lastCredentialTest: null,
    },
    cache: {},
    escrows: {},
    skipped: {},
  }
}

/** A change to the Provisioning page's settings; absent fields stay as they are. */
export interface SettingsPatch {
  readonly mode?: 'Automatic' | 'Manual'
  readonly tenantUrl?: string | null
  readonly secretToken?: string | null
  readonly notificationEmail?: string | null
  readonly sendEmailOnFailure?: boolean
  readonly syncAll?: boolean
  readonly intervalSeconds?: number
  readonly hardDeleteDelaySeconds?: number
  readonly requestTimeoutMs?: number
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/

/** Checks a settings change and applies it to a copy of the settings. */
export function applySettings(
  current: ProvisioningSettings,
  patch: SettingsPatch,
  template: ConnectorTemplate,
): Result<ProvisioningSettings, ProvisioningError> {
  const next: ProvisioningSettings = { ...current }
  if (patch.mode !== undefined) next.mode = patch.mode
  if (patch.tenantUrl !== undefined) {
    if (patch.tenantUrl === null || patch.tenantUrl.trim() === '') next.tenantUrl = null
    else {
      const url = checkTenantUrl(patch.tenantUrl, template.tenantUrlExample)
      if (!url.ok) return url
      next.tenantUrl = url.value
    }
  }
  if (patch.secretToken !== undefined) {
    const token = patch.secretToken?.trim() ?? ''
    if (token.length > 4096)
      return provisioningFailure(
        'InvalidSecrets',
        'The Secret Token is longer than 4096 characters.',
        'SecretToken',
      )
    if (/\s/.test(token))
      return provisioningFailure(
        'InvalidSecrets',
        'The Secret Token contains white space; paste it again without spaces or line breaks.',
        'SecretToken',
      )
    next.secretToken = token === '' ? null : token
  }
  if (patch.notificationEmail !== undefined) {
    const email = patch.notificationEmail?.trim() ?? ''
    if (email !== '' && !EMAIL.test(email))
      return provisioningFailure(
        'InvalidSettings',
        `"${email.slice(0, 100)}" is not an email address.`,
        'notificationEmail',
      )
    next.notificationEmail = email === '' ? null : email
  }
  if (patch.sendEmailOnFailure !== undefined) next.sendEmailOnFailure = patch.sendEmailOnFailure
  if (patch.syncAll !== undefined) next.syncAll = patch.syncAll
  const range = (name: keyof SettingsPatch, value: number | undefined, min: number, max: number) =>
    value === undefined || (Number.isInteger(value) && value >= min && value <= max)
      ? null
      : provisioningFailure(
          'InvalidSettings',
          `${name} must be a whole number from ${min} to ${max}, not ${value}.`,
          name,
        )
  const bad =
    range('intervalSeconds', patch.intervalSeconds, 1, MAX_INTERVAL_SECONDS) ??
    range('hardDeleteDelaySeconds', patch.hardDeleteDelaySeconds, 0, 365 * 24 * 3600) ??
    range('requestTimeoutMs', patch.requestTimeoutMs, 100, 300_000)
  if (bad) return bad
  if (patch.intervalSeconds !== undefined) next.intervalSeconds = patch.intervalSeconds
  if (patch.hardDeleteDelaySeconds !== undefined) next.hardDeleteDelaySeconds = patch.hardDeleteDelaySeconds
  if (patch.requestTimeoutMs !== undefined) next.requestTimeoutMs = patch.requestTimeoutMs
  return ok(next)
}

/** The Graph secret keys the connector reads (synchronizationSecret), and what they set. */
export function settingsFromSecrets(
  secrets: readonly { readonly key: string; readonly value: string }[],
): Result<SettingsPatch, ProvisioningError> {
  const patch: { -readonly [K in keyof SettingsPatch]: SettingsPatch[K] } = {}
  for (const { key, value } of secrets) {
    switch (key.toLowerCase()) {
      case 'baseaddress':
        patch.tenantUrl = value
        break
      case 'secrettoken':
        patch.secretToken = value
        break
      case 'syncall':
        if (!/^(true|false)$/i.test(value))
          return provisioningFailure(
            'InvalidSecrets',
            `SyncAll must be "true" or "false", not "${value.slice(0, 40)}".`,
            'SyncAll',
          )
        patch.syncAll = value.toLowerCase() === 'true'
        break
      case 'syncnotificationsettings': {
        const parsed = notificationSettings(value)
        if (!parsed.ok) return provisioningFailure('InvalidSecrets', parsed.error, 'SyncNotificationSettings')
        patch.sendEmailOnFailure = parsed.value.enabled
        patch.notificationEmail = parsed.value.recipients
        break
      }
      default:
        return provisioningFailure(
          'InvalidSecrets',
          `The key "${key.slice(0, 60)}" is not one this connector uses.`,
          key,
        )
    }
  }
  return ok(patch)
}

function notificationSettings(
  value: string,
): Result<{ enabled: boolean; recipients: string | null }, string> {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return err(
      'SyncNotificationSettings must be a JSON string such as {"Enabled":true,"Recipients":"admin@contoso.com"}.',
    )
  }
  const object = parsed as { Enabled?: unknown; Recipients?: unknown } | null
  if (object === null || typeof object !== 'object' || typeof object.Enabled !== 'boolean')
    return err('SyncNotificationSettings needs "Enabled": true or false.')
  const recipients =
    typeof object.Recipients === 'string' && object.Recipients.trim() !== '' ? object.Recipients.trim() : null
  return ok({ enabled: object.Enabled, recipients })
}
