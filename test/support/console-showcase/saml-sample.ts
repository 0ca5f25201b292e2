import type { SamlSummary } from '../../../packages/idp/src/enterprise-apps/saml-summary'
import type { BasicSamlForm } from '../../../packages/idp/src/views/console/pages/enterprise-apps/saml-panes'

const TENANT_ID = '9f8c1c36-5b71-4c3e-9d2a-52b9c0e1a7d4'
const APP_ID = '5e1f0c0a-3c1d-4a8e-b0a4-7d3f2e9c6b11'
const LOGIN = 'https://login.microsoftonline.com'

/**
 * Cisco Webex's SAML-based Sign-on page as data, for the console's own SamlPage: the Identifier
 * filled as the gallery fills it, no Reply URL yet (so "Test this application" is disabled).
 */
export function sampleSamlSummary(basic: BasicSamlForm): SamlSummary {
  return {
    servicePrincipalId: 'showcase-webex',
    appId: APP_ID,
    applicationObjectId: '0a6d3b2c-1e4f-4a5b-8c7d-9e0f1a2b3c4d',
    displayName: 'Cisco Webex',
    applicationTemplateId: 'showcase-webex-template',
    preferredSingleSignOnMode: 'saml',
    basicSamlConfiguration: {
      identifiers: basic.identifiers.map((i) => ({ ...i })),
      replyUrls: basic.replyUrls.map((r, i) => ({ url: r.url, index: i, isDefault: r.isDefault })),
      signOnUrl: basic.signOnUrl === '' ? null : basic.signOnUrl,
      relayState: basic.relayState === '' ? null : basic.relayState,
      logoutUrl: basic.logoutUrl === '' ? null : basic.logoutUrl,
    },
    attributesAndClaims: {
      origin: 'attributes-and-claims',
      claimsMappingPolicyId: null,
      nameId: { source: { kind: 'attribute', attribute: 'user.userprincipalname' }, format: 'emailAddress' },
      claims: [
        {
          id: 'claim-uid',
          name: 'uid',
          namespace: null,
          source: { kind: 'attribute', attribute: 'user.userprincipalname' },
        },
      ],
    },
    samlCertificates: {
      certificates: [
        {
          thumbprint: 'B0A2F3C4D5E6F708192A3B4C5D6E7F8091A2B3C4',
          status: 'Active',
          kind: 'self-signed',
          displayName: 'CN=Microsoft Azure Federated SSO Certificate',
          startDateTime: '2024-04-16T15:18:25Z',
          expiration: '2027-04-16T15:18:25Z',
        },
      ],
      signingThumbprint: 'B0A2F3C4D5E6F708192A3B4C5D6E7F8091A2B3C4',
      usesTenantKey: false,
      notificationEmailAddresses: ['admin@contoso.onmicrosoft.com'],
      signingOption: 'assertion',
      signingAlgorithm: 'rsa-sha256',
      appFederationMetadataUrl: `${LOGIN}/${TENANT_ID}/federationmetadata/2007-06/federationmetadata.xml?appid=${APP_ID}`,
      requestVerification: { required: false, certificates: 0, allowSha1: false },
      tokenEncryption: { enabled: false, hasCertificate: false, method: 'aes256-cbc' },
    },
    setUp: {
      loginUrl: `${LOGIN}/${TENANT_ID}/saml2`,
      microsoftEntraIdentifier: `https://sts.windows.net/${TENANT_ID}/`,
      logoutUrl: `${LOGIN}/${TENANT_ID}/saml2`,
    },
    test: { url: '/showcase/saml?pane=test' },
    timing: {
      notBeforeSkewSeconds: 300,
      conditionsLifetimeSeconds: 3600,
      subjectConfirmationLifetimeSeconds: 3600,
    },
    properties: { appRoleAssignmentRequired: true, visibleToUsers: true, accountEnabled: true },
  }
}
