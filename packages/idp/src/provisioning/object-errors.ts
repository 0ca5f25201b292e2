import type { ProvisioningLog } from '../state/idp-state'
import type { ScimCall } from './scim-client'

/**
 * Why one object was not provisioned, with the codes of Entra's provisioning logs: failures
 * (the target refused or did not answer) and skips (nothing to do, or not allowed to).
 */
export type ObjectErrorCode =
  | 'Unauthorized'
  | 'InsufficientRights'
  | 'EntryConflict'
  | 'TooManyRequests'
  | 'InternalServerError'
  | 'Timeout'
  | 'WebExceptionProtocolError'
  | 'InvalidAnchor'
  | 'DuplicateTargetEntries'
  | 'SystemForCrossDomainIdentityManagementServiceIncompatible'
  | 'BadRequest'
  | 'SchemaPropertyCanOnlyAcceptValue'
  | 'MandatoryFieldsMissing'
  | 'ImportSkipped'
  | 'NotEffectivelyEntitled'
  | 'RedundantExport'

type LogError = NonNullable<ProvisioningLog['error']>

const INFO: Readonly<Record<ObjectErrorCode, { category: LogError['errorCategory']; action: string }>> = {
  Unauthorized: {
    category: 'NonServiceFailure',
    action:
      'Enter a valid Secret Token in Admin Credentials and test the connection; the job stays in quarantine until then.',
  },
  InsufficientRights: {
    category: 'NonServiceFailure',
    action: 'The token works but may not change users: issue a token of a full administrator in Control Hub.',
  },
  EntryConflict: {
    category: 'NonServiceFailure',
    action:
      'Another target user already holds this userName or email: remove or rename it in Control Hub, or change the matching attribute so that the two are matched.',
  },
  TooManyRequests: {
    category: 'TransientError',
    action: 'Nothing to do: the target is overloaded; the provisioning service retries on the next cycle.',
  },
  InternalServerError: {
    category: 'TransientError',
    action: 'Nothing to do unless it persists: the provisioning service retries on the next cycle.',
  },
  Timeout: {
    category: 'TransientError',
    action: 'Nothing to do unless it persists: the provisioning service retries on the next cycle.',
  },
  WebExceptionProtocolError: {
    category: 'TransientError',
    action:
      'Check that the Tenant URL points at a running SCIM server; the provisioning service retries on the next cycle.',
  },
  InvalidAnchor: {
    category: 'NonServiceFailure',
    action:
      'The target object was deleted outside Microsoft Entra ID. Restart provisioning to match every object again.',
  },
  DuplicateTargetEntries: {
    category: 'NonServiceFailure',
    action: 'Remove the duplicate from the target, or choose a matching attribute whose values are unique.',
  },
  SystemForCrossDomainIdentityManagementServiceIncompatible: {
    category: 'NonServiceFailure',
    action: 'Check the Tenant URL: the answer was not a SCIM 2.0 answer.',
  },
  BadRequest: {
    category: 'NonServiceFailure',
    action:
      'Correct the value the target refused (its message says which), in the source object or in the attribute mappings.',
  },
  SchemaPropertyCanOnlyAcceptValue: {
    category: 'UserError',
    action: 'Map a single-valued source, or pick one value with an expression.',
  },
  MandatoryFieldsMissing: {
    category: 'UserError',
    action:
      'Fill in the missing attribute on the user in Microsoft Entra ID, or map the target attribute from an attribute the user has.',
  },
  ImportSkipped: {
    category: 'UserError',
    action:
      'Fill in the matching attribute on the source object, or change the matching attribute in Mappings.',
  },
  NotEffectivelyEntitled: {
    category: 'UserError',
    action:
      'Assign the user (or a group it belongs to) to the application with a role other than Default Access, and enable the account.',
  },
  RedundantExport: { category: 'UserError', action: 'Nothing to do.' },
}

/** The log's error information for `code`. */
export function logError(code: ObjectErrorCode, reason: string): LogError {
  const info = INFO[code]
  return { errorCode: code, reason, recommendedAction: info.action, errorCategory: info.category }
}

/** Whether a failure means the credentials are wrong, which quarantines the job at once. */
export function isCredentialFailure(code: string): boolean {
  return code === 'Unauthorized' || code === 'InsufficientRights'
}

function scimDetail(body: unknown): string {
  if (body !== null && typeof body === 'object' && typeof (body as { detail?: unknown }).detail === 'string')
    return ` It said: ${(body as { detail: string }).detail}`
  return ''
}

/** Classifies a failed call: the code and the sentence for the log. Null when the call succeeded. */
export function callFailure(
  call: ScimCall,
  targetSystem: string,
  okStatuses: readonly number[],
): { code: ObjectErrorCode; reason: string } | null {
  if (call.status !== null && okStatuses.includes(call.status)) return null
  const attempts = call.exchanges.length
  const tried = attempts > 1 ? ` (${attempts} attempts)` : ''
  if (call.failure === 'timeout')
    return {
      code: 'Timeout',
      reason: `${targetSystem} took too long to respond to ${call.summary}: ${call.failureMessage}${tried}.`,
    }
  if (call.failure === 'unreachable' || call.status === null)
    return {
      code: 'WebExceptionProtocolError',
      reason: `Could not connect to ${targetSystem} for ${call.summary}: ${call.failureMessage}${tried}.`,
    }
  const said = `${targetSystem} returned an error response with the HTTP status code ${call.status} to ${call.summary}${tried}.${scimDetail(call.body)}`
  const status = call.status
  if (status === 401) return { code: 'Unauthorized', reason: `${said} The Secret Token was refused.` }
  if (status === 403) return { code: 'InsufficientRights', reason: said }
  if (status === 404) return { code: 'InvalidAnchor', reason: said }
  if (status === 409)
    return { code: 'EntryConflict', reason: `${said} A user or group already exists with the same name.` }
  if (status === 429) return { code: 'TooManyRequests', reason: said }
  if (status >= 500) return { code: 'InternalServerError', reason: said }
  return { code: 'BadRequest', reason: said }
}
