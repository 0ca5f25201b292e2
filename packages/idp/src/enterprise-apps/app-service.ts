// enterprise-apps/: enterprise applications: the gallery, Basic SAML Configuration, SAML settings, assignments, who may use them.
import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { activateCertificate } from '../certificates/activation'
import { checkDisplayName, checkEmailShaped, setDisplayName } from '../directory/user-rules'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import type { DeepState } from '../state/deep-state'
import { patchFound, readFound, updateFound } from '../state/found'
import type { AppRole, EnterpriseApp, IdpState, ReplyUrl, SSO_MODES } from '../state/idp-state'
import { applyBasicSaml, setLogoutUrl } from './basic-saml-config'
import { checkIdentifiers, checkReplyUrls } from './basic-saml-rules'
import { type ApplicationTemplate, GALLERY, galleryEntry, SINGLE_INSTANCE_MESSAGE } from './gallery'
import { appByAppId, appByApplicationId, appByServicePrincipalId } from './lookup'
import { newEnterpriseApp } from './new-app'
import { rulesOf } from './rules-of'

/** What Graph's PATCH /applications/{id} can change. */
export interface ApplicationPatch {
  readonly displayName?: string
  readonly identifierUris?: readonly string[]
  readonly redirectUris?: readonly string[]
  /** Graph `web.redirectUriSettings`: the index of each reply URL. */
  readonly redirectUriSettings?: readonly { readonly uri: string; readonly index: number | null }[]
  readonly logoutUrl?: string | null
}

/** What Graph's PATCH /servicePrincipals/{id} (and the Properties blade) can change. */
export interface ServicePrincipalPatch {
  readonly displayName?: string
  readonly preferredSingleSignOnMode?: (typeof SSO_MODES)[number] | null
  readonly loginUrl?: string | null
  readonly relayState?: string | null
  readonly appRoleAssignmentRequired?: boolean
  readonly visibleToUsers?: boolean
  readonly accountEnabled?: boolean
  readonly notificationEmailAddresses?: readonly string[]
  readonly preferredTokenSigningKeyThumbprint?: string | null
  readonly appRoles?: readonly AppRole[]
  /** Properties > Notes; empty or null clears them. */
  readonly notes?: string | null
}

function patchApplication(
  draft: IdpState,
  app: EnterpriseApp,
  patch: ApplicationPatch,
): Result<void, AdminError> {
  const rules = rulesOf(app)
  if (patch.displayName !== undefined) {
    const name = checkDisplayName(patch.displayName, 'Application')
    if (!name.ok) return name
    app.application.displayName = name.value
    app.servicePrincipal.displayName = name.value
  }
  if (patch.identifierUris !== undefined) {
    const identifiers = checkIdentifiers(draft, app, rules, patch.identifierUris)
    if (!identifiers.ok) return identifiers
    app.application.identifierUris = identifiers.value
    const keep = app.application.defaultIdentifier
    app.application.defaultIdentifier =
      keep && identifiers.value.includes(keep) ? keep : (identifiers.value[0] ?? null)
  }
  if (patch.redirectUris !== undefined || patch.redirectUriSettings !== undefined) {
    const uris = patch.redirectUris ?? app.application.replyUrls.map((r) => r.url)
    const settings =
      patch.redirectUriSettings ?? app.application.replyUrls.map((r) => ({ uri: r.url, index: r.index }))
    const wanted: ReplyUrl[] = uris.map((url) => ({
      url,
      index: settings.find((s) => s.uri === url)?.index ?? null,
      isDefault: app.application.replyUrls.find((r) => r.url === url)?.isDefault ?? false,
    }))
    const replyUrls = checkReplyUrls(rules, wanted)
    if (!replyUrls.ok) return replyUrls
    app.application.replyUrls = replyUrls.value
  }
  return patch.logoutUrl === undefined ? ok(undefined) : setLogoutUrl(app, patch.logoutUrl)
}

