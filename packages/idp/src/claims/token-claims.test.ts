import { AUTHN_METHOD, ENTRA_CLAIM, NAMEID_FORMAT } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID, CUSTOM_TEMPLATE_ID } from '../enterprise-apps/gallery'
import type { DirectoryUser } from '../state/idp-state'
import { createTestServices, type TestServices } from '../test-support/harness'
import type { ClaimSubject } from './claim-values'
import { effectiveClaims } from './effective-claims'
import { pairwiseId, resolveNameId, tokenAttributes } from './token-claims'

let t: TestServices
let user: DirectoryUser
beforeEach(async () => {
  t = await createTestServices()
  const created = await t.services.directory.createUser({
    userPrincipalName: 'Joe.Smith@contoso.com',
    displayName: 'Joe Smith',
    givenName: 'Joe',
    surname: null,
    mail: 'joe@fabrikam.com',
    onPremisesUserPrincipalName: 'jsmith@corp.contoso.com',
  })
  if (!created.ok) throw new Error(created.error.message)
  user = created.value.user
})

async function app(templateId = CUSTOM_TEMPLATE_ID) {
  const created = await t.services.apps.instantiate(templateId, 'App')
  if (!created.ok) throw new Error(created.error.message)
  return created.value.servicePrincipal.id
}

const current = () => {
  const found = t.store.read().apps[0]
  if (!found) throw new Error('no app')
  return found
}
const subject = (): ClaimSubject => ({ user, assignedRoles: [] })
const attributes = () =>
  tokenAttributes(t.store.read(), effectiveClaims(t.store.read(), current()), subject())
const make = { pairwise: () => 'PAIRWISE', transient: () => '_transient' }

describe('token claims', () => {
  it('emits the always-on claims first, then the editor defaults in order, omitting empty ones', async () => {
    await app()
    expect(attributes()).toEqual([
      { name: ENTRA_CLAIM.tenantId, values: [t.tenantId] },
      { name: ENTRA_CLAIM.objectId, values: [user.id] },
      { name: ENTRA_CLAIM.displayName, values: ['Joe Smith'] },
      { name: ENTRA_CLAIM.identityProvider, values: [`https://sts.windows.net/${t.tenantId}/`] },
      { name: ENTRA_CLAIM.authnMethodsReferences, values: [AUTHN_METHOD.password] },
      { name: ENTRA_CLAIM.givenName, values: ['Joe'] },
      { name: ENTRA_CLAIM.emailAddress, values: ['joe@fabrikam.com'] },
      { name: ENTRA_CLAIM.name, values: ['Joe.Smith@contoso.com'] },
    ])
  })

  it('gives Cisco Webex uid = user.userprincipalname, changeable to mail, on-premises UPN or a constant', async () => {
    const spId = await app(CISCO_WEBEX_TEMPLATE_ID)
    expect(attributes().at(-1)).toEqual({ name: 'uid', values: ['Joe.Smith@contoso.com'] })
    const uid = current().saml.claims.find((c) => c.name === 'uid')
    if (!uid) throw new Error('no uid claim')
    const sources = [
      [{ kind: 'attribute', attribute: 'user.mail' }, 'joe@fabrikam.com'],
      [{ kind: 'attribute', attribute: 'user.onpremisesuserprincipalname' }, 'jsmith@corp.contoso.com'],
      [{ kind: 'constant', value: 'fixed-value' }, 'fixed-value'],
    ] as const
    for (const [source, expected] of sources) {
      const updated = await t.services.claims.updateClaim(spId, uid.id, {
        name: 'uid',
        namespace: null,
        source,
      })
      expect(updated.ok).toBe(true)
      expect(attributes().at(-1)).toEqual({ name: 'uid', values: [expected] })
    }
  })

  it('applies ToLowercase, ExtractMailPrefix and Join (with up to two chained steps)', async () => {
    const spId = await app()
    const add = (name: string, transformations: unknown[]) =>
      t.services.claims.addClaim(spId, {
        name,
        namespace: 'https://sandbox.test/claims',
        source: {
          kind: 'transformation',
          input: { kind: 'attribute', attribute: 'user.userprincipalname' },
          transformations: transformations as never,
        },
      })
    await add('lower', [{ method: 'ToLowercase' }])
    await add('prefix', [{ method: 'ExtractMailPrefix' }, { method: 'ToUppercase' }])
    await add('joined', [
      { method: 'ExtractMailPrefix' },
      { method: 'Join', separator: '@', parameter: { kind: 'constant', value: 'fabrikam.com' } },
    ])
    const byName = Object.fromEntries(attributes().map((a) => [a.name, a.values[0]]))
    expect(byName['https://sandbox.test/claims/lower']).toBe('joe.smith@contoso.com')
    expect(byName['https://sandbox.test/claims/prefix']).toBe('JOE.SMITH')
    expect(byName['https://sandbox.test/claims/joined']).toBe('Joe.Smith@fabrikam.com')
    const tooMany = await add('three', [
      { method: 'ToLowercase' },
      { method: 'ToLowercase' },
      { method: 'ToLowercase' },
    ])
    expect(tooMany.ok).toBe(false)
  })

  it('edits and deletes claims, and refuses restricted and duplicate claim names', async () => {
    const spId = await app()
    const surname = current().saml.claims.find((c) => c.name === 'surname')
    expect(await t.services.claims.deleteClaim(spId, surname?.id ?? '')).toEqual({
      ok: true,
      value: undefined,
    })
    expect(current().saml.claims.map((c) => c.name)).toEqual(['givenname', 'emailaddress', 'name'])
    const restricted = await t.services.claims.addClaim(spId, {
      name: 'tenantid',
      namespace: 'http://schemas.microsoft.com/identity/claims',
      source: { kind: 'constant', value: 'x' },
    })
    expect(restricted).toMatchObject({ ok: false, error: { code: 'INVALID' } })
    const duplicate = await t.services.claims.addClaim(spId, {
      name: 'name',
      namespace: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/',
      source: { kind: 'constant', value: 'x' },
    })
    expect(duplicate).toMatchObject({ ok: false })
  })
})

