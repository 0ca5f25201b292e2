// Reads both servers' current state through their APIs and writes it as a scenario: what a
// load of that scenario into a fresh sandbox would rebuild.

import { galleryTemplateIdNamed } from '@sandbox/idp'
import { requestJson } from '../clients/api-request'
import type { IdpClient } from '../clients/idp-client'
import type { SpClient, WebexUserSummary } from '../clients/sp-client'
import { type SandboxAddresses, toPlaceholders } from './placeholders'
import {
  SCENARIO_FORMAT_VERSION,
  type Scenario,
  type ScenarioApp,
  type ScenarioClaimSource,
} from './scenario-schema'

interface ListedUser {
  id: string
  userPrincipalName: string
  displayName: string
  givenName: string | null
  surname: string | null
  mail: string | null
  mailNickname: string
  accountEnabled: boolean
}
type ApiClaimSource =
  | { kind: 'attribute'; attribute: string }
  | { kind: 'constant'; value: string }
  | { kind: 'transformation'; input: unknown; transformations: unknown[] }
interface FullSamlPage {
  basicSamlConfiguration: {
    identifiers: { value: string; isDefault: boolean }[]
    replyUrls: { url: string; index: number | null; isDefault: boolean }[]
    signOnUrl: string | null
    relayState: string | null
    logoutUrl: string | null
  }
  attributesAndClaims: {
    nameId: {
      source: ApiClaimSource
      format: NonNullable<NonNullable<ScenarioApp['claims']>['nameId']>['format']
    }
    claims: { name: string; namespace: string | null; source: ApiClaimSource }[]
  }
  samlCertificates: {
    certificates: {
      thumbprint: string
      status: string
      kind: 'ca-issued' | 'self-signed'
      displayName: string
      expiration: string
    }[]
    signingThumbprint: string
    signingOption: 'assertion' | 'response' | 'both'
    signingAlgorithm: 'rsa-sha256' | 'rsa-sha1'
  }
}

const lower = (value: string) => value.trim().toLowerCase()
const collection = <T>(call: Promise<{ value: T[] }>) => call.then((c) => c.value)

function scenarioClaimSource(source: ApiClaimSource): ScenarioClaimSource {
  if (source.kind === 'attribute') return source.attribute as Extract<ScenarioClaimSource, string>
  if (source.kind === 'constant') return { constant: source.value }
  return { transformation: { input: source.input, transformations: source.transformations } }
}

/** The scenario of what both servers hold now; `passwords` are the ones known to this sandbox. */
export async function exportScenario(
  clients: { idp: IdpClient; sp: SpClient },
  addresses: SandboxAddresses,
  passwords: ReadonlyMap<string, string>,
): Promise<Scenario> {
  const { idp, sp } = clients
  const get = <T>(client: IdpClient | SpClient, path: string) =>
    requestJson<T>(client.target, { method: 'GET', path })
  const tenant = await get<{ displayName: string; defaultDomain: string }>(idp, '/sandbox/api/tenant')
  const adminUpn = `admin@${lower(tenant.defaultDomain)}`
  const listed = await collection(
    get<{ value: ListedUser[] }>(
      idp,
      '/v1.0/users?$top=999&$select=id,userPrincipalName,displayName,givenName,surname,mail,mailNickname,accountEnabled',
    ),
  )
  const people = listed.filter((u) => lower(u.userPrincipalName) !== adminUpn)
  const upnById = new Map(people.map((u) => [u.id, u.userPrincipalName]))
  const users = people.map((u) => {
    const password = passwords.get(lower(u.userPrincipalName))
    const alias = u.userPrincipalName.slice(0, u.userPrincipalName.lastIndexOf('@'))
    return {
      userPrincipalName: u.userPrincipalName,
      ...(password ? { password } : {}),
      displayName: u.displayName,
      givenName: u.givenName,
      surname: u.surname,
      mail: u.mail,
      ...(u.mailNickname !== alias ? { mailNickname: u.mailNickname } : {}),
      ...(u.accountEnabled ? {} : { accountEnabled: false }),
    }
  })
  const listedGroups = await collection(
    get<{ value: { id: string; displayName: string; description: string | null }[] }>(
      idp,
      '/v1.0/groups?$top=999',
    ),
  )
  const groupNameById = new Map(listedGroups.map((g) => [g.id, g.displayName]))
  const groups = []
  for (const group of listedGroups) {
    const members = await collection(
      get<{ value: { id: string }[] }>(idp, `/v1.0/groups/${encodeURIComponent(group.id)}/members?$top=999`),
    )
    groups.push({
      name: group.displayName,
      ...(group.description !== null ? { description: group.description } : {}),
      members: members.map((m) => upnById.get(m.id) ?? m.id),
    })
  }
  const principals = await collection(
    get<{
      value: {
        id: string
        displayName: string
        applicationTemplateId: string | null
        preferredSingleSignOnMode: string | null
      }[]
    }>(idp, '/v1.0/servicePrincipals?$top=999'),
  )
  const apps: ScenarioApp[] = []
  const signingThumbprints = new Map<string, string>()
  for (const principal of principals) {
    const app = await exportApp(idp, principal, upnById, groupNameById)
    apps.push(app.scenario)
    if (app.signingThumbprint)
      signingThumbprints.set(app.signingThumbprint.toUpperCase(), principal.displayName)
  }
  const webex = await exportWebex(sp, signingThumbprints)
  const scenario: Scenario = {
    scenario: SCENARIO_FORMAT_VERSION,
    entra: { tenant: { name: tenant.displayName, domain: tenant.defaultDomain }, users, groups, apps },
    webex,
  }
  return toPlaceholders(scenario, addresses) as Scenario
}

