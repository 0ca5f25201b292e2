/**
 * The `fed:ClaimTypesOffered` list of Entra's federation metadata: the same
 * 19 claim types, display names and descriptions, in the same order, in tenant and app metadata.
 */
export const CLAIM_TYPES_OFFERED: readonly (readonly [
  uri: string,
  displayName: string,
  description: string,
])[] = [
  [
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
    'Name',
    'The mutable display name of the user.',
  ],
  [
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
    'Subject',
    'An immutable, globally unique, non-reusable identifier of the user that is unique to the application for which a token is issued.',
  ],
  [
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
    'Given Name',
    'First name of the user.',
  ],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'Surname', 'Last name of the user.'],
  ['http://schemas.microsoft.com/identity/claims/displayname', 'Display Name', 'Display name of the user.'],
  ['http://schemas.microsoft.com/identity/claims/nickname', 'Nick Name', 'Nick name of the user.'],
  [
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationinstant',
    'Authentication Instant',
    'The time (UTC) when the user is authenticated to Windows Azure Active Directory.',
  ],
  [
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationmethod',
    'Authentication Method',
    'The method that Windows Azure Active Directory uses to authenticate users.',
  ],
  [
    'http://schemas.microsoft.com/identity/claims/objectidentifier',
    'ObjectIdentifier',
    'Primary identifier for the user in the directory. Immutable, globally unique, non-reusable.',
  ],
  ['http://schemas.microsoft.com/identity/claims/tenantid', 'TenantId', "Identifier for the user's tenant."],
  [
    'http://schemas.microsoft.com/identity/claims/identityprovider',
    'IdentityProvider',
    'Identity provider for the user.',
  ],
  [
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    'Email',
    'Email address of the user.',
  ],
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/groups', 'Groups', 'Groups of the user.'],
  [
    'http://schemas.microsoft.com/identity/claims/accesstoken',
    'External Access Token',
    'Access token issued by external identity provider.',
  ],
  [
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/expiration',
    'External Access Token Expiration',
    'UTC expiration time of access token issued by external identity provider.',
  ],
  [
    'http://schemas.microsoft.com/identity/claims/openid2_id',
    'External OpenID 2.0 Identifier',
    'OpenID 2.0 identifier issued by external identity provider.',
  ],
  [
    'http://schemas.microsoft.com/claims/groups.link',
    'GroupsOverageClaim',
    "Issued when number of user's group claims exceeds return limit.",
  ],
  [
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
    'Role Claim',
    'Roles that the user or Service Principal is attached to',
  ],
  [
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/wids',
    'RoleTemplate Id Claim',
    'Role template id of the Built-in Directory Roles that the user is a member of',
  ],
]
