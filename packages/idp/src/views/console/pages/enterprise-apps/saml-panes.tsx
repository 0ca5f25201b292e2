import type { SignInTrouble } from '../../../../enterprise-apps/sign-in-troubleshooting'
import { Checkbox, RadioGroup } from '../../choice-fields'
import { FilePicker } from '../../file-picker'
import type { HiddenField } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { Pane } from '../../pane'
import { TextField } from '../../text-field'
import type { AppRef } from './app-blade'

/** The Basic SAML Configuration form as shown: saved values, or the posted ones after an error. */
export interface BasicSamlForm {
  readonly identifiers: readonly { readonly value: string; readonly isDefault: boolean }[]
  readonly replyUrls: readonly { readonly url: string; readonly index: string; readonly isDefault: boolean }[]
  readonly signOnUrl: string
  readonly relayState: string
  readonly logoutUrl: string
}

/** The message under each field, by field. */
export type BasicSamlErrors = Readonly<
  Partial<Record<'identifiers' | 'replyUrls' | 'signOnUrl' | 'relayState' | 'logoutUrl' | 'form', string>>
>

const IDENTIFIER_HELP =
  'The unique ID that identifies your application to Microsoft Entra ID. This value must be unique across all applications in your Microsoft Entra tenant. The default identifier will be the audience of the SAML response for IDP-initiated SSO.'
const REPLY_HELP =
  'The reply URL is where the application expects to receive the authentication token. This is also referred to as the “Assertion Consumer Service” (ACS) in SAML.'

/** The Basic SAML Configuration pane (A9): rows of Identifiers and Reply URLs (one blank row to add), the URLs, Save. */
export function BasicSamlPane(props: {
  readonly app: AppRef
  readonly form: BasicSamlForm
  readonly errors: BasicSamlErrors
  readonly csrf: readonly HiddenField[]
}) {
  const { form, errors } = props
  const identifiers = [...form.identifiers, { value: '', isDefault: false }]
  const replyUrls = [...form.replyUrls, { url: '', index: '', isDefault: false }]
  return (
    <Pane
      id="basic-saml"
      title="Basic SAML Configuration"
      closeHref={props.app.hrefs.saml}
      form={{ action: `${props.app.hrefs.saml}/basic`, fields: props.csrf }}
      commands={[
        { kind: 'button', label: 'Save', icon: 'save' },
        {
          kind: 'link',
          label: 'Discard changes',
          icon: 'close',
          href: props.app.hrefs.saml,
          closesOverlay: true,
        },
      ]}
    >
      {errors.form ? <InfoBanner tone="error">{errors.form}</InfoBanner> : null}
      <fieldset class="plain-fieldset">
        <legend>Identifier (Entity ID)</legend>
        <p class="field-help">{IDENTIFIER_HELP}</p>
        {identifiers.map((row, i) => (
          <div class="row-fields">
            <TextField
              id={`identifier-${i}`}
              name={`identifier-${i}`}
              label={i === 0 ? 'Identifier (Entity ID)' : `Identifier (Entity ID) ${i + 1}`}
              labelHidden={i > 0}
              required={i === 0}
              value={row.value}
              error={i === 0 ? errors.identifiers : undefined}
              placeholder={i === identifiers.length - 1 ? 'Add identifier' : undefined}
            />
            <span />
            <Checkbox
              id={`identifier-default-${i}`}
              name={`identifierDefault-${i}`}
              label={`Default identifier ${i + 1}`}
              checked={row.isDefault}
            />
          </div>
        ))}
      </fieldset>
      <fieldset class="plain-fieldset">
        <legend>Reply URL (Assertion Consumer Service URL)</legend>
        <p class="field-help">{REPLY_HELP}</p>
        {replyUrls.map((row, i) => (
          <div class="row-fields">
            <TextField
              id={`reply-url-${i}`}
              name={`replyUrl-${i}`}
              label={
                i === 0
                  ? 'Reply URL (Assertion Consumer Service URL)'
                  : `Reply URL (Assertion Consumer Service URL) ${i + 1}`
              }
              labelHidden={i > 0}
              required={i === 0}
              value={row.url}
              error={i === 0 ? errors.replyUrls : undefined}
              placeholder={i === replyUrls.length - 1 ? 'Add reply URL' : undefined}
            />
            <TextField
              id={`reply-index-${i}`}
              name={`replyIndex-${i}`}
              label={`Index ${i + 1}`}
              labelHidden={i > 0}
              type="number"
              value={row.index}
            />
            <Checkbox
              id={`reply-default-${i}`}
              name={`replyDefault-${i}`}
              label={`Default reply URL ${i + 1}`}
              checked={row.isDefault}
            />
          </div>
        ))}
      </fieldset>
      <TextField
        id="sign-on-url"
        name="signOnUrl"
        label="Sign on URL"
        value={form.signOnUrl}
        placeholder="Enter a sign on URL"
        help="Sign on URL is used if you would like to perform service provider-initiated single sign-on. This value is the sign-in page URL for your application. This field is unnecessary if you want to perform identity provider-initiated single sign-on."
        error={errors.signOnUrl}
      />
      <TextField
        id="relay-state"
        name="relayState"
        label="Relay State (Optional)"
        value={form.relayState}
        placeholder="Enter a relay state"
        error={errors.relayState}
      />
      <TextField
        id="logout-url-field"
        name="logoutUrl"
        label="Logout Url (Optional)"
        value={form.logoutUrl}
        placeholder="Enter a logout url"
        error={errors.logoutUrl}
      />
    </Pane>
  )
}

