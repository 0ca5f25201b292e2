// Applies the Entra half of a validated scenario through the IdP's Graph-shaped and sandbox
// APIs: the same services, checks and audit trail as an admin's or a script's calls.
import { galleryTemplateIdNamed } from '@sandbox/idp'
import { type ApiTarget, requestJson } from '../clients/api-request'
import type { ClaimSource, IdpClient } from '../clients/idp-client'
import { createEntraUser } from '../entra-users'
import { basicSamlInputOf, usesSaml } from './scenario-references'
import type { Scenario, ScenarioApp, ScenarioClaimSource } from './scenario-schema'

/** What applying learns that later steps (and the export) need. */
export interface AppliedEntra {
  /** Object ids by lower-cased userPrincipalName. */
  readonly userIds: Map<string, string>
  /** Service principal ids by lower-cased app name. */
  readonly appIds: Map<string, string>
}

/** Runs one step; a refusal is rethrown with the step's name so the caller can say what failed. */
export class ScenarioStepError extends Error {
  constructor(
    readonly step: string,
    readonly reason: unknown,
  ) {
    super(`${step}: ${reason instanceof Error ? reason.message : String(reason)}`)
    this.name = 'ScenarioStepError'
  }
}

export async function step<T>(name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw error instanceof ScenarioStepError ? error : new ScenarioStepError(name, error)
  }
}

const lower = (value: string) => value.trim().toLowerCase()

/** A scenario claim source in the API's shape. */
export function apiClaimSource(source: ScenarioClaimSource): ClaimSource {
  if (typeof source === 'string') return { kind: 'attribute', attribute: source }
  if ('constant' in source) return { kind: 'constant', value: source.constant }
  return {
    kind: 'transformation',
    input: source.transformation.input,
    transformations: source.transformation.transformations,
  }
}

function nicknameOf(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 64) || 'group'
}

export async function applyEntra(
  scenario: Scenario,
  idp: IdpClient,
  passwords: Map<string, string>,
): Promise<AppliedEntra> {
  const target: ApiTarget = idp.target
  const entra = scenario.entra ?? {}
  const applied: AppliedEntra = { userIds: new Map(), appIds: new Map() }
  if (entra.tenant)
    await step('renaming the tenant', () =>
      requestJson(target, {
        method: 'PUT',
        path: '/sandbox/api/tenant',
        body: {
          ...(entra.tenant?.name ? { displayName: entra.tenant.name } : {}),
          ...(entra.tenant?.domain ? { defaultDomain: entra.tenant.domain } : {}),
        },
      }),
    )
  for (const user of entra.users ?? []) {
    const { userPrincipalName, password, persona, ...attributes } = user
    const known = password ?? passwords.get(lower(userPrincipalName))
    const created = await step(`creating user ${userPrincipalName}`, () =>
      createEntraUser(idp, {
        userPrincipalName,
        ...(known ? { password: known } : {}),
        ...(persona ? { persona } : {}),
        attributes,
      }),
    )
    applied.userIds.set(lower(userPrincipalName), created.id)
    passwords.set(lower(userPrincipalName), created.password)
  }
  const groupIds = new Map<string, string>()
  for (const group of entra.groups ?? []) {
    const made = await step(`creating group ${group.name}`, () =>
      requestJson<{ id: string }>(target, {
        method: 'POST',
        path: '/v1.0/groups',
        body: {
          displayName: group.name,
          description: group.description ?? null,
          mailNickname: nicknameOf(group.name),
          mailEnabled: false,
          securityEnabled: true,
          groupTypes: [],
        },
      }),
    )
    groupIds.set(lower(group.name), made.id)
    for (const member of group.members ?? [])
      await step(`adding ${member} to group ${group.name}`, () =>
        requestJson(target, {
          method: 'POST',
          path: `/v1.0/groups/${encodeURIComponent(made.id)}/members/$ref`,
          body: {
            '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${applied.userIds.get(lower(member))}`,
          },
        }),
      )
  }
  for (const app of entra.apps ?? []) {
    const spId = await applyApp(app, idp, applied, groupIds)
    applied.appIds.set(lower(app.name), spId)
  }
  return applied
}

