import { Card, StatusPill } from '../../packages/sp/src/views/console/cards'
import { KeyValueTable } from '../../packages/sp/src/views/console/key-value'
import { WebexHomeFrame, WebexSignInPage } from '../../packages/sp/src/views/console/webex-app'

/** The Webex end-user pages with made-up data, for the look test. */
const LONG_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  'http://schemas.microsoft.com/identity/claims/tenantid': ['0a1b2c3d-4e5f-6789-abcd-ef0123456789'],
  'http://schemas.microsoft.com/identity/claims/objectidentifier': ['9f8e7d6c-5b4a-3210-fedc-ba9876543210'],
  'http://schemas.microsoft.com/identity/claims/displayname': ['B.Simon'],
  'http://schemas.microsoft.com/identity/claims/identityprovider': [
    'https://sts.windows.net/0a1b2c3d-4e5f-6789-abcd-ef0123456789/',
  ],
  'http://schemas.microsoft.com/claims/authnmethodsreferences': [
    'http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password',
  ],
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': ['B'],
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname': ['Simon'],
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': ['b.simon@contoso.com'],
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': ['b.simon@contoso.com'],
  uid: ['b.simon@contoso.com'],
}

export function SignInSpecimen(props: { error?: string; email?: string }) {
  return (
    <WebexSignInPage
      form={{ action: '/specimen/sign-in', method: 'get' }}
      email={props.email}
      error={props.error}
      footer={{ year: 2026, termsHref: '/specimen/terms', privacyHref: '/specimen/privacy' }}
      notice="Single sign-on organizations continue at their identity provider."
    />
  )
}

export function HomeSpecimen() {
  return (
    <WebexHomeFrame
      pageTitle="Home"
      user={{ displayName: 'B.Simon', email: 'b.simon@contoso.com' }}
      signOut={{ method: 'get', href: '/webex/logout' }}
      rail={[
        { label: 'Sign-in', icon: 'shield', href: '/webex/home', current: true },
        { label: 'Messaging', icon: 'message', href: null },
        { label: 'Meetings', icon: 'meeting', href: null },
        { label: 'Calling', icon: 'call', href: null },
      ]}
    >
      <div class="wx-welcome">
        <span class="avatar large" aria-hidden="true">
          BS
        </span>
        <div>
          <h1>Welcome, B.Simon</h1>
          <p>
            You are signed in to Webex as <strong id="signed-in-user">b.simon@contoso.com</strong> through
            single sign-on.
          </p>
        </div>
      </div>
      <Card
        title="What the IdP sent"
        id="idp-sent"
        aside={<StatusPill tone="success" label="Signature verified" />}
      >
        <KeyValueTable
          caption="Subject and timing"
          captionHidden={true}
          keys="narrow"
          rows={[
            { key: 'NameID', values: ['b.simon@contoso.com'] },
            { key: 'NameID format', values: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'] },
            { key: 'Issuer', values: ['https://sts.windows.net/0a1b2c3d-4e5f-6789-abcd-ef0123456789/'] },
            {
              key: 'Signing certificate',
              values: ['CN=Microsoft Azure Federated SSO Certificate, expires 2029-03-01'],
            },
            {
              key: 'SHA-256 fingerprint',
              values: [
                '3F:A9:0C:11:7B:E2:94:5D:08:C6:AA:21:F0:3B:9E:44:D7:61:2C:85:19:B0:6E:F3:4A:52:C8:07:9D:E1:33:B6',
              ],
              opaque: true,
            },
            { key: 'Valid from / until', values: ['2026-03-01T10:00:00Z / 2026-03-01T11:15:00Z'] },
          ]}
        />
        <KeyValueTable
          id="claims"
          caption="Attributes"
          mono={true}
          rows={Object.entries(LONG_CLAIMS).map(([key, values]) => ({ key, values }))}
        />
      </Card>
      <Card title="Checks Webex made">
        <KeyValueTable
          caption="Checks"
          captionHidden={true}
          keys="narrow"
          rows={[
            {
              key: 'Signature',
              values: ['passed: the assertion is signed with the imported certificate (RSA-SHA256)'],
            },
            {
              key: 'Audience',
              values: ['passed: https://idbroker.webex.com/0f6e5d4c-1111-2222-3333-444455556666'],
            },
            {
              key: 'Recipient',
              values: ['passed: http://localhost:7080/idb/Consumer/metaAlias/0f6e5d4c/sp'],
            },
          ]}
        />
      </Card>
    </WebexHomeFrame>
  )
}