function patchServicePrincipal(
  draft: IdpState,
  app: EnterpriseApp,
  patch: ServicePrincipalPatch,
  now: number,
): Result<void, AdminError> {
  const sp = app.servicePrincipal
  const name = setDisplayName(sp, patch.displayName, 'ServicePrincipal')
  if (!name.ok) return name
  if (patch.preferredSingleSignOnMode !== undefined)
    sp.preferredSingleSignOnMode = patch.preferredSingleSignOnMode
  const urls = applyBasicSaml(draft, app, { signOnUrl: patch.loginUrl, relayState: patch.relayState })
  if (!urls.ok) return urls
  if (patch.appRoleAssignmentRequired !== undefined)
    sp.appRoleAssignmentRequired = patch.appRoleAssignmentRequired
  if (patch.visibleToUsers !== undefined) sp.visibleToUsers = patch.visibleToUsers
  if (patch.accountEnabled !== undefined) sp.accountEnabled = patch.accountEnabled
  if (patch.notificationEmailAddresses !== undefined) {
    if (patch.notificationEmailAddresses.length > 5) {
      return invalid('At most 5 notification email addresses can be set.', 'notificationEmailAddresses')
    }
    for (const address of patch.notificationEmailAddresses) {
      const checked = checkEmailShaped(address, 'notificationEmailAddresses')
      if (!checked.ok || checked.value === null) {
        return invalid(`'${address}' is not an email address.`, 'notificationEmailAddresses')
      }
    }
    sp.notificationEmailAddresses = [...patch.notificationEmailAddresses]
  }
  if (patch.preferredTokenSigningKeyThumbprint !== undefined) {
    const thumbprint = activateCertificate(app, patch.preferredTokenSigningKeyThumbprint, now)
    if (!thumbprint.ok) return thumbprint
  }
  if (patch.notes !== undefined) {
    if (patch.notes !== null && patch.notes.length > 1024)
      return invalid('Notes can have at most 1024 characters.', 'notes')
    sp.notes = patch.notes === null || patch.notes.trim() === '' ? null : patch.notes
  }
  if (patch.appRoles !== undefined) {
    const ids = new Set(patch.appRoles.map((r) => r.id.toLowerCase()))
    if (ids.size !== patch.appRoles.length) return invalid('Two app roles have the same id.', 'appRoles')
    sp.appRoles = patch.appRoles.map((r) => structuredClone(r) as AppRole)
  }
  return ok(undefined)
}

/**
 * Enterprise applications: the gallery, instantiation (one registration and one service
 * principal per instance), their properties, and deletion.
 */
export function createAppService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  return {
    listTemplates(): readonly ApplicationTemplate[] {
      return GALLERY.map((g) => g.template)
    },

    getTemplate(id: string): Result<ApplicationTemplate, AdminError> {
      const entry = galleryEntry(id)
      return entry ? ok(entry.template) : notFound(id)
    },

    instantiate(
      templateId: string,
      displayName: string | undefined,
    ): Promise<Result<EnterpriseApp, AdminError>> {
      return store.update((draft) => {
        const entry = galleryEntry(templateId)
        if (!entry) return notFound(templateId)
        const name = checkDisplayName(displayName ?? '', 'Application')
        if (!name.ok) return name
        if (
          entry.rules.singleInstance &&
          draft.apps.some((a) => a.servicePrincipal.applicationTemplateId === entry.template.id)
        ) {
          return invalid(SINGLE_INSTANCE_MESSAGE)
        }
        const app = newEnterpriseApp(
          runtime.ids,
          runtime.clock.now(),
          entry.template,
          entry.rules,
          name.value,
        )
        draft.apps.push(app)
        return ok(app)
      })
    },

    listApps(): DeepState['apps'] {
      return store.read().apps
    },

    /** An app by its service principal id. */
    getByServicePrincipal(id: string): Result<DeepState['apps'][number], AdminError> {
      return readFound(store, appByServicePrincipalId, id)
    },

    /** An app by its registration's object id. */
    getByApplication(id: string): Result<DeepState['apps'][number], AdminError> {
      return readFound(store, appByApplicationId, id)
    },

    /** An app by its application (client) id. */
    getByAppId(appId: string): Result<DeepState['apps'][number], AdminError> {
      return readFound(store, appByAppId, appId)
    },

    updateApplication(id: string, patch: ApplicationPatch): Promise<Result<EnterpriseApp, AdminError>> {
      return patchFound(store, appByApplicationId, id, (app, draft) => patchApplication(draft, app, patch))
    },

    updateServicePrincipal(
      id: string,
      patch: ServicePrincipalPatch,
    ): Promise<Result<EnterpriseApp, AdminError>> {
      return patchFound(store, appByServicePrincipalId, id, (app, draft) =>
        patchServicePrincipal(draft, app, patch, runtime.clock.now()),
      )
    },

    /**
     * Deletes the whole enterprise app (registration, service principal, assignments), found by
     * its service principal's object id or by its registration's.
     */
    deleteApp(
      id: string,
      by: 'servicePrincipal' | 'application' = 'servicePrincipal',
    ): Promise<Result<void, AdminError>> {
      const find = by === 'application' ? appByApplicationId : appByServicePrincipalId
      return updateFound(store, find, id, (app, draft) => {
        draft.apps = draft.apps.filter((a) => a !== app)
        draft.appRoleAssignments = draft.appRoleAssignments.filter(
          (a) => a.resourceId !== app.servicePrincipal.id,
        )
        return ok(undefined)
      })
    },
  }
}