async function applyApp(
  app: ScenarioApp,
  idp: IdpClient,
  applied: AppliedEntra,
  groupIds: Map<string, string>,
): Promise<string> {
  const templateId = galleryTemplateIdNamed(app.gallery ?? 'Custom') ?? ''
  const made = await step(`adding app ${app.name}`, () => idp.instantiate(templateId, app.name))
  const spId = made.servicePrincipal.id
  if (usesSaml(app)) await applySaml(app, idp, spId)
  const roles = (await idp.servicePrincipal(spId)).appRoles
  for (const assignment of app.assignments ?? []) {
    const principal = 'user' in assignment ? assignment.user : assignment.group
    const principalId =
      'user' in assignment
        ? applied.userIds.get(lower(assignment.user))
        : groupIds.get(lower(assignment.group))
    const role = assignment.role
      ? roles.find((r) => lower(r.displayName) === lower(assignment.role ?? ''))
      : roles[0]
    if (assignment.role && !role)
      throw new ScenarioStepError(
        `assigning ${principal} to ${app.name}`,
        new Error(
          `the app has no role "${assignment.role}"; its roles: ${roles.map((r) => r.displayName).join(', ')}`,
        ),
      )
    await step(`assigning ${principal} to ${app.name}`, () =>
      idp.assign(spId, principalId ?? '', role?.id ?? '00000000-0000-0000-0000-000000000000'),
    )
  }
  return spId
}

async function applySaml(app: ScenarioApp, idp: IdpClient, spId: string): Promise<void> {
  const target = idp.target
  const saml = (path: string) => `/sandbox/api/servicePrincipals/${encodeURIComponent(spId)}/${path}`
  const page = await step(`selecting SAML for ${app.name}`, () => idp.enableSaml(spId))
  if (app.saml) {
    const input = basicSamlInputOf(app.saml)
    await step(`saving the Basic SAML Configuration of ${app.name}`, () => idp.updateBasicSaml(spId, input))
  }
  const claims = app.claims
  if (claims?.nameId) {
    const nameId = claims.nameId
    await step(`setting the Name ID of ${app.name}`, () =>
      requestJson(target, {
        method: 'PUT',
        path: saml('saml/nameId'),
        body: { source: apiClaimSource(nameId.source), format: nameId.format },
      }),
    )
  }
  if (claims?.additional) {
    for (const existing of page.attributesAndClaims.claims)
      await step(`removing the default claim ${existing.name} of ${app.name}`, () =>
        requestJson(target, {
          method: 'DELETE',
          path: saml(`saml/claims/${encodeURIComponent(existing.id)}`),
        }),
      )
    for (const claim of claims.additional)
      await step(`adding the claim ${claim.name} to ${app.name}`, () =>
        requestJson(target, {
          method: 'POST',
          path: saml('saml/claims'),
          body: {
            name: claim.name,
            ...(claim.namespace !== undefined ? { namespace: claim.namespace } : {}),
            source: apiClaimSource(claim.source),
          },
        }),
      )
  }
  const certificates = app.certificates
  if (certificates?.signingOption || certificates?.signingAlgorithm)
    await step(`setting the signing options of ${app.name}`, () =>
      requestJson(target, {
        method: 'PUT',
        path: saml('saml/signing'),
        body: {
          ...(certificates.signingOption ? { signingOption: certificates.signingOption } : {}),
          ...(certificates.signingAlgorithm ? { signingAlgorithm: certificates.signingAlgorithm } : {}),
        },
      }),
    )
  if (certificates?.list && certificates.list.length > 0) {
    const original = page.samlCertificates.certificates.map((c) => c.thumbprint)
    for (const certificate of certificates.list)
      await step(`adding a SAML signing certificate to ${app.name}`, () =>
        requestJson(target, {
          method: 'POST',
          path: saml('certificates'),
          body: {
            ...(certificate.kind ? { kind: certificate.kind } : {}),
            ...(certificate.displayName ? { displayName: certificate.displayName } : {}),
            ...(certificate.expires ? { endDateTime: certificate.expires } : {}),
            activate: certificate.active === true,
          },
        }),
      )
    for (const thumbprint of original)
      await step(`removing the certificate SAML set-up created for ${app.name}`, () =>
        requestJson(target, {
          method: 'DELETE',
          path: saml(`certificates/${encodeURIComponent(thumbprint)}`),
        }),
      )
  }
}