/** "Upload metadata file" (A10): the file picker and Add. */
export function UploadMetadataPane(props: {
  readonly app: AppRef
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
}) {
  return (
    <Pane
      id="upload-metadata"
      title="Upload metadata file"
      size="small"
      closeHref={props.app.hrefs.saml}
      form={{ action: `${props.app.hrefs.saml}/metadata`, multipart: true, fields: props.csrf }}
      footer={
        <>
          <button type="submit" class="button button-primary">
            Add
          </button>
          <a class="button" href={props.app.hrefs.saml} data-overlay-close>
            Cancel
          </a>
        </>
      }
    >
      <InfoBanner>
        Upload the metadata file that {props.app.displayName} gives you to fill in Identifier and Reply URL.
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

/** "Test single sign-on with Cisco Webex" (A13): who to sign in as, Test sign in, and Resolving errors from the sign-in log. */
export function TestPane(props: {
  readonly app: AppRef
  readonly testUrl: string
  readonly trouble: SignInTrouble | null
}) {
  const { trouble } = props
  return (
    <Pane
      id="test"
      title={`Test single sign-on with ${props.app.displayName}`}
      closeHref={props.app.hrefs.saml}
    >
      {/* A link, not a form: the launch redirects to the app's Sign on URL on another origin, which a form's CSP form-action would block. */}
      <div>
        <RadioGroup
          id="test-as"
          name="as"
          legend="Select a way to sign in"
          selected="current"
          options={[
            { value: 'current', label: 'Sign in as current user' },
            {
              value: 'other',
              label: 'Sign in as someone else',
              description: 'Needs the My Apps Secure Sign-in Extension, which the sandbox does not have.',
              disabled: true,
            },
          ]}
        />
        <a class="button button-primary" href={props.testUrl}>
          Test sign in
        </a>
      </div>
      <h3>Resolving errors</h3>
      {trouble ? (
        <section class="resolve-box" aria-labelledby="resolve-title">
          <h3 id="resolve-title">Last failed sign-in: {trouble.code}</h3>
          <dl>
            <dt>When</dt>
            <dd>{trouble.when}</dd>
            <dt>User</dt>
            <dd>{trouble.user ?? 'Not known'}</dd>
            <dt>Error</dt>
            <dd>{trouble.failureReason}</dd>
            <dt>What it means</dt>
            <dd>{trouble.meaning}</dd>
            <dt>What to fix</dt>
            <dd>
              {trouble.fix ? trouble.fix.field : 'Nothing in this application’s settings; read the error.'}
            </dd>
          </dl>
        </section>
      ) : (
        <p>No failed sign-in to this application is in the sign-in log.</p>
      )}
    </Pane>
  )
}
