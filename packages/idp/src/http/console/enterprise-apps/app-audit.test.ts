import type { HeadlessBrowser, Page } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { CERTIFICATES_ACTIVITY } from '../../../audit/audited-app-services'
import { CISCO_WEBEX_TEMPLATE_ID } from '../../../enterprise-apps/gallery'
import { csrfTokenOf, signInToConsole } from '../../../test-support/console'
import { graphClient } from '../../../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../../../test-support/harness'

let idp: TestIdp
let browser: HeadlessBrowser
let spId = ''
let applicationId = ''
let userId = ''
let newThumbprint = ''
let csrfToken = ''

const ADMIN = 'admin@contoso.com'
const IDENTIFIER = 'http://localhost:8080/2f1e7c55-0e0b-4d87-9bd5-5a1b5c8a1f0e'

function formTo(page: Page, path: string) {
  const form = page.facts.forms.find((f) => f.action.pathname === path)
  if (!form) throw new Error(`no form to ${path} on ${page.url.href}`)
  return form
}

async function postForm(path: string, body: URLSearchParams) {
  const cookie = browser.jar
    .cookiesFor(new URL(idp.url))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
  const response = await idp.app.request(path, { method: 'POST', headers: { cookie, origin: idp.url }, body })
  expect(response.status, path).toBe(303)
  return response
}

interface GraphAudit {
  activityDisplayName: string
  category: string
  id: string
  operationType: string
  initiatedBy: { user: { userPrincipalName: string } | null; app: { displayName: string } | null }
  targetResources: {
    id: string
    displayName: string
    type: string
    userPrincipalName: string | null
    modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[]
  }[]
}

async function directoryAudits(): Promise<GraphAudit[]> {
  const answer = await graphClient(idp).get('/v1.0/auditLogs/directoryAudits')
  expect(answer.status).toBe(200)
  return answer.json.value as GraphAudit[]
}

/** The newest entry of `activity` naming `targetId` among its targets that the console admin made. */
function entry(audits: readonly GraphAudit[], activity: string, targetId: string): GraphAudit {
  const found = audits.find(
    (a) =>
      a.activityDisplayName === activity &&
      a.targetResources.some((t) => t.id === targetId) &&
      a.initiatedBy.user?.userPrincipalName === ADMIN,
  )
  if (!found)
    throw new Error(`no "${activity}" on ${targetId}: ${audits.map((a) => a.activityDisplayName).join(', ')}`)
  return found
}

