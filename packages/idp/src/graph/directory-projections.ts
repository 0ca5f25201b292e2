import type { DeepReadonly } from '@sandbox/shared'
import type { ApplicationTemplate } from '../enterprise-apps/gallery'
import type { SignInRecord } from '../sign-in-log/sign-in-log'
import type { ClaimsMappingPolicy, DirectoryGroup, DirectoryUser, Tenant } from '../state/idp-state'

/** A Graph JSON object. */
export type GraphObject = Record<string, unknown>

/** Graph's default user properties come first; the rest appear with `$select`. */
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const

/** A user as Graph shows it (every property; the route trims to the default set unless `$select`). */
export function graphUser(user: DeepReadonly<DirectoryUser>): GraphObject {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: null,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: user.accountEnabled,
    mailNickname: user.mailNickname,
    onPremisesUserPrincipalName: user.onPremisesUserPrincipalName,
    createdDateTime: user.createdDateTime,
    userType: 'Member',
  }
}

/** The default projection of a user (no `$select`). */
export function defaultUserView(user: GraphObject): GraphObject {
  return Object.fromEntries(DEFAULT_USER_PROPERTIES.map((p) => [p, user[p]]))
}

/** A user as a member of a collection of directory objects. */
export function graphDirectoryObject(user: DeepReadonly<DirectoryUser>): GraphObject {
  return { '@odata.type': '#microsoft.graph.user', ...defaultUserView(graphUser(user)) }
}

/** A security group. */
export function graphGroup(group: DeepReadonly<DirectoryGroup>): GraphObject {
  return {
    id: group.id,
    deletedDateTime: null,
    createdDateTime: group.createdDateTime,
    description: group.description,
    displayName: group.displayName,
    groupTypes: [],
    mail: null,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    securityEnabled: group.securityEnabled,
    visibility: null,
  }
}

/** A group as a member of a collection of directory objects (`memberOf`). */
export function graphMemberGroup(group: DeepReadonly<DirectoryGroup>): GraphObject {
  return { '@odata.type': '#microsoft.graph.group', ...graphGroup(group) }
}

/** A gallery template. */
export function graphTemplate(template: ApplicationTemplate): GraphObject {
  return { ...template }
}

/** A claims mapping policy. */
export function graphClaimsPolicy(policy: DeepReadonly<ClaimsMappingPolicy>): GraphObject {
  return {
    id: policy.id,
    deletedDateTime: null,
    definition: [...policy.definition],
    displayName: policy.displayName,
    isOrganizationDefault: policy.isOrganizationDefault,
  }
}

/** The tenant as Graph's `/organization` shows it. */
export function graphOrganization(tenant: DeepReadonly<Tenant>): GraphObject {
  return {
    id: tenant.id,
    displayName: tenant.displayName,
    createdDateTime: tenant.createdDateTime,
    tenantType: 'AAD',
    verifiedDomains: [
      {
        capabilities: 'Email, OfficeCommunicationsOnline',
        isDefault: true,
        isInitial: false,
        name: tenant.defaultDomain,
        type: 'Managed',
      },
    ],
  }
}

/** Graph's free-text detail of a sign-in: how it started, and a sandbox fault that answered it. */
function additionalDetailsOf(record: SignInRecord): string | null {
  const details = [
    // The error-code reference's description of KmsiInterrupt.
    record.status === 'interrupted'
      ? 'This is an expected part of the login flow, where a user is asked if they want to remain signed into their current browser to make further logins easier.'
      : null,
    record.initiatedBy === 'idp' ? 'IdP-initiated sign-in (My Apps or Test this application).' : null,
    record.fault ? `Sandbox fault ${record.fault.preset}: ${record.fault.description}` : null,
  ].filter((line) => line !== null)
  return details.length > 0 ? details.join(' ') : null
}

/** A sign-in log entry as Graph's `auditLogs/signIns` shows it. */
export function graphSignIn(record: SignInRecord): GraphObject {
  return {
    id: record.id,
    createdDateTime: record.createdDateTime,
    userDisplayName: record.userDisplayName,
    userPrincipalName: record.userPrincipalName,
    userId: record.userId,
    appId: record.appId,
    appDisplayName: record.appDisplayName,
    ipAddress: record.ipAddress,
    clientAppUsed: 'Browser',
    correlationId: record.correlationId,
    conditionalAccessStatus: 'notApplied',
    isInteractive: true,
    resourceDisplayName: record.appDisplayName,
    resourceId: record.servicePrincipalId,
    status: {
      errorCode: record.errorCode,
      failureReason: record.errorCode === 0 ? null : record.failureReason,
      additionalDetails: additionalDetailsOf(record),
    },
  }
}
