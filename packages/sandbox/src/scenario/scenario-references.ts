// The checks a schema cannot make: names unique, every reference to a defined user, group or
// app, UPNs in the tenant's domains, Basic SAML values as the Basic SAML form takes them, and
// an SSO set-up Webex would accept. All run before anything is changed.
import { galleryTemplateIdNamed, galleryTemplateNames, precheckBasicSaml } from '@sandbox/idp'
import type { Locate } from './scenario-document'
import { didYouMean, type ScenarioIssue, type ScenarioPath } from './scenario-error'
import type { Scenario, ScenarioApp } from './scenario-schema'

/** The tenant a scenario without `entra.tenant` is applied to. */
export interface TenantFacts {
  readonly name: string
  readonly domain: string
}

const lower = (value: string) => value.trim().toLowerCase()

/** The Basic SAML form's input from a scenario app's `saml`. */
export function basicSamlInputOf(saml: NonNullable<ScenarioApp['saml']>) {
  return {
    ...(saml.identifiers
      ? {
          identifiers: saml.identifiers.map((i) =>
            typeof i === 'string' ? { value: i } : { value: i.value, isDefault: i.default === true },
          ),
        }
      : {}),
    ...(saml.replyUrls
      ? {
          replyUrls: saml.replyUrls.map((r) =>
            typeof r === 'string'
              ? { url: r }
              : { url: r.url, index: r.index ?? null, isDefault: r.default === true },
          ),
        }
      : {}),
    ...(saml.signOnUrl !== undefined ? { signOnUrl: saml.signOnUrl } : {}),
    ...(saml.relayState !== undefined ? { relayState: saml.relayState } : {}),
    ...(saml.logoutUrl !== undefined ? { logoutUrl: saml.logoutUrl } : {}),
  }
}

/** Whether an app is set up for SAML (any of its SAML sections given). */
export function usesSaml(app: ScenarioApp): boolean {
  return app.saml !== undefined || app.claims !== undefined || app.certificates !== undefined
}

/** The verified domains of a tenant: its default domain and its `onmicrosoft.com` twin. */
export function verifiedDomainsOf(tenant: TenantFacts): string[] {
  return [lower(tenant.domain), `${tenant.name.toLowerCase().replace(/[^a-z0-9]/g, '')}.onmicrosoft.com`]
}

