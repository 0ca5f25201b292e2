import { ok, type Result } from '@sandbox/shared'
import { type AdminError, invalid } from '../errors/admin-error'
import type { EnterpriseApp, IdpState, ReplyUrl } from '../state/idp-state'
import {
  checkIdentifiers,
  checkLogoutUrl,
  checkRelayState,
  checkReplyUrls,
  checkSignOnUrl,
} from './basic-saml-rules'
import { rulesOf } from './rules-of'

/** The Basic SAML Configuration form; absent fields are left unchanged, null clears. */
export interface BasicSamlInput {
  readonly identifiers?: readonly { readonly value: string; readonly isDefault?: boolean }[]
  readonly replyUrls?: readonly {
    readonly url: string
    readonly index?: number | null
    readonly isDefault?: boolean
  }[]
  readonly signOnUrl?: string | null
  readonly relayState?: string | null
  readonly logoutUrl?: string | null
}

/** Applies the Basic SAML Configuration form to an app, with Entra's validation; nothing changes on error. */
export function applyBasicSaml(
  draft: IdpState,
  app: EnterpriseApp,
  input: BasicSamlInput,
): Result<void, AdminError> {
  const rules = rulesOf(app)
  if (input.identifiers !== undefined) {
    if (input.identifiers.length === 0)
      return invalid('At least one Identifier (Entity ID) is required.', 'identifiers')
    if (input.identifiers.filter((i) => i.isDefault).length > 1) {
      return invalid('Only one Identifier can be marked as default.', 'identifiers')
    }
    const checked = checkIdentifiers(
      draft,
      app,
      rules,
      input.identifiers.map((i) => i.value),
    )
    if (!checked.ok) return checked
    const flagged = input.identifiers.findIndex((i) => i.isDefault)
    app.application.identifierUris = checked.value
    app.application.defaultIdentifier = checked.value[Math.max(flagged, 0)] ?? null
  }
  if (input.replyUrls !== undefined) {
    if (input.replyUrls.length === 0) return invalid('At least one Reply URL is required.', 'replyUrls')
    const wanted: ReplyUrl[] = input.replyUrls.map((r) => ({
      url: r.url,
      index: r.index ?? null,
      isDefault: r.isDefault === true,
    }))
    const checked = checkReplyUrls(rules, wanted)
    if (!checked.ok) return checked
    app.application.replyUrls = checked.value
  }
  if (input.signOnUrl !== undefined) {
    const url = input.signOnUrl ? checkSignOnUrl(rules, input.signOnUrl) : ok(null)
    if (!url.ok) return url
    app.servicePrincipal.loginUrl = url.value
  }
  if (input.relayState !== undefined) {
    const relay = input.relayState ? checkRelayState(input.relayState) : ok(null)
    if (!relay.ok) return relay
    app.servicePrincipal.relayState = relay.value
  }
  return input.logoutUrl === undefined ? ok(undefined) : setLogoutUrl(app, input.logoutUrl)
}

/**
 * The Logout URL rule, the one place it lives (Basic SAML Configuration, Graph's
 * `web.logoutUrl`, metadata upload): where the IdP sends LogoutResponses; a web URL as for Reply
 * URLs; empty or null clears it.
 */
export function setLogoutUrl(app: EnterpriseApp, value: string | null): Result<void, AdminError> {
  const url = checkLogoutUrl(value)
  if (!url.ok) return url
  app.application.logoutUrl = url.value
  return ok(undefined)
}
