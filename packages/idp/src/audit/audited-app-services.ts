import type { DocumentStore, Result } from '@sandbox/shared'
import type { createCertificateService } from '../certificates/certificate-service'
import type { createClaimsService } from '../claims/claims-service'
import type { createAppService } from '../enterprise-apps/app-service'
import type { createAssignmentService } from '../enterprise-apps/assignment-service'
import { appByApplicationId, appByServicePrincipalId } from '../enterprise-apps/lookup'
import type { createSamlConfigService } from '../enterprise-apps/saml-config-service'
import type { IdpState } from '../state/idp-state'
import {
  type AppObjectKind,
  appTarget,
  claimsView,
  keyCredentialView,
  type StoredApp,
  VIEW_OF,
} from './app-audit-views'
import { assignmentAudit } from './assignment-audit'
import { API_CLIENT, type AuditActor, type AuditLog, changedProperties } from './audit-log'

type AnyResult = Result<unknown, unknown>
type Locate = () => StoredApp | undefined

/** Entra's name for a change to an app's signing certificates. */
export const CERTIFICATES_ACTIVITY = 'Update application – Certificates and secrets management'

/**
 * The app, SAML, claims, assignment and certificate services with audit entries, so the admin center's
 * Audit logs show application changes the way Entra's do, whichever door made them. Each
 * changing method takes who made the change last (the console passes its admin; every other
 * caller is the API client). A refused change, or one that changed nothing, leaves no entry.
 */
