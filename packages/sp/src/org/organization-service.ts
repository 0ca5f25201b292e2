// org/: the Webex organization itself: its id and name, its API credential and its public URLs.
import { type DocumentStore, ok, type Result } from '@sandbox/shared'
import { fail, type SpErrorOf } from '../errors/catalogue'
import { type SpEntity, spEntityOf } from '../sso-setup/sp-entity'
import type { SpState } from '../state/sp-state'

/** The organization as Control Hub's API shows it: its name and the SP's identifiers and URLs. */
export type OrganizationView = { readonly name: string } & SpEntity

/** The base URLs of the org's SCIM API: Webex's v2 path and the legacy one of Entra's gallery app. */
export interface ScimBaseUrls {
  readonly scimBaseUrl: string
  readonly legacyScimBaseUrl: string
}

/**
 * The organization (Control Hub > Organization Settings): who it is, its display name (shown on
 * every Webex page), the Control Hub API's bearer token, and where its endpoints live.
 */
export function createOrganizationService(deps: { store: DocumentStore<SpState>; url: string }) {
  const { store } = deps

  function describe(): OrganizationView {
    const state = store.read()
    return { name: state.organization.name, ...spEntityOf(state, deps.url) }
  }

  return {
    /** The org's id and display name. */
    current(): { readonly id: string; readonly name: string } {
      const { id, name } = store.read().organization
      return { id, name }
    },

    describe,

    /** The identifiers and URLs the SP's metadata and checks use, as the current settings make them. */
    entity(): SpEntity {
      return spEntityOf(store.read(), deps.url)
    },

    /** Renames the org: 1 to 80 characters, no control characters. */
    async rename(name: string): Promise<Result<OrganizationView, SpErrorOf<'SETTINGS_INVALID'>>> {
      const trimmed = name.trim()
      if (trimmed.length === 0 || trimmed.length > 80 || [...trimmed].some((ch) => ch.charCodeAt(0) < 0x20))
        return fail('SETTINGS_INVALID', { setting: 'name' })
      await store.update((draft) => {
        draft.organization.name = trimmed
        return ok(true)
      })
      return ok(describe())
    },

    /** The bearer token of the Control Hub JSON API (`/api/v1`). */
    adminApiToken(): string {
      return store.read().adminApiToken
    },

    scimBaseUrls(): ScimBaseUrls {
      const orgId = store.read().organization.id
      return {
        scimBaseUrl: `${deps.url}/identity/scim/${orgId}/v2`,
        legacyScimBaseUrl: `${deps.url}/v1/scim/${orgId}`,
      }
    },
  }
}
