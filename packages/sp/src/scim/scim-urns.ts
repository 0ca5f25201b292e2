/** RFC 7643 §8.7.1: the core User schema. */
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User'
/** RFC 7643 §8.7.1: the core Group schema. */
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group'
/** RFC 7643 §4.3: the enterprise User extension. */
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
/** Webex's own User extension (accountStatus, sipAddresses, managedOrgs, meta.organizationId). */
export const CISCO_URN = 'urn:scim:schemas:extension:cisco:webexidentity:2.0:User'
/** RFC 7644 §3.12. */
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error'
/** RFC 7644 §3.4.2. */
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'
/** RFC 7644 §3.4.3: the body of `POST .search`. */
export const SEARCH_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest'
/** RFC 7644 §3.7. */
export const BULK_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest'
export const BULK_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse'
/** Webex's answer to `GET /Groups/{id}/Members`. */
export const GROUP_MEMBERS_URN = 'urn:scim:schemas:extension:cisco:webexidentity:2.0:GroupMembers'
/** RFC 7644 §3.5.2. */
export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'
/** RFC 7643 §5, §6, §7. */
export const SERVICE_PROVIDER_CONFIG_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'
export const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType'
export const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema'