// One tenant for the file: the console admin adds Cisco Webex, selects SAML, edits Basic SAML,
// assigns a user and makes a new certificate active; then the Graph API changes the app once.
beforeAll(async () => {
  idp = await createTestIdp()
  browser = idp.browser()
  await signInToConsole(idp, browser, { login: ADMIN, password: idp.adminPassword })
  const gallery = await browser.open(
    `${idp.url}/enterprise-apps/gallery?pane=add&template=${CISCO_WEBEX_TEMPLATE_ID}`,
  )
  const overview = await browser.submit(gallery, formTo(gallery, '/enterprise-apps/gallery/add'))
  spId = overview.url.pathname.split('/')[2] ?? ''
  const app = idp.services.apps.getByServicePrincipal(spId)
  if (!app.ok) throw new Error('the app was not added')
  applicationId = app.value.application.id
  const select = await browser.open(`${idp.url}/enterprise-apps/${spId}/single-sign-on`)
  const saml = await browser.submit(select, formTo(select, `/enterprise-apps/${spId}/single-sign-on`), {
    method: 'saml',
  })
  csrfToken = csrfTokenOf(saml)
  await postForm(
    `/enterprise-apps/${spId}/saml/basic`,
    new URLSearchParams({
      csrfToken,
      'identifier-0': IDENTIFIER,
      'replyUrl-0': 'http://localhost:8080/idb/Consumer/metaAlias/2f1e7c55/sp',
    }),
  )
  const made = await idp.services.directory.createUser({
    userPrincipalName: 'b.simon@contoso.com',
    displayName: 'B.Simon',
  })
  if (!made.ok) throw new Error('B.Simon was not created')
  userId = made.value.user.id
  await postForm(
    `/enterprise-apps/${spId}/users/add`,
    new URLSearchParams({ csrfToken, 'principal-0': userId }),
  )
  await postForm(
    `/enterprise-apps/${spId}/saml/certificate`,
    new URLSearchParams({
      csrfToken,
      action: 'save',
      newCertificate: 'true',
      expiry: idp.services.certificates.newCertificateExpiryRange().latest,
      signingOption: 'assertion',
      signingAlgorithm: 'rsa-sha256',
      notificationEmails: '',
    }),
  )
  const certificates = idp.services.apps.getByServicePrincipal(spId)
  if (!certificates.ok) throw new Error('the app is gone')
  newThumbprint =
    certificates.value.saml.certificates.find(
      (c) => c.thumbprint !== certificates.value.servicePrincipal.preferredTokenSigningKeyThumbprint,
    )?.thumbprint ?? ''
  await postForm(
    `/enterprise-apps/${spId}/saml/certificate?thumbprint=${newThumbprint}`,
    new URLSearchParams({ csrfToken, action: 'activate' }),
  )
  const patched = await graphClient(idp).patch(`/v1.0/servicePrincipals/${spId}`, {
    appRoleAssignmentRequired: false,
  })
  expect(patched.status, JSON.stringify(patched.json)).toBe(204)
})

