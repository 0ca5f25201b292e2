import type { DocumentStore, Runtime } from '@sandbox/shared'
import { createDirectoryService } from './directory/directory-service'
import { createGroupService } from './directory/group-service'
import { createAppService } from './enterprise-apps/app-service'
import { createAssignmentService } from './enterprise-apps/assignment-service'
import type { IdpState } from './state/idp-state'

/** What every IdP service is built from. */
export interface ServiceDeps {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
  /** The IdP's public base URL, e.g. `http://localhost:7070`. */
  readonly url: string
}

/**
 * Builds the IdP's domain services once. The Graph API, the sandbox API, the SAML endpoint
 * and (later) the admin center pages all call these same services.
 */
export function createIdpServices(deps: ServiceDeps) {
  return {
    directory: createDirectoryService(deps),
    groups: createGroupService(deps),
    apps: createAppService(deps),
    assignments: createAssignmentService(deps),
  }
}

/** The IdP's services. */
export type IdpServices = ReturnType<typeof createIdpServices>
