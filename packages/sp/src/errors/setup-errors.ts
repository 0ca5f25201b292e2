import { entry } from './error-entry'
import { REIMPORT } from './fixes'

const metadataEntry = (meaning: string) =>
  entry({ meaning, message: (f: { detail: string }) => f.detail, fix: REIMPORT, status: 400 })

/**
 * Control Hub's SSO wizard and settings: nothing to test or enable yet, a setting out of range,
 * and IdP metadata that cannot be imported.
 */
export const SETUP_ERRORS = {
  SSO_NO_IDP_METADATA: entry({
    meaning: 'No IdP metadata has been imported, so there is nothing to test or enable.',
    message: (f: { action: 'test' | 'enable' }) =>
      f.action === 'test'
        ? 'There is no IdP metadata to test: import it first.'
        : 'There is no IdP configuration to enable.',
    fix: (f) =>
      f.action === 'test'
        ? 'Import the IdP metadata first: Control Hub > Organization Settings > Authentication > Modify (integrate a 3rd-party identity provider), or POST /api/v1/sso/idp-metadata.'
        : 'Import the IdP metadata, run Test SSO Connection, then enable.',
    status: 400,
  }),
  SSO_TEST_REQUIRED: entry({
    meaning:
      'Single sign-on is enabled only after a successful Test SSO Connection of the imported metadata.',
    message: (f: { failedWith: string | null }) =>
      f.failedWith === null
        ? 'Single sign-on can be enabled only after a successful Test SSO Connection of this IdP metadata.'
        : `The last Test SSO Connection failed (${f.failedWith}): single sign-on cannot be enabled.`,
    fix: 'Control Hub > Authentication > Modify: run Test SSO Connection, sign in, then tick "This test was successful. Enable Single Sign-On".',
    status: 409,
  }),
  SETTINGS_INVALID: entry({
    meaning: 'An organization or SSO setting is out of its allowed range.',
    message: (f: { setting: 'name' | 'entityId' | 'clockSkewSeconds' }) =>
      ({
        name: 'The organization name must be 1 to 80 characters, without control characters.',
        entityId: 'entityId must be a URI without spaces.',
        clockSkewSeconds: 'clockSkewSeconds must be a whole number from 0 to 600.',
      })[f.setting],
    fix: (f) =>
      ({
        name: 'Send e.g. {"name": "Contoso"}.',
        entityId: 'Use e.g. https://idbroker.webex.com/{orgId}.',
        clockSkewSeconds: 'Webex allows a few minutes; 180 is the default.',
      })[f.setting],
    status: 400,
  }),
  SCIM_TOKEN_NAME_INVALID: entry({
    meaning: 'A SCIM connector token needs a name that says which connector uses it.',
    message: (f: { max: number }) =>
      `The token name must be 1 to ${f.max} characters, without control characters.`,
    fix: 'Name it after the connector that will use it, e.g. "Entra provisioning connector".',
    status: 400,
  }),
  SCIM_TOKEN_LIMIT: entry({
    meaning: 'The organization has as many SCIM connector tokens as it may keep.',
    message: (f: { max: number }) => `This organization already has ${f.max} SCIM tokens.`,
    fix: 'Revoke a token no connector uses any more, then generate the new one.',
    status: 409,
  }),
  SCIM_TOKEN_NOT_FOUND: entry({
    meaning: 'No SCIM connector token has this id (it may have been revoked already).',
    message: (f: { id: string }) =>
      `No SCIM token has the id "${f.id.slice(0, 64)}"; it may already be revoked.`,
    fix: 'List the tokens (Control Hub > Organization Settings > SCIM, or GET /api/v1/scim/tokens) and use an id from there.',
    status: 404,
  }),
  SCIM_TOKEN_REVOKED: entry({
    meaning: "The organization's SCIM token was revoked in Control Hub.",
    message: () => "The organization's SCIM token was revoked; SCIM refuses it.",
    fix: 'Issue a new one with POST /api/v1/scim/token (this also revokes every named token), or generate a named token in Control Hub > Organization Settings > SCIM.',
    status: 409,
  }),
  IDP_METADATA_NO_IDP_ROLE: entry({
    meaning: 'The metadata describes a service provider, not an identity provider.',
    message: (f: { entityId: string }) =>
      `The metadata of ${f.entityId} has no IDPSSODescriptor: it describes a service provider, not an identity provider.`,
    fix: 'Import the IdP (Entra) metadata, not the Webex SP metadata.',
    status: 400,
  }),
  IDP_METADATA_NO_SIGNING_KEY: entry({
    meaning: 'The IdP metadata has no signing certificate, so no assertion could be verified.',
    message:
      'The metadata has no signing certificate (KeyDescriptor use="signing"), so no assertion could be verified.',
    fix: REIMPORT,
    status: 400,
  }),
  IDP_METADATA_NO_SSO_SERVICE: entry({
    meaning: 'The IdP metadata has no sign-in endpoint Webex can use.',
    message: 'The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
    fix: REIMPORT,
    status: 400,
  }),
  METADATA_XML: metadataEntry('The metadata is not readable XML.'),
  METADATA_NOT_ENTITY_DESCRIPTOR: metadataEntry('The metadata is not a SAML EntityDescriptor.'),
  METADATA_MULTIPLE_ENTITIES: metadataEntry('The metadata describes more than one entity.'),
  METADATA_NO_ENTITY_ID: metadataEntry('The metadata has no entityID.'),
  METADATA_NO_SAML_ROLE: metadataEntry('The metadata describes no SAML 2.0 role.'),
  METADATA_BAD_CERTIFICATE: metadataEntry('A certificate in the metadata cannot be read.'),
  METADATA_BAD_ENDPOINT: metadataEntry('An endpoint in the metadata is not a usable URL.'),
}