describe('Audit logs of enterprise application changes', () => {
  it('lists each console change on Graph auditLogs/directoryAudits with Entra activity, category, admin and target', async () => {
    const audits = await directoryAudits()
    const expected: [string, string, string][] = [
      ['Add application', 'ApplicationManagement', applicationId],
      ['Add service principal', 'ApplicationManagement', spId],
      ['Update service principal', 'ApplicationManagement', spId],
      ['Update application', 'ApplicationManagement', applicationId],
      ['Add app role assignment grant to user', 'UserManagement', userId],
      [CERTIFICATES_ACTIVITY, 'ApplicationManagement', spId],
    ]
    for (const [activity, category, targetId] of expected) {
      const found = entry(audits, activity, targetId)
      expect(found.category, activity).toBe(category)
      expect(found.initiatedBy.app, activity).toBeNull()
    }
    const basic = entry(audits, 'Update application', applicationId).targetResources[0]?.modifiedProperties
    // Graph's encoding: a list property is a JSON array in a string.
    expect(basic).toContainEqual(
      expect.objectContaining({ displayName: 'IdentifierUris', newValue: JSON.stringify([IDENTIFIER]) }),
    )
    // An assignment names the service principal (with the properties) and the user, as Entra does.
    const assigned = entry(audits, 'Add app role assignment grant to user', userId)
    expect(assigned.operationType).toBe('Assign')
    expect(assigned.targetResources).toMatchObject([
      { id: spId, displayName: 'Cisco Webex', type: 'ServicePrincipal' },
      { id: userId, type: 'User', userPrincipalName: 'b.simon@contoso.com', modifiedProperties: [] },
    ])
    expect(assigned.targetResources[0]?.modifiedProperties).toEqual(
      expect.arrayContaining([
        { displayName: 'AppRole.DisplayName', oldValue: null, newValue: '"User"' },
        { displayName: 'ServicePrincipal.DisplayName', oldValue: null, newValue: '"Cisco Webex"' },
        { displayName: 'User.ObjectID', oldValue: null, newValue: JSON.stringify(userId) },
        { displayName: 'User.UPN', oldValue: null, newValue: '"b.simon@contoso.com"' },
      ]),
    )
    const activeChanges = audits
      .filter((a) => a.activityDisplayName === CERTIFICATES_ACTIVITY)
      .flatMap((a) => a.targetResources[0]?.modifiedProperties ?? [])
    expect(activeChanges).toContainEqual(
      expect.objectContaining({
        displayName: 'PreferredTokenSigningKeyThumbprint',
        newValue: JSON.stringify([newThumbprint]),
      }),
    )
  })

  it('names the Graph API client as initiator of a change made through Graph, and answers one entry by id', async () => {
    const audits = await directoryAudits()
    const viaGraph = audits.find(
      (a) =>
        a.activityDisplayName === 'Update service principal' &&
        a.targetResources[0]?.modifiedProperties.some((p) => p.displayName === 'AppRoleAssignmentRequired'),
    )
    expect(viaGraph?.initiatedBy.user).toBeNull()
    expect(viaGraph?.initiatedBy.app?.displayName).toBe('Sandbox API client')
    const one = await graphClient(idp).get(`/v1.0/auditLogs/directoryAudits/${viaGraph?.id}`)
    expect(one.json.activityDisplayName).toBe('Update service principal')
    const missing = await graphClient(idp).get('/v1.0/auditLogs/directoryAudits/nope')
    expect(missing.status).toBe(404)
  })

  it('shows the same entries on Monitoring & health > Audit logs, with the details pane of the assignment', async () => {
    const logs = await browser.open(`${idp.url}/monitoring/audit`)
    expect(logs.status).toBe(200)
    for (const activity of [
      'Add application',
      'Update application',
      'Add app role assignment grant to user',
      CERTIFICATES_ACTIVITY,
    ])
      expect(logs.facts.text).toContain(activity)
    expect(logs.facts.text).toContain('ApplicationManagement')
    const assignment = idp.services.audit
      .list()
      .find((r) => r.activityDisplayName === 'Add app role assignment grant to user')
    const details = await browser.open(`${idp.url}/monitoring/audit?pane=details&id=${assignment?.id}`)
    expect(details.facts.text).toContain('B.Simon')
    expect(details.facts.text).toContain(ADMIN)
    // Both targets, and the JSON-encoded values shown without their quotes.
    expect(details.facts.text).toMatch(/Type\s*ServicePrincipal\s*Display name\s*Cisco Webex/)
    expect(details.facts.text).toMatch(/Type\s*User\s*Display name\s*B\.Simon/)
    expect(details.facts.text).toMatch(/ServicePrincipal\.DisplayName\s*Cisco Webex/)
    expect(details.facts.text).toMatch(/AppRole\.DisplayName\s*User\s*AppRoleAssignment/)
    expect(details.facts.text).not.toContain('"Cisco Webex"')
  })

  it('records the removal of an assignment and leaves no entry for a refused change', async () => {
    const count = idp.services.audit.list().length
    const refused = await idp.services.samlConfig.configureBasicSaml(spId, {
      identifiers: [{ value: 'not a url' }],
    })
    expect(refused.ok).toBe(false)
    expect(idp.services.audit.list()).toHaveLength(count)
    const [assignment] = idp.services.assignments.listForPrincipal(userId)
    const removed = await idp.services.assignments.removeFromApp(spId, assignment?.id ?? '')
    expect(removed.ok).toBe(true)
    expect(idp.services.audit.list()[0]).toMatchObject({
      activityDisplayName: 'Remove app role assignment from user',
      category: 'UserManagement',
      targets: [
        { id: spId, type: 'ServicePrincipal' },
        { id: userId, displayName: 'B.Simon', type: 'User' },
      ],
    })
    expect(idp.services.audit.list()[0]?.modifiedProperties).toContainEqual({
      displayName: 'AppRole.DisplayName',
      oldValue: '"User"',
      newValue: null,
    })
  })
})