async function exportApp(
  idp: IdpClient,
  principal: {
    id: string
    displayName: string
    applicationTemplateId: string | null
    preferredSingleSignOnMode: string | null
  },
  upnById: ReadonlyMap<string, string>,
  groupNameById: ReadonlyMap<string, string>,
): Promise<{ scenario: ScenarioApp; signingThumbprint: string | null }> {
  const custom = galleryTemplateIdNamed('Custom')
  const templateId = principal.applicationTemplateId
  const gallery =
    templateId && templateId !== custom
      ? (
          await requestJson<{ displayName: string }>(idp.target, {
            method: 'GET',
            path: `/v1.0/applicationTemplates/${encodeURIComponent(templateId)}`,
          })
        ).displayName
      : null
  const full = await idp.servicePrincipal(principal.id)
  const assignments = (await idp.assignments(principal.id)).value.map((a) => {
    const role = full.appRoles.find((r) => r.id === a.appRoleId)?.displayName
    const user = upnById.get(a.principalId)
    const who = user ? { user } : { group: groupNameById.get(a.principalId) ?? a.principalId }
    return { ...who, ...(role ? { role } : {}) }
  })
  const scenario: ScenarioApp = { name: principal.displayName, ...(gallery ? { gallery } : {}) }
  if (principal.preferredSingleSignOnMode !== 'saml')
    return {
      scenario: { ...scenario, ...(assignments.length ? { assignments } : {}) },
      signingThumbprint: null,
    }
  const page = await requestJson<FullSamlPage>(idp.target, {
    method: 'GET',
    path: `/sandbox/api/servicePrincipals/${encodeURIComponent(principal.id)}/saml`,
  })
  const basic = page.basicSamlConfiguration
  const certificates = page.samlCertificates
  return {
    signingThumbprint: certificates.signingThumbprint,
    scenario: {
      ...scenario,
      saml: {
        identifiers: basic.identifiers.map((i, n) =>
          i.isDefault === (n === 0) ? i.value : { value: i.value, default: i.isDefault },
        ),
        replyUrls: basic.replyUrls.map((r) =>
          r.index === null && !r.isDefault ? r.url : { url: r.url, index: r.index, default: r.isDefault },
        ),
        signOnUrl: basic.signOnUrl,
        relayState: basic.relayState,
        logoutUrl: basic.logoutUrl,
      },
      claims: {
        nameId: {
          source: scenarioClaimSource(page.attributesAndClaims.nameId.source),
          format: page.attributesAndClaims.nameId.format,
        },
        additional: page.attributesAndClaims.claims.map((c) => ({
          name: c.name,
          namespace: c.namespace,
          source: scenarioClaimSource(c.source),
        })),
      },
      certificates: {
        signingOption: certificates.signingOption,
        signingAlgorithm: certificates.signingAlgorithm,
        list: certificates.certificates.map((c) => ({
          kind: c.kind,
          displayName: c.displayName,
          expires: c.expiration,
          active: c.thumbprint === certificates.signingThumbprint,
        })),
      },
      ...(assignments.length ? { assignments } : {}),
    },
  }
}

async function exportWebex(
  sp: SpClient,
  signingThumbprints: ReadonlyMap<string, string>,
): Promise<NonNullable<Scenario['webex']>> {
  const org = await sp.organization()
  const users: WebexUserSummary[] = []
  for (let offset = 0; ; offset += 100) {
    const page = await requestJson<{ items: (WebexUserSummary & { firstName: string; lastName: string })[] }>(
      sp.target,
      {
        method: 'GET',
        path: `/api/v1/users?offset=${offset}&limit=100`,
      },
    )
    users.push(...page.items)
    if (page.items.length < 100) break
  }
  const status = await requestJson<{
    enabled: boolean
    pending: {
      idpEntityId: string
      trustMode: 'ca-signed' | 'self-signed-allowed'
      signingCertificates: { thumbprint: string }[]
    } | null
    active: {
      idpEntityId: string
      trustMode: 'ca-signed' | 'self-signed-allowed'
      signingCertificates: { thumbprint: string }[]
    } | null
    lastTest: { status: string; nameId: string | null } | null
  }>(sp.target, { method: 'GET', path: '/api/v1/sso' })
  const trust = status.active ?? status.pending
  const webex: NonNullable<Scenario['webex']> = {
    org: { name: org.name },
    users: users.map((u) => {
      const full = u as WebexUserSummary & { firstName: string; lastName: string }
      return {
        email: u.email,
        firstName: full.firstName,
        lastName: full.lastName,
        displayName: u.displayName,
        ...(u.active ? {} : { active: false }),
      }
    }),
  }
  if (!trust) return webex
  const entraApp = trust.signingCertificates
    .map((c) => signingThumbprints.get(c.thumbprint.toUpperCase()))
    .find((n) => n !== undefined)
  if (!entraApp)
    throw new Error(
      `The Webex org trusts an IdP (${trust.idpEntityId}) that is not an app of this sandbox's Entra; a scenario can only name Entra apps as the IdP.`,
    )
  const tested =
    status.lastTest?.status === 'passed' && status.lastTest.nameId ? status.lastTest.nameId : null
  return {
    ...webex,
    sso: {
      idpMetadata: { entraApp },
      trustMode: trust.trustMode,
      ...(tested ? { test: { user: tested } } : {}),
      ...(status.enabled ? { enabled: true } : {}),
    },
  }
}
