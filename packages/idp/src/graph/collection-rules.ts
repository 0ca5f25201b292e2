import type { SearchableProperties } from './odata-search'

/** `default`: Graph sorts by it in any query; `advanced`: only with ConsistencyLevel + `$count`. */
export type SortSupport = 'default' | 'advanced'

/** What Graph lets a query do on one collection (its documented advanced-query tables). */
export interface CollectionRules {
  /** The entity in Graph's messages ("Unsupported sort property 'x' for 'User'."). */
  readonly entity: string
  /** The OData type in `$expand` messages. */
  readonly odataType: string
  /**
   * Directory objects: `$count` and `$search` need `ConsistencyLevel: eventual`; `ne`, `not`,
   * `endsWith`, advanced sort properties and `$filter` with `$orderby` also need `$count=true`.
   */
  readonly directory: boolean
  readonly orderBy: Readonly<Record<string, SortSupport>>
  readonly search: SearchableProperties | null
  /** Every navigation property Graph defines on the type (the ones served come with the request). */
  readonly navigations: readonly string[]
}

/** `/users`. */
export const USER_RULES: CollectionRules = {
  entity: 'User',
  odataType: 'microsoft.graph.user',
  directory: true,
  orderBy: {
    displayName: 'default',
    userPrincipalName: 'default',
    createdDateTime: 'advanced',
    deletedDateTime: 'advanced',
  },
  search: {
    tokenized: ['displayName'],
    prefix: [
      'givenName',
      'surname',
      'mail',
      'mailNickname',
      'userPrincipalName',
      'onPremisesUserPrincipalName',
    ],
  },
  navigations: [
    'appRoleAssignments',
    'createdObjects',
    'directReports',
    'manager',
    'memberOf',
    'ownedDevices',
    'ownedObjects',
    'registeredDevices',
    'transitiveMemberOf',
  ],
}

/** `/groups`. */
export const GROUP_RULES: CollectionRules = {
  entity: 'Group',
  odataType: 'microsoft.graph.group',
  directory: true,
  orderBy: { displayName: 'default', deletedDateTime: 'advanced' },
  search: { tokenized: ['displayName', 'description'], prefix: ['mail', 'mailNickname'] },
  navigations: [
    'appRoleAssignments',
    'createdOnBehalfOf',
    'memberOf',
    'members',
    'owners',
    'transitiveMemberOf',
    'transitiveMembers',
  ],
}

/** `/servicePrincipals`. */
export const SERVICE_PRINCIPAL_RULES: CollectionRules = {
  entity: 'ServicePrincipal',
  odataType: 'microsoft.graph.servicePrincipal',
  directory: true,
  orderBy: { displayName: 'advanced', createdDateTime: 'advanced', deletedDateTime: 'advanced' },
  search: { tokenized: ['displayName', 'description'], prefix: ['appId', 'appDisplayName'] },
  navigations: [
    'appRoleAssignedTo',
    'appRoleAssignments',
    'claimsMappingPolicies',
    'createdObjects',
    'memberOf',
    'oauth2PermissionGrants',
    'ownedObjects',
    'owners',
    'tokenIssuancePolicies',
    'tokenLifetimePolicies',
    'transitiveMemberOf',
  ],
}

/** `/applications`. */
export const APPLICATION_RULES: CollectionRules = {
  entity: 'Application',
  odataType: 'microsoft.graph.application',
  directory: true,
  orderBy: { displayName: 'advanced', createdDateTime: 'advanced', deletedDateTime: 'advanced' },
  search: { tokenized: ['displayName', 'description'], prefix: ['appId'] },
  navigations: ['createdOnBehalfOf', 'extensionProperties', 'owners', 'tokenIssuancePolicies'],
}

/** Relationships whose members are users or groups (`members`, `memberOf`). */
export const DIRECTORY_OBJECT_RULES: CollectionRules = {
  entity: 'DirectoryObject',
  odataType: 'microsoft.graph.directoryObject',
  directory: true,
  orderBy: { displayName: 'advanced' },
  search: { tokenized: ['displayName'], prefix: ['mail', 'userPrincipalName'] },
  navigations: [],
}

/** App role assignments (`appRoleAssignments`, `appRoleAssignedTo`): directory objects, no sort or search. */
export const ASSIGNMENT_RULES: CollectionRules = {
  entity: 'AppRoleAssignment',
  odataType: 'microsoft.graph.appRoleAssignment',
  directory: true,
  orderBy: {},
  search: null,
  navigations: [],
}

/** Collections that are not directory objects (templates, policies, organization). */
export function plainRules(
  entity: string,
  orderBy: Readonly<Record<string, SortSupport>> = {},
): CollectionRules {
  return {
    entity,
    odataType: `microsoft.graph.${entity.charAt(0).toLowerCase()}${entity.slice(1)}`,
    directory: false,
    orderBy,
    search: null,
    navigations: [],
  }
}