describe('Audit logs of Attributes & Claims', () => {
  /** The newest "Update application" the admin made on the app, and its modified properties. */
  function latestClaimsEntry() {
    const [newest] = idp.services.audit.list()
    expect(newest).toMatchObject({
      activityDisplayName: 'Update application',
      category: 'ApplicationManagement',
      initiatedBy: { userPrincipalName: ADMIN },
      targets: [{ id: applicationId, type: 'Application' }],
    })
    return newest?.modifiedProperties
  }
  const claimsPath = () => `/enterprise-apps/${spId}/saml/claims`
  const claimNamed = (name: string) => {
    const app = idp.services.apps.getByServicePrincipal(spId)
    return app.ok ? app.value.saml.claims.find((c) => c.name === name) : undefined
  }

  it('records adding, editing and deleting a claim, each naming the claim with its old and new source', async () => {
    await postForm(
      claimsPath(),
      new URLSearchParams({
        csrfToken,
        name: 'nickname',
        sourceKind: 'attribute',
        attribute: 'user.mailnickname',
      }),
    )
    expect(latestClaimsEntry()).toEqual([
      { displayName: 'nickname', oldValue: '[]', newValue: '["user.mailnickname"]' },
    ])
    await postForm(
      claimsPath(),
      new URLSearchParams({
        csrfToken,
        claimId: claimNamed('uid')?.id ?? '',
        name: 'uid',
        sourceKind: 'attribute',
        attribute: 'user.mail',
      }),
    )
    expect(latestClaimsEntry()).toEqual([
      { displayName: 'uid', oldValue: '["user.userprincipalname"]', newValue: '["user.mail"]' },
    ])
    await postForm(
      `${claimsPath()}/delete`,
      new URLSearchParams({ csrfToken, claim: claimNamed('nickname')?.id ?? '' }),
    )
    expect(latestClaimsEntry()).toEqual([
      { displayName: 'nickname', oldValue: '["user.mailnickname"]', newValue: '[]' },
    ])
  })

  it('records a Name ID change, and nothing for a refused claim', async () => {
    await postForm(
      `${claimsPath()}/nameid`,
      new URLSearchParams({ csrfToken, format: 'persistent', attribute: 'user.mail' }),
    )
    expect(latestClaimsEntry()).toEqual([
      {
        displayName: 'NameIdentifier',
        oldValue: expect.stringMatching(/^\["user\.userprincipalname \(.+\)"\]$/),
        newValue: '["user.mail (Persistent)"]',
      },
    ])
    const count = idp.services.audit.list().length
    const refused = await idp.services.claims.addClaim(spId, {
      name: 'has space',
      source: { kind: 'attribute', attribute: 'user.mail' },
    })
    expect(refused.ok).toBe(false)
    expect(idp.services.audit.list()).toHaveLength(count)
  })
})

describe('Audit logs of group assignments', () => {
  it('files a group assigned to the app under the group, in GroupManagement, with the app named', async () => {
    const group = await idp.services.groups.createGroup({ displayName: 'Webex users' })
    if (!group.ok) throw new Error('the group was not created')
    const assigned = await idp.services.assignments.assign({ resourceId: spId, principalId: group.value.id })
    expect(assigned.ok).toBe(true)
    const audits = await directoryAudits()
    const grant = audits.find((a) => a.activityDisplayName === 'Add app role assignment to group')
    expect(grant).toMatchObject({
      category: 'GroupManagement',
      operationType: 'Assign',
      targetResources: [
        { id: spId, type: 'ServicePrincipal' },
        { id: group.value.id, displayName: 'Webex users', type: 'Group', modifiedProperties: [] },
      ],
      initiatedBy: { user: null, app: { displayName: 'Sandbox API client' } },
    })
    expect(grant?.targetResources[0]?.modifiedProperties).toEqual(
      expect.arrayContaining([
        { displayName: 'ServicePrincipal.DisplayName', oldValue: null, newValue: '"Cisco Webex"' },
        { displayName: 'Group.DisplayName', oldValue: null, newValue: '"Webex users"' },
      ]),
    )
  })
})
