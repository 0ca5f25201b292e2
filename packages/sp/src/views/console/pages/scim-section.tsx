import type { ScimBaseUrls } from '../../../org/organization-service'
import type { ScimConnectorToken } from '../../../scim/scim-connector-tokens'
import { ActionButton, PostForm } from '../actions'
import { Facts, SettingsRow, SettingsSection } from '../cards'
import { DataTable } from '../data-table'
import { TextField } from '../fields'

const at = (iso: string) => <time datetime={iso}>{iso.replace('T', ' ').slice(0, 16)} UTC</time>

export interface ScimSectionProps {
  readonly urls: ScimBaseUrls
  readonly csrfToken: string
  readonly tokens: readonly ScimConnectorToken[]
  /** The token just generated: on the page that answers the POST only. */
  readonly newToken?: { readonly name: string; readonly token: string }
  /** What was typed when "Generate token" was refused, and why. */
  readonly draftName?: string
  readonly nameError?: string
  /** Why a revoke was refused (the token was already gone). */
  readonly revokeError?: string
}

/**
 * Organization Settings > SCIM: the two base URLs (Webex's v2 path and the legacy one Entra's
 * gallery app uses) and the named tokens of provisioning connectors: "Generate token" shows a
 * new one once, each listed token can be revoked on its own (after a confirmation).
 */
export function ScimSection(props: ScimSectionProps) {
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
        label="Provisioning tokens"
        description="The bearer token a provisioning connector sends (Entra > Provisioning > Secret Token). Give each connector its own token, so one can be revoked without stopping the others."
      >
        <PostForm id="scim-token" action="/admin/settings/scim/token" csrfToken={props.csrfToken}>
          <TextField
            label="Token name"
            name="name"
            id="scim-token-name"
            value={props.draftName ?? 'Entra provisioning connector'}
            required={true}
            maxLength={100}
            {...(props.nameError ? { error: props.nameError } : {})}
          />
        </PostForm>
        <ActionButton
          label="Generate token"
          variant="primary"
          action={{ method: 'submit', form: 'scim-token' }}
        />
        {props.newToken ? (
          <div class="form-success" role="status">
            <p>
              <strong>
                New token for {props.newToken.name} (shown only now: copy it into the connector):
              </strong>
            </p>
            <code id="new-scim-token">{props.newToken.token}</code>
          </div>
        ) : null}
        {props.revokeError ? (
          <p class="field-error" role="alert">
            {props.revokeError}
          </p>
        ) : null}
        <DataTable
          caption="SCIM tokens"
          columns={[
            { label: 'Name', wrap: true },
            { label: 'Created' },
            { label: 'Last used' },
            { label: 'Actions' },
          ]}
          rows={props.tokens.map((token) => ({
            id: `scim-token-${token.id}`,
            cells: [
              token.name,
              at(token.createdAt),
              token.lastUsedAt ? at(token.lastUsedAt) : 'Never',
              <ActionButton
                label="Revoke"
                ariaLabel={`Revoke ${token.name}`}
                variant="secondary"
                action={{ method: 'get', href: `/admin/settings?revoke=${encodeURIComponent(token.id)}` }}
              />,
            ],
          }))}
          empty={{
            title: 'No SCIM tokens',
            text: 'Generate one for each provisioning connector; it is shown once.',
          }}
        />
      </SettingsRow>
    </SettingsSection>
  )
}