export function auditedAppServices(
  deps: { audit: AuditLog; store: DocumentStore<IdpState> },
  services: {
    apps: ReturnType<typeof createAppService>
    assignments: ReturnType<typeof createAssignmentService>
    samlConfig: ReturnType<typeof createSamlConfigService>
    certificates: ReturnType<typeof createCertificateService>
    claims: ReturnType<typeof createClaimsService>
  },
) {
  const { audit, store } = deps
  const { apps, assignments, samlConfig, certificates, claims } = services
  const bySp =
    (id: string): Locate =>
    () =>
      appByServicePrincipalId(store.read(), id)
  const byApplication =
    (id: string): Locate =>
    () =>
      appByApplicationId(store.read(), id)

  /** Runs `change`, then records one entry per side of the app whose compared properties moved. */
  async function updated<R extends AnyResult>(
    locate: Locate,
    by: AuditActor,
    sides: readonly {
      kind: AppObjectKind
      activity: string
      view?: (app: StoredApp) => Record<string, unknown>
    }[],
    change: () => Promise<R>,
  ): Promise<R> {
    const before = locate()
    const result = await change()
    const after = locate()
    if (!result.ok || !before || !after) return result
    for (const side of sides) {
      const view = side.view ?? VIEW_OF[side.kind]
      const was = view(before)
      const now = view(after)
      const names = [...new Set([...Object.keys(was), ...Object.keys(now)])]
      const modifiedProperties = changedProperties(was, now, names)
      if (modifiedProperties.length === 0) continue
      audit.record({
        category: 'ApplicationManagement',
        activityDisplayName: side.activity,
        initiatedBy: by,
        targets: [appTarget(after, side.kind)],
        modifiedProperties,
      })
    }
    return result
  }

  /** Records Entra's pair of entries for a whole app added or deleted. */
  function wholeApp(app: StoredApp, verb: 'Add' | 'Delete', by: AuditActor): void {
    for (const kind of ['Application', 'ServicePrincipal'] as const) {
      const view = VIEW_OF[kind](app)
      const modifiedProperties =
        verb === 'Add'
          ? changedProperties({}, view, Object.keys(view))
          : changedProperties(view, {}, ['DisplayName'])
      audit.record({
        category: 'ApplicationManagement',
        activityDisplayName: `${verb} ${kind === 'Application' ? 'application' : 'service principal'}`,
        initiatedBy: by,
        targets: [appTarget(app, kind)],
        modifiedProperties,
      })
    }
  }

  const application = (activity = 'Update application') => ({ kind: 'Application' as const, activity })
  const servicePrincipal = (activity = 'Update service principal') => ({
    kind: 'ServicePrincipal' as const,
    activity,
  })
  const keys = { kind: 'ServicePrincipal' as const, activity: CERTIFICATES_ACTIVITY, view: keyCredentialView }
  const basicSaml = [application(), servicePrincipal()]
  // Attributes & Claims: one "Update application" naming the claim (or the Name ID) that moved.
  const claimsMapping = [{ kind: 'Application' as const, activity: 'Update application', view: claimsView }]
  const audited = assignmentAudit(audit, store)

  return {
    apps: {
      ...apps,
      async instantiate(templateId: string, displayName: string | undefined, by: AuditActor = API_CLIENT) {
        const made = await apps.instantiate(templateId, displayName)
        const app = made.ok ? bySp(made.value.servicePrincipal.id)() : undefined
        if (app) wholeApp(app, 'Add', by)
        return made
      },
      updateApplication: (id: string, patch: Parameters<typeof apps.updateApplication>[1], by = API_CLIENT) =>
        updated(byApplication(id), by, [application(), servicePrincipal()], () =>
          apps.updateApplication(id, patch),
        ),
      updateServicePrincipal: (
        id: string,
        patch: Parameters<typeof apps.updateServicePrincipal>[1],
        by = API_CLIENT,
      ) => updated(bySp(id), by, [servicePrincipal()], () => apps.updateServicePrincipal(id, patch)),
      async deleteApp(
        id: string,
        kind: 'servicePrincipal' | 'application' = 'servicePrincipal',
        by = API_CLIENT,
      ) {
        const app = (kind === 'application' ? byApplication(id) : bySp(id))()
        const deleted = await apps.deleteApp(id, kind)
        if (deleted.ok && app) wholeApp(app, 'Delete', by)
        return deleted
      },
    },
    assignments: {
      ...assignments,
      async assign(input: Parameters<typeof assignments.assign>[0], by: AuditActor = API_CLIENT) {
        const made = await assignments.assign(input)
        if (made.ok) audited.added(made.value, by)
        return made
      },
      removeFromApp: (servicePrincipalId: string, assignmentId: string, by: AuditActor = API_CLIENT) =>
        audited.removed(assignmentId, by, () => assignments.removeFromApp(servicePrincipalId, assignmentId)),
      unassign: (assignmentId: string, by: AuditActor = API_CLIENT) =>
        audited.removed(assignmentId, by, () => assignments.unassign(assignmentId)),
    },
    samlConfig: {
      ...samlConfig,
      enableSaml: (id: string, by = API_CLIENT) =>
        updated(bySp(id), by, [servicePrincipal(), keys], () => samlConfig.enableSaml(id)),
      configureBasicSaml: (
        id: string,
        input: Parameters<typeof samlConfig.configureBasicSaml>[1],
        by = API_CLIENT,
      ) => updated(bySp(id), by, basicSaml, () => samlConfig.configureBasicSaml(id, input)),
      uploadSpMetadata: (id: string, xml: string, by = API_CLIENT) =>
        updated(bySp(id), by, basicSaml, () => samlConfig.uploadSpMetadata(id, xml)),
      setSigningOptions: (
        id: string,
        input: Parameters<typeof samlConfig.setSigningOptions>[1],
        by = API_CLIENT,
      ) => updated(bySp(id), by, [servicePrincipal()], () => samlConfig.setSigningOptions(id, input)),
      setTokenTiming: (id: string, input: Parameters<typeof samlConfig.setTokenTiming>[1], by = API_CLIENT) =>
        updated(bySp(id), by, [servicePrincipal()], () => samlConfig.setTokenTiming(id, input)),
      setRequestVerification: (
        id: string,
        input: Parameters<typeof samlConfig.setRequestVerification>[1],
        by = API_CLIENT,
      ) => updated(bySp(id), by, [servicePrincipal()], () => samlConfig.setRequestVerification(id, input)),
      setEncryption: (id: string, input: Parameters<typeof samlConfig.setEncryption>[1], by = API_CLIENT) =>
        updated(bySp(id), by, [servicePrincipal()], () => samlConfig.setEncryption(id, input)),
    },
    certificates: {
      ...certificates,
      addCertificate: (
        id: string,
        input: Parameters<typeof certificates.addCertificate>[1],
        by = API_CLIENT,
      ) => updated(bySp(id), by, [keys], () => certificates.addCertificate(id, input)),
      importCertificate: (
        id: string,
        input: Parameters<typeof certificates.importCertificate>[1],
        by = API_CLIENT,
      ) => updated(bySp(id), by, [keys], () => certificates.importCertificate(id, input)),
      rollover: (id: string, input: Parameters<typeof certificates.rollover>[1] = {}, by = API_CLIENT) =>
        updated(bySp(id), by, [keys], () => certificates.rollover(id, input)),
      activate: (id: string, thumbprint: string, by = API_CLIENT) =>
        updated(bySp(id), by, [keys], () => certificates.activate(id, thumbprint)),
      deleteCertificate: (id: string, thumbprint: string, by = API_CLIENT) =>
        updated(bySp(id), by, [keys], () => certificates.deleteCertificate(id, thumbprint)),
    },
    claims: {
      ...claims,
      setNameId: (id: string, input: Parameters<typeof claims.setNameId>[1], by = API_CLIENT) =>
        updated(bySp(id), by, claimsMapping, () => claims.setNameId(id, input)),
      addClaim: (id: string, input: Parameters<typeof claims.addClaim>[1], by = API_CLIENT) =>
        updated(bySp(id), by, claimsMapping, () => claims.addClaim(id, input)),
      updateClaim: (
        id: string,
        claimId: string,
        input: Parameters<typeof claims.updateClaim>[2],
        by = API_CLIENT,
      ) => updated(bySp(id), by, claimsMapping, () => claims.updateClaim(id, claimId, input)),
      deleteClaim: (id: string, claimId: string, by = API_CLIENT) =>
        updated(bySp(id), by, claimsMapping, () => claims.deleteClaim(id, claimId)),
    },
  }
}
