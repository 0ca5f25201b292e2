import type { SamlSummary } from '../../../../enterprise-apps/saml-summary'
import { Checkbox } from '../../choice-fields'
import { DataTable } from '../../data-table'
import { FilePicker } from '../../file-picker'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { Pane } from '../../pane'
import { SelectField } from '../../select-field'
import { TextField } from '../../text-field'
import type { AppRef } from './app-blade'

/** "SAML Signing Certificate" (A12): the certificates with Make certificate active, New Certificate, signing option, algorithm, emails. */
export function CertificatePane(props: {
  readonly app: AppRef
  readonly certificates: SamlSummary['samlCertificates']
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
}) {
  const { app, certificates } = props
  const action = `${app.hrefs.saml}/certificate`
  return (
    <Pane
      id="certificate"
      title="SAML Signing Certificate"
      size="large"
      closeHref={app.hrefs.saml}
      form={{ action, fields: props.csrf }}
      commands={[{ kind: 'button', label: 'Save', icon: 'save', name: 'action', value: 'save' }]}
    >
      {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
      <p>Manage the certificate used by Microsoft Entra ID to sign SAML tokens issued to your app.</p>
      <DataTable
        id="certificates-table"
        label="Token signing certificates"
        columns={[
          { header: 'Status' },
          { header: 'Expiration Date' },
          { header: 'Thumbprint', wide: true },
          { header: 'Actions' },
        ]}
        rows={certificates.certificates.map((c) => ({
          key: c.thumbprint,
          cells: [
            c.status,
            c.expiration.slice(0, 10),
            <span class="mono">{c.thumbprint}</span>,
            c.status === 'Active' ? (
              ''
            ) : (
              <button
                type="submit"
                class="button"
                formaction={`${action}?thumbprint=${c.thumbprint}`}
                name="action"
                value={`activate`}
                aria-label={`Make certificate active ${c.thumbprint}`}
              >
                Make certificate active
              </button>
            ),
          ],
        }))}
        emptyText="No certificate yet: select SAML as the single sign-on method."
      />
      <div class="row-fields">
        <TextField
          id="new-cert-expiry"
          name="expiry"
          label="Expiry of a new certificate (optional, at most 3 years)"
          placeholder="YYYY-MM-DD"
        />
        <span />
        <button type="submit" class="button" name="action" value="new">
          New Certificate
        </button>
      </div>
      <SelectField
        id="signing-option"
        name="signingOption"
        label="Signing Option"
        selected={certificates.signingOption}
        options={[
          { value: 'assertion', label: 'Sign SAML assertion' },
          { value: 'response', label: 'Sign SAML response' },
          { value: 'both', label: 'Sign SAML response and assertion' },
        ]}
      />
      <SelectField
        id="signing-algorithm"
        name="signingAlgorithm"
        label="Signing Algorithm"
        selected={certificates.signingAlgorithm}
        options={[
          { value: 'rsa-sha256', label: 'SHA-256' },
          { value: 'rsa-sha1', label: 'SHA-1' },
        ]}
      />
      <TextField
        id="notification-emails"
        name="notificationEmails"
        label="Notification Email Addresses"
        value={certificates.notificationEmailAddresses.join(', ')}
        help="Up to 5 addresses, separated by commas. They are told before the certificate expires."
      />
      <HiddenFields fields={[]} />
    </Pane>
  )
}

/** "Verification certificates (optional)": Require verification certificates, Allow requests signed with RSA-SHA1, Upload certificate. */
export function VerificationPane(props: {
  readonly app: AppRef
  readonly verification: SamlSummary['samlCertificates']['requestVerification']
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
}) {
  const { app, verification } = props
  return (
    <Pane
      id="verification"
      title="Verification certificates"
      closeHref={app.hrefs.saml}
      form={{ action: `${app.hrefs.saml}/verification`, multipart: true, fields: props.csrf }}
      commands={[{ kind: 'button', label: 'Save', icon: 'save' }]}
    >
      {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
      <Checkbox
        id="verify-required"
        name="required"
        label="Require verification certificates"
        checked={verification.required}
      />
      <Checkbox
        id="verify-sha1"
        name="allowSha1"
        label="Allow requests signed with RSA-SHA1"
        checked={verification.allowSha1}
      />
      <p>{verification.certificates} verification certificate(s) uploaded.</p>
      <FilePicker id="verify-upload" name="certificate" label="Upload certificate" accept=".cer,.pem,.crt" />
    </Pane>
  )
}
