import type { AppRole, Claim, NameIdConfig } from '../state/idp-state'

/** A gallery entry as Graph's `applicationTemplate` shows it. */
export interface ApplicationTemplate {
  readonly id: string
  readonly displayName: string
  readonly homePageUrl: string | null
  readonly supportedSingleSignOnModes: readonly string[]
  readonly supportedProvisioningTypes: readonly string[]
  readonly logoUrl: string | null
  readonly categories: readonly string[]
  readonly publisher: string
  readonly description: string
}

/** What instantiating a template sets up beyond the Graph shape, and the rules its SAML config follows. */
export interface GalleryRules {
  /** "Identifier of this application is a fixed string value so only one instance can be configured in one tenant". */
  readonly singleInstance: boolean
  readonly appRoles: readonly AppRole[]
  /** Claims added to the editor's defaults (Webex: `uid`). */
  readonly extraClaims: readonly Omit<Claim, 'id'>[]
  readonly nameId: NameIdConfig
  /** Pattern checks of Basic SAML Configuration (the portal's placeholder patterns). */
  readonly identifierPattern: { readonly regex: RegExp; readonly shown: string } | null
  readonly replyUrlPattern: { readonly regex: RegExp; readonly shown: string } | null
  readonly signOnUrlPattern: { readonly regex: RegExp; readonly shown: string } | null
}

/** Graph's template id of "Create your own application" (non-gallery), the real one. */
export const CUSTOM_TEMPLATE_ID = '8adf8e6e-67b2-4cf2-a259-e3dc5476c621'
/**
 * The sandbox's id of the Cisco Webex gallery entry. The real id differs: look the template up
 * by display name, as Microsoft's Graph tutorial does (`$filter=displayName eq 'Cisco Webex'`).
 */
export const CISCO_WEBEX_TEMPLATE_ID = 'b4f3e5a9-3c0d-4f0c-9d46-6a1f0c9e5b17'

/** The message Entra shows for a second instance of a fixed-identifier gallery app. */
export const SINGLE_INSTANCE_MESSAGE =
  'Identifier of this application is a fixed string value so only one instance can be configured in one tenant.'

const DEFAULT_NAME_ID: NameIdConfig = {
  source: { kind: 'attribute', attribute: 'user.userprincipalname' },
  format: 'emailAddress',
}

// Loopback hosts stand in for Webex's in this offline sandbox: the local Webex emulator's
// ACS and sign-on URL are http://localhost:…/idb/Consumer/metaAlias/{orgId}/sp.
const LOCAL = String.raw`https?://(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?`
const META_ALIAS = String.raw`/idb/Consumer/metaAlias/[^/?#\s]+/sp`

/** The gallery: its Graph templates and the sandbox rules of each. */
export const GALLERY: readonly { readonly template: ApplicationTemplate; readonly rules: GalleryRules }[] = [
  {
    template: {
      id: CUSTOM_TEMPLATE_ID,
      displayName: 'Custom',
      homePageUrl: null,
      supportedSingleSignOnModes: ['saml', 'password', 'oidc', 'notSupported'],
      supportedProvisioningTypes: ['sync'],
      logoUrl: null,
      categories: [],
      publisher: 'Microsoft Corporation',
      description:
        "Create your own application: integrate any other application that you don't find in the gallery (Non-gallery).",
    },
    rules: {
      singleInstance: false,
      appRoles: [],
      extraClaims: [],
      nameId: DEFAULT_NAME_ID,
      identifierPattern: null,
      replyUrlPattern: null,
      signOnUrlPattern: null,
    },
  },
  {
    template: {
      id: CISCO_WEBEX_TEMPLATE_ID,
      displayName: 'Cisco Webex',
      homePageUrl: 'https://www.webex.com/',
      supportedSingleSignOnModes: ['saml', 'external'],
      supportedProvisioningTypes: ['sync'],
      logoUrl: null,
      categories: ['collaboration', 'productivity'],
      publisher: 'Cisco Systems, Inc.',
      description:
        'Cisco Webex brings meetings, messaging and calling together. Sign in with Microsoft Entra ID (SAML, SP-initiated) and provision users with SCIM.',
    },
    rules: {
      singleInstance: true,
      appRoles: [
        {
          id: 'c9b1c0f3-2b4e-4c55-9d5e-8d0f4a7b6e21',
          displayName: 'User',
          description: 'User',
          value: null,
          allowedMemberTypes: ['User'],
        },
        {
          id: 'e2a4c7d9-6f1b-4a3e-8c5d-0b9f7e6a5d43',
          displayName: 'msiam_access',
          description: 'msiam_access',
          value: null,
          allowedMemberTypes: ['User'],
        },
      ],
      extraClaims: [
        { name: 'uid', namespace: null, source: { kind: 'attribute', attribute: 'user.userprincipalname' } },
      ],
      nameId: DEFAULT_NAME_ID,
      identifierPattern: {
        regex: new RegExp(
          String.raw`^(?:https://idbroker(?:-[a-z0-9]+)?\.webex\.com|${LOCAL})/[A-Za-z0-9-]+$`,
        ),
        shown: 'https://idbroker.webex.com/<OrgId>',
      },
      replyUrlPattern: {
        regex: new RegExp(
          String.raw`^(?:https://idbroker(?:-[a-z0-9]+)?\.webex\.com|${LOCAL})${META_ALIAS}$`,
        ),
        shown: 'https://idbroker.webex.com/idb/Consumer/metaAlias/<ID>/sp',
      },
      signOnUrlPattern: {
        regex: new RegExp(String.raw`^(?:https://web\.ciscospark\.com|${LOCAL})${META_ALIAS}$`),
        shown: 'https://web.ciscospark.com/idb/Consumer/metaAlias/<ID>/sp',
      },
    },
  },
]

/** Looks up a gallery entry by template id (case-insensitive). */
export function galleryEntry(templateId: string): (typeof GALLERY)[number] | undefined {
  return GALLERY.find((g) => g.template.id.toLowerCase() === templateId.toLowerCase())
}
