// The provisioning service's codes: what each means, how to fix it, and its status on the JSON APIs.
/** The provisioning service's expected failures, one code each. */
export type ProvisioningErrorCode =
  | 'ServicePrincipalNotFound'
  | 'ProvisioningNotSupported'
  | 'TemplateNotFound'
  | 'JobNotFound'
  | 'JobAlreadyExists'
  | 'InvalidSecrets'
  | 'InvalidSettings'
  | 'CredentialsMissing'
  | 'TenantUrlInvalid'
  | 'CredentialsRejected'
  | 'TenantUrlNotScim'
  | 'TargetUnreachable'
  | 'InvalidMappings'
  | 'RuleNotFound'
  | 'SubjectNotFound'
  | 'InvalidOnDemandRequest'
  | 'CycleInterrupted'

/** What a code means, how to fix it, and the HTTP status the edge answers with. */
export interface ProvisioningCodeEntry {
  readonly meaning: string
  readonly fix: string
  readonly status: 400 | 404
}

/**
 * Code → meaning → fix → status. The JSON APIs answer with the code itself as Graph's
 * `error.code` (Graph's synchronization API has no catalogue of its own to borrow from);
 * meanings use Entra's words where Entra has them.
 */
export const PROVISIONING_CODES: Readonly<Record<ProvisioningErrorCode, ProvisioningCodeEntry>> = {
  ServicePrincipalNotFound: {
    meaning: 'There is no enterprise application with this service principal id.',
    fix: 'List the enterprise apps (GET /v1.0/servicePrincipals) and use the id of one of them.',
    status: 404,
  },
  ProvisioningNotSupported: {
    meaning: 'This application has no provisioning connector.',
    fix: 'Provision Cisco Webex (from the gallery) or a non-gallery application, whose templates GET …/synchronization/templates lists.',
    status: 400,
  },
  TemplateNotFound: {
    meaning: 'There is no synchronization template with this id for this application.',
    fix: 'Use a templateId that GET /v1.0/servicePrincipals/{id}/synchronization/templates lists.',
    status: 404,
  },
  JobNotFound: {
    meaning: 'This application has no provisioning job with this id.',
    fix: 'Create one (POST …/synchronization/jobs {"templateId": …}) or list them (GET …/synchronization/jobs).',
    status: 404,
  },
  JobAlreadyExists: {
    meaning: 'This application already has a provisioning job; Entra runs one per application.',
    fix: 'Use the existing job (GET …/synchronization/jobs), or delete it first.',
    status: 400,
  },
  InvalidSecrets: {
    meaning: 'The credentials or settings sent are not valid.',
    fix: 'Send {"value": [{"key": "BaseAddress", "value": "<Tenant URL>"}, {"key": "SecretToken", "value": "<token>"}]}; other keys: SyncAll ("true"/"false"), SyncNotificationSettings.',
    status: 400,
  },
  InvalidSettings: {
    meaning: 'A provisioning setting is out of range.',
    fix: 'See the sandbox API for the accepted values of each setting.',
    status: 400,
  },
  CredentialsMissing: {
    meaning: 'Provisioning has no Admin Credentials yet.',
    fix: 'Enter the Tenant URL and the Secret Token (PUT …/synchronization/secrets), test the connection, then start.',
    status: 400,
  },
  TenantUrlInvalid: {
    meaning: 'The Tenant URL is not an absolute http(s) URL.',
    fix: 'Enter the SCIM base URL of Cisco Webex: https://api.ciscospark.com/v1/scim/{OrgId} (in the sandbox, the Webex emulator’s base URL + /v1/scim/{orgId}; Control Hub shows it with the token).',
    status: 400,
  },
  CredentialsRejected: {
    meaning:
      'You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account.',
    fix: 'Copy the Secret Token again from Control Hub (a regenerated token replaces the old one at once) and test the connection again.',
    status: 400,
  },
  TenantUrlNotScim: {
    meaning: 'The Tenant URL did not answer as a SCIM 2.0 service.',
    fix: 'Check the Tenant URL: it is the SCIM base, ending in /v1/scim/{OrgId} (or /identity/scim/{OrgId}/v2), with the organization id Control Hub shows.',
    status: 400,
  },
  TargetUnreachable: {
    meaning: 'Microsoft Entra could not reach the Tenant URL.',
    fix: 'Check the host and port of the Tenant URL and that the Webex emulator is running.',
    status: 400,
  },
  InvalidMappings: {
    meaning: 'The attribute mappings are not valid.',
    fix: 'Correct the mapping named in the message; every target attribute once, one matching attribute with precedence 1, the required attributes mapped.',
    status: 400,
  },
  RuleNotFound: {
    meaning: 'The job’s schema has no synchronization rule with this id.',
    fix: 'Use the ruleId of GET …/jobs/{jobId}/schema (synchronizationRules[0].id), or leave it out.',
    status: 400,
  },
  SubjectNotFound: {
    meaning: 'There is no user or group with this object id.',
    fix: 'Use the object id of a user or group of the directory (GET /v1.0/users, /v1.0/groups).',
    status: 404,
  },
  InvalidOnDemandRequest: {
    meaning: 'Provision on demand takes one user, or one group and up to 5 of its members.',
    fix: 'Send {"parameters": [{"ruleId": …, "subjects": [{"objectId": …, "objectTypeName": "User"}]}]}.',
    status: 400,
  },
  CycleInterrupted: {
    meaning:
      'The provisioning cycle stopped before it finished (the job was paused or deleted, or the IdP is shutting down).',
    fix: 'Start the job again: the next cycle continues where this one stopped, without creating anything twice.',
    status: 400,
  },
}
