import { describe, expect, it } from 'vitest'
import { readScenario, type ScenarioSource } from './read-scenario'
import { ScenarioError } from './scenario-error'

const target = {
  addresses: {
    'entra.url': 'http://localhost:7070',
    'entra.tenantId': '11111111-2222-3333-4444-555555555555',
    'webex.url': 'http://localhost:8080',
    'webex.orgId': 'org-1',
  },
  tenant: { name: 'Contoso', domain: 'contoso.com' },
}

async function problemsOf(source: ScenarioSource): Promise<ScenarioError> {
  const error = await readScenario(source, target).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ScenarioError)
  return error as ScenarioError
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`

describe('reading a scenario', () => {
  it('accepts a valid scenario and fills the sandbox placeholders', async () => {
    const scenario = await readScenario(
      lines(
        'scenario: 1',
        'entra:',
        '  users:',
        '    - userPrincipalName: alice@contoso.com',
        '  apps:',
        '    - name: Cisco Webex',
        '      gallery: Cisco Webex',
        '      saml:',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a scenario placeholder, not a template
        '        identifiers: [ "https://idbroker.webex.com/${webex.orgId}" ]',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a scenario placeholder, not a template
        '        replyUrls: [ "${webex.url}/idb/Consumer/metaAlias/${webex.orgId}/sp" ]',
        '      assignments: [ { user: alice@contoso.com } ]',
      ),
      target,
    )
    expect(scenario.entra?.apps?.[0]?.saml?.replyUrls).toEqual([
      'http://localhost:8080/idb/Consumer/metaAlias/org-1/sp',
    ])
  })

  it('reports a YAML syntax error with its line and column', async () => {
    const error = await problemsOf(
      lines('scenario: 1', 'entra:', '  users: [ { userPrincipalName: a@contoso.com }'),
    )
    expect(error.issues[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) })
    expect(error.message).toMatch(/^scenario:\d+:\d+: \(top level\): YAML syntax error/m)
  })

  it('reports a value of the wrong type with what was expected, at its line and column', async () => {
    const error = await problemsOf(lines('scenario: 1', 'entra:', '  users:', '    - userPrincipalName: 42'))
    expect(error.issues).toEqual([
      {
        path: ['entra', 'users', 0, 'userPrincipalName'],
        line: 4,
        column: 26,
        message: 'expected string, found number 42.',
      },
    ])
  })

  it('reports an unknown key at the key, with a "did you mean" and the keys it takes', async () => {
    const error = await problemsOf(
      lines(
        'scenario: 1',
        'entra:',
        '  users:',
        '    - userPrincipalName: a@contoso.com',
        '      pasword: Secret-123',
      ),
    )
    expect(error.issues[0]).toMatchObject({ path: ['entra', 'users', 0, 'pasword'], line: 5, column: 7 })
    expect(error.issues[0]?.message).toContain('unknown key "pasword". Did you mean "password"?')
    expect(error.issues[0]?.message).toContain('Expected one of: userPrincipalName, password, persona')
  })

  it('reports a missing required key by name, at the mapping that lacks it', async () => {
    const error = await problemsOf(lines('scenario: 1', 'entra:', '  groups:', '    - description: no name'))
    expect(error.issues).toEqual([
      {
        path: ['entra', 'groups', 0, 'name'],
        line: 4,
        column: 7,
        message: 'missing required key "name" (expected string).',
      },
    ])
  })

  it('reports references to unknown users, groups and apps, with suggestions', async () => {
    const error = await problemsOf({
      scenario: 1,
      entra: {
        users: [{ userPrincipalName: 'alice@contoso.com', password: 'Sandbox-Pass-1' }],
        groups: [{ name: 'Sales', members: ['alise@contoso.com'] }],
        apps: [{ name: 'App', saml: {}, assignments: [{ user: 'bob@contoso.com' }, { group: 'Sale' }] }],
      },
      webex: { sso: { idpMetadata: { entraApp: 'Ap' }, trustMode: 'ca-signed' } },
    })
    expect(error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'entra.groups.0.members.0',
        'unknown user "alise@contoso.com": not in entra.users. Did you mean "alice@contoso.com"?',
      ],
      ['entra.apps.0.assignments.0.user', 'unknown user "bob@contoso.com": not in entra.users.'],
      [
        'entra.apps.0.assignments.1.group',
        'unknown group "Sale": not in entra.groups. Did you mean "Sales"?',
      ],
      ['webex.sso.idpMetadata.entraApp', 'unknown app "Ap": not in entra.apps. Did you mean "App"?'],
    ])
    expect(error.issues[0]?.line).toBeNull()
  })

  it('reports a duplicate userPrincipalName (case-insensitive) at the second one', async () => {
    const error = await problemsOf(
      lines(
        'scenario: 1',
        'entra:',
        '  users:',
        '    - userPrincipalName: alice@contoso.com',
        '    - userPrincipalName: Alice@Contoso.com',
      ),
    )
    expect(error.issues).toEqual([
      {
        path: ['entra', 'users', 1, 'userPrincipalName'],
        line: 5,
        column: 26,
        message:
          'duplicate userPrincipalName "Alice@Contoso.com": entra.users[0] has it already; each user needs its own.',
      },
    ])
  })

  it('refuses a Reply URL the Basic SAML form refuses, with the form message, at the entry', async () => {
    const error = await problemsOf(
      lines(
        'scenario: 1',
        'entra:',
        '  apps:',
        '    - name: Mine',
        '      saml:',
        '        replyUrls:',
        '          - https://ok.example.com/acs',
        '          - http://sp.example.com/acs',
      ),
    )
    expect(error.issues).toEqual([
      {
        path: ['entra', 'apps', 0, 'saml', 'replyUrls', 1],
        line: 8,
        column: 13,
        message:
          "Reply URL 'http://sp.example.com/acs' must start with https:// (plain http:// is accepted only for localhost, 127.0.0.1 and [::1]).",
      },
    ])
  })

  it('refuses a UPN outside the tenant domains, an unknown placeholder and SSO enabled without a test', async () => {
    const error = await problemsOf(
      lines(
        'scenario: 1',
        'entra:',
        '  tenant: { name: Fabrikam, domain: fabrikam.com }',
        '  users: [ { userPrincipalName: alice@contoso.com } ]',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a scenario placeholder, not a template
        '  apps: [ { name: A, saml: { signOnUrl: "${webex.uri}/x" } } ]',
      ),
    )
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a scenario placeholder, not a template
    expect(error.issues[0]?.message).toContain('unknown placeholder ${webex.uri}')
    const other = await problemsOf({
      scenario: 1,
      entra: {
        tenant: { name: 'Fabrikam', domain: 'fabrikam.com' },
        users: [{ userPrincipalName: 'alice@contoso.com' }],
        apps: [{ name: 'A', saml: {} }],
      },
      webex: { sso: { idpMetadata: { entraApp: 'A' }, enabled: true } },
    })
    expect(other.issues.map((i) => i.message)).toEqual([
      '"alice@contoso.com" is not in a verified domain of the tenant; expected alias@fabrikam.com or alias@fabrikam.onmicrosoft.com.',
      'Webex enables SSO only after a passed Test SSO Connection; add test: { user: <an assigned user> }.',
    ])
  })

  it('names a file that cannot be read', async () => {
    const error = await problemsOf('/no/such/scenario.yaml')
    expect(error.message).toContain('cannot read /no/such/scenario.yaml: no such file')
  })
})
