import { generatePassword, hashPassword, type Runtime } from '@sandbox/shared'
import { issueSigningCertificate } from '../certificates/issue-certificate'
import { DEFAULT_TENANT, EMPTY_PROVISIONING, type IdpState } from './idp-state'

/** A new state and the one-time secrets to show the person who started it. */
export interface InitialIdpState {
  readonly state: IdpState
  readonly adminPassword: string
}

/** The common name of the tenant key, as in Entra's tenant metadata. */
const TENANT_KEY_NAME = 'accounts.accesscontrol.windows.net'

/**
 * Creates the first state: the Contoso tenant with a Global Administrator, the tenant signing
 * key (sandbox-CA-issued), the Graph token and the automation client's credentials.
 */
export async function createInitialIdpState(
  runtime: Runtime,
  keep?: Pick<IdpState, 'tenant' | 'graphApiToken' | 'automationClient'>,
): Promise<InitialIdpState> {
  const now = runtime.clock.now()
  const { ids } = runtime
  const adminPassword = generatePassword()
  const createdDateTime = new Date(now).toISOString()
  const [key, passwordHash] = await Promise.all([runtime.keys.take(), hashPassword(adminPassword)])
  // A renamed tenant keeps its Global Administrator in its own domain across resets.
  const adminUserPrincipalName = keep
    ? `admin@${keep.tenant.defaultDomain}`
    : DEFAULT_TENANT.adminUserPrincipalName
  return {
    adminPassword,
    state: {
      tenant: keep?.tenant ?? {
        id: ids.guid(),
        displayName: DEFAULT_TENANT.displayName,
        defaultDomain: DEFAULT_TENANT.defaultDomain,
        createdDateTime,
      },
      tenantSigningCertificate: issueSigningCertificate(runtime, {
        kind: 'ca-issued',
        key,
        now,
        commonName: TENANT_KEY_NAME,
      }),
      pairwiseSecret: ids.token(32),
      users: [
        {
          id: ids.guid(),
          userPrincipalName: adminUserPrincipalName,
          displayName: 'Sandbox Admin',
          mailNickname: 'admin',
          givenName: 'Sandbox',
          surname: 'Admin',
          mail: adminUserPrincipalName,
          onPremisesUserPrincipalName: null,
          accountEnabled: true,
          passwordHash,
          directoryRoles: ['Global Administrator'],
          createdDateTime,
        },
      ],
      groups: [],
      apps: [],
      appRoleAssignments: [],
      claimsMappingPolicies: [],
      settings: { defaultCertificateKind: 'ca-issued' },
      trainingMode: false,
      automationClient: keep?.automationClient ?? {
        appId: ids.guid(),
        displayName: DEFAULT_TENANT.automationAppName,
        clientSecret: ids.token(32),
      },
      graphApiToken: keep?.graphApiToken ?? ids.token(32),
      provisioning: structuredClone(EMPTY_PROVISIONING),
    },
  }
}
