import type { SamlSummary } from '../../../../enterprise-apps/saml-summary'
import { Checkbox } from '../../choice-fields'
import { DataTable } from '../../data-table'
import { FilePicker } from '../../file-picker'
import type { HiddenField } from '../../hidden-fields'
import { Icon } from '../../icons'
import { InfoBanner } from '../../info-banner'
import { MenuButton, type MenuItem } from '../../menu-button'
import { Pane } from '../../pane'
import { PasswordField } from '../../password-field'
import { SelectField } from '../../select-field'
import { TextField } from '../../text-field'
import type { AppRef } from './app-blade'

/** The unsaved row "+ New Certificate" adds: its expiry, at most three years out (A12). */
export interface NewCertificateDraft {
  /** YYYY-MM-DD: three years from today, Entra's default and latest date. */
  readonly latestExpiry: string
  /** YYYY-MM-DD: tomorrow, the earliest date a new certificate may end. */
  readonly earliestExpiry: string
}

type CertificateRow = SamlSummary['samlCertificates']['certificates'][number]

/**
 * A row's "…" (A12): a menu button with Make certificate active (Inactive rows only; a submit of
 * the pane's form that activates that row and saves nothing else) and the row's certificate
 * downloads. Opening it redraws nothing, so unsaved edits in the pane stay, and Escape closes
 * the menu, not the pane.
 */
function RowMenu(props: {
  readonly app: AppRef
  readonly certificate: CertificateRow
  readonly open: boolean
  readonly action: string
}) {
  const { app, certificate } = props
  const thumbprint = certificate.thumbprint
  const items: MenuItem[] = [
    ...(certificate.status === 'Inactive'
      ? [
          {
            label: 'Make certificate active',
            formAction: `${props.action}?thumbprint=${encodeURIComponent(thumbprint)}`,
            name: 'action',
            value: 'activate',
          },
        ]
      : []),
    { label: 'Base64 certificate download', href: app.hrefs.download('base64', thumbprint), download: true },
    { label: 'PEM certificate download', href: app.hrefs.download('pem', thumbprint), download: true },
    { label: 'Raw certificate download', href: app.hrefs.download('raw', thumbprint), download: true },
    {
      label: 'Download federated certificate XML',
      href: app.hrefs.download('federation-metadata', thumbprint),
      download: true,
    },
  ]
  return (
    <MenuButton
      class="row-menu"
      label={`More options for certificate ${thumbprint}`}
      face={<Icon name="more" />}
      menuId={`certificate-menu-${thumbprint}`}
      items={items}
      open={props.open}
    />
  )
}

/**
 * "SAML Signing Certificate" (A12): the certificates with their "…" menus, "+ New Certificate"
 * (an unsaved row with its expiry until Save), signing option, algorithm and notification emails.
 */
export function CertificatePane(props: {
  readonly app: AppRef
  readonly certificates: SamlSummary['samlCertificates']
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
  /** The unsaved "+ New Certificate" row, when the pane was opened with it. */
  readonly draft?: NewCertificateDraft | undefined
  /** The thumbprint whose "…" menu is open. */
  readonly menuFor?: string | undefined
  /** "Import Certificate" was chosen: the PFX file, its password and Add are shown. */
  readonly importing?: boolean
}) {
  const { app, certificates, draft } = props
  const action = `${app.hrefs.saml}/certificate`
  const draftRow = draft
    ? [
        {
          key: 'new',
          cells: [
            'New',
            <>
              <input type="hidden" name="newCertificate" value="true" />
              <input
                class="input"
                type="date"
                name="expiry"
                aria-label="Expiration Date"
                value={draft.latestExpiry}
                min={draft.earliestExpiry}
                max={draft.latestExpiry}
                required
              />
            </>,
            'Made on Save',
            '',
          ],
        },
      ]
    : []
  return (
    <Pane
      id="certificate"
      title="SAML Signing Certificate"
      size="large"
      closeHref={app.hrefs.saml}
      form={{ action, fields: props.csrf, multipart: props.importing === true }}
      commands={[
        { kind: 'button', label: 'Save', icon: 'save', name: 'action', value: 'save' },
        {
          kind: 'link',
          label: 'New Certificate',
          icon: 'add',
          href: `${app.hrefs.saml}?pane=certificate&new=1`,
          opensPane: 'certificate',
          disabled: draft !== undefined,
        },
        {
          kind: 'link',
          label: 'Import Certificate',
          icon: 'upload',
          href: `${app.hrefs.saml}?pane=certificate&import=1`,
          opensPane: 'certificate',
          disabled: props.importing === true,
        },
      ]}
    >
      {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
      <p>Manage the certificate used by Microsoft Entra ID to sign SAML tokens issued to your app.</p>
      {props.importing ? (
        <section class="import-certificate" aria-labelledby="import-certificate-title">
          <h3 id="import-certificate-title">Import Certificate</h3>
          <FilePicker id="import-pfx" name="pfx" label="Certificate" accept=".pfx,.p12" />
          <PasswordField
            id="import-pfx-password"
            name="pfxPassword"
            label="PFX Password"
            autocomplete="off"
          />
          <button type="submit" class="button button-primary" name="action" value="import">
            Add
          </button>
        </section>
      ) : null}
      <DataTable
        id="certificates-table"
        label="Token signing certificates"
        columns={[
          // Sized so that the 40 hex digits of a thumbprint are never cut.
          { header: 'Status', size: 'medium' },
          { header: 'Expiration Date', size: 'date' },
          { header: 'Thumbprint' },
          { header: 'Actions', size: 'medium' },
        ]}
        rows={[
          ...certificates.certificates.map((c) => ({
            key: c.thumbprint,
            cells: [
              c.status,
              c.expiration.slice(0, 10),
              <span class="mono">{c.thumbprint}</span>,
              <RowMenu app={app} certificate={c} open={props.menuFor === c.thumbprint} action={action} />,
            ],
          })),
          ...draftRow,
        ]}
        emptyText="No certificate yet: select SAML as the single sign-on method."
      />
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