export function referenceIssues(scenario: Scenario, locate: Locate, current: TenantFacts): ScenarioIssue[] {
  const issues: ScenarioIssue[] = []
  const report = (path: ScenarioPath, message: string, part: 'key' | 'value' = 'value') => {
    const position = locate(path, part)
    issues.push({ path, line: position?.line ?? null, column: position?.column ?? null, message })
  }
  const entra = scenario.entra ?? {}
  const tenant = { name: entra.tenant?.name ?? current.name, domain: entra.tenant?.domain ?? current.domain }
  const domains = verifiedDomainsOf(tenant)
  const adminUpn = `admin@${lower(tenant.domain)}`

  const users = entra.users ?? []
  const upns = new Map<string, number>()
  for (const [i, user] of users.entries()) {
    const upn = lower(user.userPrincipalName)
    const path = ['entra', 'users', i, 'userPrincipalName']
    const first = upns.get(upn)
    if (first !== undefined)
      report(
        path,
        `duplicate userPrincipalName "${user.userPrincipalName}": entra.users[${first}] has it already; each user needs its own.`,
      )
    else upns.set(upn, i)
    if (upn === adminUpn)
      report(
        path,
        `"${user.userPrincipalName}" is the Global Administrator, whom the sandbox keeps; give this user another name.`,
      )
    const domain = upn.slice(upn.lastIndexOf('@') + 1)
    if (!upn.includes('@') || !domains.includes(domain))
      report(
        path,
        `"${user.userPrincipalName}" is not in a verified domain of the tenant; expected alias@${domains.join(' or alias@')}.`,
      )
  }
  const userNames = users.map((u) => u.userPrincipalName)
  const knownUser = (upn: string) => upns.has(lower(upn))

  const groups = entra.groups ?? []
  const groupIndex = new Map<string, number>()
  for (const [i, group] of groups.entries()) {
    if (groupIndex.has(lower(group.name)))
      report(
        ['entra', 'groups', i, 'name'],
        `duplicate group name "${group.name}"; each group needs its own.`,
      )
    else groupIndex.set(lower(group.name), i)
    for (const [m, member] of (group.members ?? []).entries())
      if (!knownUser(member))
        report(
          ['entra', 'groups', i, 'members', m],
          `unknown user "${member}": not in entra.users.${didYouMean(member, userNames)}`,
        )
  }
  const groupNames = groups.map((g) => g.name)

  const apps = entra.apps ?? []
  const appIndex = new Map<string, number>()
  for (const [i, app] of apps.entries()) {
    const base = ['entra', 'apps', i]
    if (appIndex.has(lower(app.name)))
      report([...base, 'name'], `duplicate app name "${app.name}"; each app needs its own.`)
    else appIndex.set(lower(app.name), i)
    let templateId: string | null = null
    if (app.gallery !== undefined) {
      templateId = galleryTemplateIdNamed(app.gallery)
      const names = galleryTemplateNames().filter((n) => n !== 'Custom')
      if (templateId === null || lower(app.gallery) === 'custom')
        report(
          [...base, 'gallery'],
          `"${app.gallery}" is not in the gallery.${didYouMean(app.gallery, names)} Expected one of: ${names.join(', ')}; leave "gallery" out for a non-gallery app.`,
        )
    }
    if (app.saml)
      for (const problem of precheckBasicSaml(templateId, basicSamlInputOf(app.saml))) {
        const path = [...base, 'saml', problem.field, ...(problem.index === null ? [] : [problem.index])]
        report(path, problem.message)
      }
    const list = app.certificates?.list ?? []
    if (list.length > 0 && list.filter((c) => c.active === true).length !== 1)
      report(
        [...base, 'certificates', 'list'],
        `expected exactly one certificate with "active: true" (the one that signs); found ${list.filter((c) => c.active === true).length}.`,
      )
    for (const [c, certificate] of list.entries())
      if (certificate.expires !== undefined && Number.isNaN(Date.parse(certificate.expires)))
        report(
          [...base, 'certificates', 'list', c, 'expires'],
          `"${certificate.expires}" is not a date; expected ISO 8601, e.g. 2029-12-31T00:00:00Z.`,
        )
    for (const [a, assignment] of (app.assignments ?? []).entries()) {
      if ('user' in assignment && !knownUser(assignment.user))
        report(
          [...base, 'assignments', a, 'user'],
          `unknown user "${assignment.user}": not in entra.users.${didYouMean(assignment.user, userNames)}`,
        )
      if ('group' in assignment && !groupIndex.has(lower(assignment.group)))
        report(
          [...base, 'assignments', a, 'group'],
          `unknown group "${assignment.group}": not in entra.groups.${didYouMean(assignment.group, groupNames)}`,
        )
    }
  }
  const appNames = apps.map((a) => a.name)

  const webexUsers = scenario.webex?.users ?? []
  const emails = new Set<string>()
  for (const [i, user] of webexUsers.entries()) {
    if (emails.has(lower(user.email)))
      report(
        ['webex', 'users', i, 'email'],
        `duplicate email "${user.email}"; each Webex user needs its own.`,
      )
    emails.add(lower(user.email))
  }

  const sso = scenario.webex?.sso
  if (sso) {
    const index = appIndex.get(lower(sso.idpMetadata.entraApp))
    const app = index === undefined ? undefined : apps[index]
    if (!app)
      report(
        ['webex', 'sso', 'idpMetadata', 'entraApp'],
        `unknown app "${sso.idpMetadata.entraApp}": not in entra.apps.${didYouMean(sso.idpMetadata.entraApp, appNames)}`,
      )
    else if (!usesSaml(app))
      report(
        ['webex', 'sso', 'idpMetadata', 'entraApp'],
        `app "${app.name}" has no SAML set-up, so it has no Federation Metadata XML; give it a "saml" section.`,
      )
    if (sso.test) {
      const upn = sso.test.user
      if (!knownUser(upn))
        report(
          ['webex', 'sso', 'test', 'user'],
          `unknown user "${upn}": not in entra.users.${didYouMean(upn, userNames)}`,
        )
      else if (app && !assignedTo(app, upn, groups))
        report(
          ['webex', 'sso', 'test', 'user'],
          `"${upn}" is not assigned to "${app.name}" (directly or through a group), so Test SSO Connection would fail; add an assignment.`,
        )
    }
    if (sso.enabled === true && !sso.test)
      report(
        ['webex', 'sso', 'enabled'],
        'Webex enables SSO only after a passed Test SSO Connection; add test: { user: <an assigned user> }.',
        'key',
      )
  }
  return issues
}

function assignedTo(
  app: ScenarioApp,
  upn: string,
  groups: NonNullable<NonNullable<Scenario['entra']>['groups']>,
): boolean {
  return (app.assignments ?? []).some((a) =>
    'user' in a
      ? lower(a.user) === lower(upn)
      : groups.some(
          (g) => lower(g.name) === lower(a.group) && (g.members ?? []).some((m) => lower(m) === lower(upn)),
        ),
  )
}