describe('NameID', () => {
  it('uses the configured source and format when the request has no NameIDPolicy', async () => {
    await app()
    expect(resolveNameId(current().saml.nameId, subject(), null, make)).toEqual({
      ok: true,
      value: { value: 'Joe.Smith@contoso.com', format: NAMEID_FORMAT.emailAddress, spNameQualifier: null },
    })
  })

  it('honours the NameIDPolicy Format: persistent and unspecified pairwise, transient one-time, emailAddress', async () => {
    await app()
    const nameId = current().saml.nameId
    const ask = (format: string) =>
      resolveNameId(nameId, subject(), { format, spNameQualifier: 'sp-q' }, make)
    expect(ask(NAMEID_FORMAT.persistent)).toMatchObject({
      ok: true,
      value: { value: 'PAIRWISE', spNameQualifier: 'sp-q' },
    })
    expect(ask(NAMEID_FORMAT.unspecified)).toMatchObject({ ok: true, value: { value: 'PAIRWISE' } })
    expect(ask(NAMEID_FORMAT.transient)).toMatchObject({ ok: true, value: { value: '_transient' } })
    expect(ask(NAMEID_FORMAT.emailAddress)).toMatchObject({
      ok: true,
      value: { value: 'Joe.Smith@contoso.com', format: NAMEID_FORMAT.emailAddress },
    })
  })

  it('derives a stable, app-specific pairwise id', () => {
    const secret = t.store.read().pairwiseSecret
    expect(pairwiseId(secret, user.id, 'app-1')).toBe(pairwiseId(secret, user.id, 'APP-1'))
    expect(pairwiseId(secret, user.id, 'app-1')).not.toBe(pairwiseId(secret, user.id, 'app-2'))
    expect(pairwiseId(secret, user.id, 'app-1')).toMatch(/^[A-Za-z0-9+/]{43}=$/)
  })

  it('falls back to the pairwise id when a transformation yields nothing, and fails on an empty attribute', async () => {
    const spId = await app()
    await t.services.claims.setNameId(spId, {
      source: {
        kind: 'transformation',
        input: { kind: 'attribute', attribute: 'user.surname' },
        transformations: [{ method: 'ToLowercase' }],
      },
      format: 'persistent',
    })
    expect(resolveNameId(current().saml.nameId, subject(), null, make)).toMatchObject({
      ok: true,
      value: { value: 'PAIRWISE', format: NAMEID_FORMAT.persistent },
    })
    await t.services.claims.setNameId(spId, {
      source: { kind: 'attribute', attribute: 'user.surname' },
      format: 'default',
    })
    expect(resolveNameId(current().saml.nameId, subject(), null, make)).toEqual({
      ok: false,
      error: { code: 'NAMEID_SOURCE_MISSING', attribute: 'user.surname' },
    })
  })
})

