import type { Child } from 'hono/jsx'
import { Blade } from '../../../packages/idp/src/views/console/blade'
import { CommandBar } from '../../../packages/idp/src/views/console/command-bar'
import { ConsoleLayout } from '../../../packages/idp/src/views/console/console-layout'
import { CopyField } from '../../../packages/idp/src/views/console/copy-field'
import { InfoBanner } from '../../../packages/idp/src/views/console/info-banner'
import {
  CardRows,
  CardSection,
  NumberedCard,
  NumberedSteps,
} from '../../../packages/idp/src/views/console/numbered-card'
import { GALLERY_HREF } from '../../../packages/idp/src/views/console/pages/enterprise-apps/app-hrefs'
import { ResourceMenu } from '../../../packages/idp/src/views/console/resource-menu'
import type { ToastData } from '../../../packages/idp/src/views/console/toast'
import { appMenu, SHOWCASE_ACCOUNT, SHOWCASE_NAV, TENANT } from './showcase-nav'

/** What Basic SAML Configuration holds in the showcase. */
export interface BasicSaml {
  readonly identifier: string
  readonly replyUrl: string
  readonly signOnUrl: string
}

const TENANT_ID = '9f8c1c36-5b71-4c3e-9d2a-52b9c0e1a7d4'
const PAGE = '/showcase/saml'

