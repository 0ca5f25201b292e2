import { FilePicker } from '../../../packages/idp/src/views/console/file-picker'
import { InfoBanner } from '../../../packages/idp/src/views/console/info-banner'
import { Pane } from '../../../packages/idp/src/views/console/pane'
import { TextField } from '../../../packages/idp/src/views/console/text-field'
import type { BasicSaml } from './saml-page'

const PAGE = '/showcase/saml'

/** Field errors the showcase's POST found, by field name. */
export type FieldErrors = Readonly<Partial<Record<keyof BasicSaml, string>>>

/** The Basic SAML Configuration pane (A9): Save and Discard changes on top, fields below. */
export function BasicSamlPane(props: {
  readonly saml: BasicSaml
  readonly errors: FieldErrors
  readonly checked: boolean
}) {
  const { saml, errors, checked } = props
  return (
    <Pane
      id="basic-saml"
      title="Basic SAML Configuration"
      closeHref={PAGE}
      form={{ action: '/showcase/saml/basic', fields: [{ name: 'csrf', value: 'showcase-token' }] }}
      commands={[
        { kind: 'button', label: 'Save', icon: 'save' },
        { kind: 'link', label: 'Discard changes', icon: 'close', href: PAGE, closesOverlay: true },
        { kind: 'separator' },
        { kind: 'link', label: 'Got feedback?', icon: 'feedback', href: '/showcase/feedback' },
      ]}
    >
      <TextField
        id="identifier"
        name="identifier"
        label="Identifier (Entity ID)"
        required
        type="url"
        value={saml.identifier}
        help="The unique ID that identifies your application to Microsoft Entra ID. This value must be unique across all applications in your Microsoft Entra tenant. The default identifier will be the audience of the SAML response for IDP-initiated SSO."
        error={errors.identifier}
        valid={checked && !errors.identifier}
      />
      <TextField
        id="reply-url"
        name="replyUrl"
        label="Reply URL (Assertion Consumer Service URL)"
        required
        type="url"
        value={saml.replyUrl}
        help="The reply URL is where the application expects to receive the authentication token. This is also referred to as the “Assertion Consumer Service” (ACS) in SAML."
        error={errors.replyUrl}
        valid={checked && !errors.replyUrl}
      />
      <TextField
        id="sign-on-url"
        name="signOnUrl"
        label="Sign on URL (Optional)"
        type="url"
        value={saml.signOnUrl}
        placeholder="Enter a sign on URL"
        help="Sign on URL is used if you would like to perform service provider-initiated single sign-on. This value is the sign-in page URL for your application. This field is unnecessary if you want to perform identity provider-initiated single sign-on."
        error={errors.signOnUrl}
      />
      <TextField
        id="relay-state"
        name="relayState"
        label="Relay State (Optional)"
        placeholder="Enter a relay state"
      />
      <TextField
        id="logout-url"
        name="logoutUrl"
        label="Logout Url (Optional)"
        placeholder="Enter a logout url"
      />
    </Pane>
  )
}

/** "Upload metadata file" (A10): a file picker and "Add". */
export function UploadMetadataPane(props: { readonly error?: string }) {
  return (
    <Pane
      id="upload-metadata"
      title="Upload metadata file"
      size="small"
      closeHref={PAGE}
      form={{
        action: '/showcase/saml/metadata',
        multipart: true,
        fields: [{ name: 'csrf', value: 'showcase-token' }],
      }}
      footer={
        <>
          <button type="submit" class="button button-primary">
            Add
          </button>
          <a class="button" href={PAGE} data-overlay-close>
            Cancel
          </a>
        </>
      }
    >
      <InfoBanner>
        Upload the metadata file that Cisco Webex gives you to fill in Identifier and Reply URL.
      </InfoBanner>
      <FilePicker
        id="metadata-file"
        name="metadata"
        label="Select a file"
        accept=".xml,text/xml"
        required
        error={props.error}
      />
    </Pane>
  )
}
