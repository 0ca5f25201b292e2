import type { ScimBaseUrls } from '../../../org/organization-service'
import { ActionButton } from '../actions'
import { Facts, SettingsRow, SettingsSection } from '../cards'

/**
 * Organization Settings > SCIM: the two base URLs (Webex's v2 path and the legacy one Entra's
 * gallery app uses) and "Generate token" for a provisioning connector; a new token is shown once,
 * on the page that answers the POST, and the previous one stops working at once.
 */
export function ScimSection(props: { urls: ScimBaseUrls; csrfToken: string; newToken?: string }) {
  return (
    <SettingsSection id="scim" title="SCIM">
      <SettingsRow
        label="SCIM base URLs"
        description="Paste one into Entra > Provisioning > Tenant URL (the gallery app expects the legacy one)."
      >
        <Facts
          items={[
            { label: 'SCIM 2.0 (Webex)', value: <code>{props.urls.scimBaseUrl}</code> },
            { label: 'Legacy (Entra gallery app)', value: <code>{props.urls.legacyScimBaseUrl}</code> },
          ]}
        />
      </SettingsRow>
      <SettingsRow
        label="Provisioning token"
        description="The bearer token a provisioning connector sends (Entra > Provisioning > Secret Token). Generating a new one revokes the old one at once."
        action={
          <ActionButton
            label="Generate token"
            variant="primary"
            action={{ method: 'post', href: '/admin/settings/scim/token', csrfToken: props.csrfToken }}
          />
        }
      >
        {props.newToken ? (
          <div class="form-success" role="status">
            <p>
              <strong>New token (shown only now: copy it into the connector):</strong>
            </p>
            <code id="new-scim-token">{props.newToken}</code>
          </div>
        ) : null}
      </SettingsRow>
    </SettingsSection>
  )
}