describe('claims mapping policies', () => {
  const definition = (schema: unknown[], basic = 'true') => [
    JSON.stringify({
      ClaimsMappingPolicy: { Version: 1, IncludeBasicClaimSet: basic, ClaimsSchema: schema },
    }),
  ]

  it('override Attributes & Claims once assigned, including the NameID and role values', async () => {
    const spId = await app()
    const policy = await t.services.claimsPolicies.create({
      displayName: 'AWS Claims Policy',
      definition: definition(
        [
          {
            Source: 'user',
            ID: 'assignedroles',
            SamlClaimType: 'https://aws.amazon.com/SAML/Attributes/Role',
          },
          { Value: '900', SamlClaimType: 'https://aws.amazon.com/SAML/Attributes/SessionDuration' },
          {
            Source: 'user',
            ID: 'mail',
            SamlClaimType: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
            SamlNameIdFormat: NAMEID_FORMAT.persistent,
          },
        ],
        'false',
      ),
    })
    if (!policy.ok) throw new Error(policy.error.message)
    expect(await t.services.claimsPolicies.assign(spId, policy.value.id)).toEqual({
      ok: true,
      value: undefined,
    })
    const claims = effectiveClaims(t.store.read(), current())
    expect(claims.origin).toBe('claims-mapping-policy')
    expect(resolveNameId(claims.nameId, subject(), null, make)).toMatchObject({
      ok: true,
      value: { value: 'joe@fabrikam.com', format: NAMEID_FORMAT.persistent },
    })
    const names = tokenAttributes(t.store.read(), claims, { user, assignedRoles: ['Admin'] }).map((a) => [
      a.name,
      a.values,
    ])
    expect(names.slice(5)).toEqual([
      ['https://aws.amazon.com/SAML/Attributes/Role', ['Admin']],
      ['https://aws.amazon.com/SAML/Attributes/SessionDuration', ['900']],
    ])
    expect((await t.services.claimsPolicies.assign(spId, policy.value.id)).ok).toBe(false)
  })

  it('refuses definitions that are not valid policies, and unassigns on delete', async () => {
    for (const bad of [
      ['not json'],
      definition([{ Source: 'user', ID: 'shoesize', SamlClaimType: 'x' }]),
      ['{"ClaimsMappingPolicy":{"version":1}}'],
    ]) {
      expect(await t.services.claimsPolicies.create({ displayName: 'Bad', definition: bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID', target: 'definition' },
      })
    }
    const spId = await app()
    const policy = await t.services.claimsPolicies.create({ displayName: 'P', definition: definition([]) })
    if (!policy.ok) throw new Error(policy.error.message)
    await t.services.claimsPolicies.assign(spId, policy.value.id)
    await t.services.claimsPolicies.delete(policy.value.id)
    expect(current().servicePrincipal.claimsMappingPolicyId).toBeNull()
  })
})
