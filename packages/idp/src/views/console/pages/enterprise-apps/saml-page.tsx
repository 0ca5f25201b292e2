import type { Child } from 'hono/jsx'
import type { SamlSummary } from '../../../../enterprise-apps/saml-summary'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { CopyField } from '../../copy-field'
import { CardRows, CardSection, NumberedCard, NumberedSteps } from '../../numbered-card'
import { AppBlade, type AppRef } from './app-blade'

/** One claim row of card 2: its short name and its source in the portal's words. */
export interface ClaimLine {
  readonly name: string
  readonly value: string
}

/** A date as the card shows it, in UTC so every run reads the same. */
function shown(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

/** "Cisco Webex | SAML-based Sign-on" (A8): the command bar and the five numbered cards. */
export function SamlPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly summary: SamlSummary
  readonly claims: readonly ClaimLine[]
  readonly overlay?: Child
}) {
  const { app, summary } = props
  const basic = summary.basicSamlConfiguration
  const certificates = summary.samlCertificates
  const active = certificates.certificates.find((c) => c.thumbprint === certificates.signingThumbprint)
  const configured = basic.identifiers.length > 0 && basic.replyUrls.length > 0
  const pane = (id: string) => `${app.hrefs.saml}?pane=${id}`
  const download = (label: string, what: 'base64' | 'raw' | 'federation-metadata') => (
    <a href={app.hrefs.download(what)} download aria-label={`Download ${label}`}>
      Download
    </a>
  )
  return (
    <ConsoleLayout title={`${app.displayName} | SAML-based Sign-on`} {...props.frame} overlay={props.overlay}>
      <AppBlade
        app={app}
        page="SAML-based Sign-on"
        icon="sign-on"
        currentHref={app.hrefs.singleSignOn}
        commands={
          <CommandBar
            commands={[
              {
                kind: 'link',
                label: 'Upload metadata file',
                icon: 'upload',
                href: pane('upload-metadata'),
                opensPane: 'upload-metadata',
              },
              {
                kind: 'link',
                label: 'Change single sign-on mode',
                icon: 'refresh',
                href: `${app.hrefs.singleSignOn}?change=1`,
              },
              {
                kind: 'link',
                label: 'Test this application',
                icon: 'test',
                href: pane('test'),
                opensPane: 'test',
                disabled: !configured,
              },
            ]}
          />
        }
      >
        <h2>Set up Single Sign-On with SAML</h2>
        <p class="blade-intro">
          An SSO implementation based on federation protocols improves security, reliability, and end user
          experiences and is easier to implement. Choose SAML single sign-on whenever possible for existing
          applications that do not use OpenID Connect or OAuth.
        </p>
        <NumberedSteps>
          <NumberedCard
            number={1}
            id="card-basic"
            title="Basic SAML Configuration"
            edit={{ href: pane('basic-saml'), opensPane: 'basic-saml' }}
          >
            <CardRows
              rows={[
                {
                  label: 'Identifier (Entity ID)',
                  value: basic.identifiers.map((i) => i.value).join(', '),
                  whenEmpty: 'required',
                },
                {
                  label: 'Reply URL (Assertion Consumer Service URL)',
                  value: basic.replyUrls.map((r) => r.url).join(', '),
                  whenEmpty: 'required',
                },
                { label: 'Sign on URL', value: basic.signOnUrl ?? '', whenEmpty: 'optional' },
                { label: 'Relay State (Optional)', value: basic.relayState ?? '', whenEmpty: 'optional' },
                { label: 'Logout Url (Optional)', value: basic.logoutUrl ?? '', whenEmpty: 'optional' },
              ]}
            />
          </NumberedCard>
          <NumberedCard
            number={2}
            id="card-claims"
            title="Attributes & Claims"
            edit={{ href: app.hrefs.claims }}
          >
            <CardRows rows={props.claims.map((c) => ({ label: c.name, value: c.value }))} />
          </NumberedCard>
          <NumberedCard number={3} id="card-certificates" title="SAML Certificates">
            <CardSection
              id="card-token-signing"
              title="Token signing certificate"
              edit={{ href: pane('certificate'), opensPane: 'certificate' }}
            >
              <CardRows
                rows={[
                  { label: 'Status', value: active ? active.status : 'Tenant key (no app certificate yet)' },
                  { label: 'Thumbprint', value: certificates.signingThumbprint },
                  { label: 'Expiration', value: active ? shown(active.expiration) : '' },
                  { label: 'Notification Email', value: certificates.notificationEmailAddresses.join(', ') },
                  {
                    label: 'App Federation Metadata Url',
                    value: (
                      <CopyField
                        id="app-metadata-url"
                        label="App Federation Metadata Url"
                        labelHidden
                        value={certificates.appFederationMetadataUrl}
                      />
                    ),
                  },
                  {
                    label: 'Certificate (Base64)',
                    value: active ? download('Certificate (Base64)', 'base64') : '',
                  },
                  { label: 'Certificate (Raw)', value: active ? download('Certificate (Raw)', 'raw') : '' },
                  {
                    label: 'Federation Metadata XML',
                    value: download('Federation Metadata XML', 'federation-metadata'),
                  },
                ]}
              />
            </CardSection>
            <CardSection
              id="card-verification"
              title="Verification certificates (optional)"
              edit={{ href: pane('verification'), opensPane: 'verification' }}
            >
              <CardRows
                rows={[
                  { label: 'Required', value: certificates.requestVerification.required ? 'Yes' : 'No' },
                  { label: 'Active', value: String(certificates.requestVerification.certificates) },
                  { label: 'Expired', value: '0' },
                ]}
              />
            </CardSection>
          </NumberedCard>
          <NumberedCard number={4} id="card-set-up" title={`Set up ${app.displayName}`}>
            <p class="step-card-text">
              You'll need to configure the application to link with Microsoft Entra ID.
            </p>
            <CardRows
              rows={[
                {
                  label: 'Login URL',
                  value: (
                    <CopyField id="login-url" label="Login URL" labelHidden value={summary.setUp.loginUrl} />
                  ),
                },
                {
                  label: 'Microsoft Entra Identifier',
                  value: (
                    <CopyField
                      id="entra-identifier"
                      label="Microsoft Entra Identifier"
                      labelHidden
                      value={summary.setUp.microsoftEntraIdentifier}
                    />
                  ),
                },
                {
                  label: 'Logout URL',
                  value: (
                    <CopyField
                      id="logout-url"
                      label="Logout URL"
                      labelHidden
                      value={summary.setUp.logoutUrl}
                    />
                  ),
                },
              ]}
            />
          </NumberedCard>
          <NumberedCard number={5} id="card-test" title={`Test single sign-on with ${app.displayName}`}>
            <p class="step-card-text">
              Test to see if single sign-on is working. Users will need to be added to Users and groups before
              they can sign in.
            </p>
            {configured ? (
              <a class="button" href={pane('test')} data-pane-link data-opens-overlay="test">
                Test
              </a>
            ) : (
              <button type="button" class="button" disabled>
                Test
              </button>
            )}
          </NumberedCard>
        </NumberedSteps>
      </AppBlade>
    </ConsoleLayout>
  )
}