/** "Cisco Webex | SAML-based Sign-on" with its five numbered cards (A8). */
export function SamlPage(props: {
  readonly saml: BasicSaml
  readonly toasts: readonly ToastData[]
  readonly overlay?: Child
}) {
  const { saml } = props
  const metadataUrl = `https://login.microsoftonline.com/${TENANT_ID}/federationmetadata/2007-06/federationmetadata.xml?appid=5e1f0c0a-3c1d-4a8e-b0a4-7d3f2e9c6b11`
  const configured = saml.identifier !== '' && saml.replyUrl !== ''
  return (
    <ConsoleLayout
      title="Cisco Webex | SAML-based Sign-on"
      tenantName={TENANT}
      account={SHOWCASE_ACCOUNT}
      nav={SHOWCASE_NAV}
      currentHref={GALLERY_HREF}
      toasts={props.toasts}
      overlay={props.overlay}
    >
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/showcase/home' },
          { label: 'Enterprise applications | All applications', href: '/showcase/apps' },
          { label: 'Browse Microsoft Entra Gallery', href: GALLERY_HREF },
          { label: 'Cisco Webex' },
        ]}
        object="Cisco Webex"
        page="SAML-based Sign-on"
        subtitle="Enterprise Application"
        icon="sign-on"
        closeHref="/showcase/apps"
        menu={<ResourceMenu label="Cisco Webex" sections={appMenu()} currentHref={PAGE} />}
        commands={
          <CommandBar
            commands={[
              {
                kind: 'link',
                label: 'Upload metadata file',
                icon: 'upload',
                href: `${PAGE}?pane=upload-metadata`,
                opensPane: 'upload-metadata',
              },
              {
                kind: 'link',
                label: 'Change single sign-on mode',
                icon: 'refresh',
                href: '/showcase/app/sso-mode',
              },
              {
                kind: 'link',
                label: 'Test this application',
                icon: 'test',
                href: '/showcase/test',
                disabled: !configured,
              },
              { kind: 'separator' },
              { kind: 'link', label: 'Got feedback?', icon: 'feedback', href: '/showcase/feedback' },
            ]}
          />
        }
      >
        <InfoBanner href="/showcase/guide">
          Read the configuration guide for help integrating Cisco Webex.
        </InfoBanner>
        <h2>Set up Single Sign-On with SAML</h2>
        <p class="blade-intro">
          An SSO implementation based on federation protocols improves security, reliability, and end user
          experiences and is easier to implement. Choose SAML single sign-on whenever possible for existing
          applications that do not use OpenID Connect or OAuth.{' '}
          <a href="/showcase/learn">Learn more about SAML single sign-on</a>
        </p>
        <NumberedSteps>
          <NumberedCard
            number={1}
            id="card-basic"
            title="Basic SAML Configuration"
            edit={{ href: `${PAGE}?pane=basic-saml`, opensPane: 'basic-saml' }}
          >
            <CardRows
              rows={[
                { label: 'Identifier (Entity ID)', value: saml.identifier, whenEmpty: 'required' },
                {
                  label: 'Reply URL (Assertion Consumer Service URL)',
                  value: saml.replyUrl,
                  whenEmpty: 'required',
                },
                { label: 'Sign on URL', value: saml.signOnUrl, whenEmpty: 'required' },
                { label: 'Relay State (Optional)', whenEmpty: 'optional' },
                { label: 'Logout Url (Optional)', whenEmpty: 'optional' },
              ]}
            />
          </NumberedCard>
          <NumberedCard
            number={2}
            id="card-claims"
            title="Attributes & Claims"
            edit={{ href: '/showcase/claims' }}
          >
            <CardRows
              rows={[
                { label: 'givenname', value: 'user.givenname' },
                { label: 'surname', value: 'user.surname' },
                { label: 'emailaddress', value: 'user.mail' },
                { label: 'name', value: 'user.userprincipalname' },
                { label: 'uid', value: 'user.userprincipalname' },
                { label: 'Unique User Identifier', value: 'user.userprincipalname' },
              ]}
            />
          </NumberedCard>
          <NumberedCard number={3} id="card-certificates" title="SAML Certificates">
            <CardSection
              id="card-token-signing"
              title="Token signing certificate"
              edit={{ href: `${PAGE}?pane=certificate`, opensPane: 'certificate' }}
            >
              <CardRows
                rows={[
                  { label: 'Status', value: 'Active' },
                  { label: 'Thumbprint', value: 'EDC51A30E36068ED1CD0CDB3BECFAD34B71D0824' },
                  { label: 'Expiration', value: '16/04/2027, 15:18:25' },
                  { label: 'Notification Email', value: 'admin@contoso.onmicrosoft.com' },
                  {
                    label: 'App Federation Metadata Url',
                    value: (
                      <CopyField
                        id="app-metadata-url"
                        label="App Federation Metadata Url"
                        labelHidden
                        value={metadataUrl}
                      />
                    ),
                  },
                  {
                    label: 'Certificate (Base64)',
                    value: (
                      <a href="/showcase/cert.cer" download="Cisco Webex.cer">
                        Download
                      </a>
                    ),
                  },
                  {
                    label: 'Certificate (Raw)',
                    value: (
                      <a href="/showcase/cert-raw.cer" download="Cisco Webex.cer">
                        Download
                      </a>
                    ),
                  },
                  {
                    label: 'Federation Metadata XML',
                    value: (
                      <a href="/showcase/metadata.xml" download="Cisco Webex.xml">
                        Download
                      </a>
                    ),
                  },
                ]}
              />
            </CardSection>
            <CardSection
              id="card-verification"
              title="Verification certificates (optional)"
              edit={{ href: `${PAGE}?pane=verification`, opensPane: 'verification' }}
            >
              <CardRows
                rows={[
                  { label: 'Required', value: 'No' },
                  { label: 'Active', value: '0' },
                  { label: 'Expired', value: '0' },
                ]}
              />
            </CardSection>
          </NumberedCard>
          <NumberedCard number={4} id="card-set-up" title="Set up Cisco Webex">
            <p class="step-card-text">
              You'll need to configure the application to link with Microsoft Entra ID.
            </p>
            <CardRows
              rows={[
                {
                  label: 'Login URL',
                  value: (
                    <CopyField
                      id="login-url"
                      label="Login URL"
                      labelHidden
                      value={`https://login.microsoftonline.com/${TENANT_ID}/saml2`}
                    />
                  ),
                },
                {
                  label: 'Microsoft Entra Identifier',
                  value: (
                    <CopyField
                      id="entra-identifier"
                      label="Microsoft Entra Identifier"
                      labelHidden
                      value={`https://sts.windows.net/${TENANT_ID}/`}
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
                      value={`https://login.microsoftonline.com/${TENANT_ID}/saml2`}
                    />
                  ),
                },
              ]}
            />
          </NumberedCard>
          <NumberedCard number={5} id="card-test" title="Test single sign-on with Cisco Webex">
            <p class="step-card-text">
              Test to see if single sign-on is working. Users will need to be added to Users and groups before
              they can sign in.
            </p>
            {configured ? (
              <a class="button" href="/showcase/test">
                Test
              </a>
            ) : (
              <button type="button" class="button" disabled>
                Test
              </button>
            )}
          </NumberedCard>
        </NumberedSteps>
      </Blade>
    </ConsoleLayout>
  )
}
