import { describe, expect, it } from 'vitest'
import { evaluateExpression, parseExpression, type SourceValue } from './expressions'
import { ACTIVE_EXPRESSION } from './templates'

const ATTRIBUTES = [
  'givenName',
  'surname',
  'mail',
  'IsSoftDeleted',
  'appRoleAssignments',
  'userPrincipalName',
]

function run(expression: string, source: Record<string, SourceValue>): SourceValue {
  const parsed = parseExpression(expression, ATTRIBUTES)
  if (!parsed.ok) throw new Error(parsed.error)
  return evaluateExpression(parsed.value, source)
}

describe('mapping expressions', () => {
  it("evaluate Entra's active expression as the opposite of IsSoftDeleted", () => {
    expect(run(ACTIVE_EXPRESSION, { IsSoftDeleted: 'False' })).toBe('True')
    expect(run(ACTIVE_EXPRESSION, { IsSoftDeleted: 'True' })).toBe('False')
    expect(run(ACTIVE_EXPRESSION, { IsSoftDeleted: null })).toBeNull()
  })

  it.each([
    ['Join(" ", [givenName], [surname])', 'B Simon'],
    ['Join(".", ToLower([givenName]), ToLower([surname]))', 'b.simon'],
    ['Append([givenName], "@contoso.com")', 'B@contoso.com'],
    ['ToUpper([surname])', 'SIMON'],
    ['Left([userPrincipalName], 3)', 'B.S'],
    ['Mid([userPrincipalName], 3, 5)', 'Simon'],
    ['Coalesce([mail], [userPrincipalName])', 'B.Simon@contoso.com'],
    ['IsPresent([mail])', 'False'],
    ['Not(IsNullOrEmpty([givenName]))', 'True'],
    ['StripSpaces("a b  c")', 'abc'],
    ['SingleAppRoleAssignment([appRoleAssignments])', 'User'],
    ['"say \\"hi\\""', 'say "hi"'],
    ['Switch([surname], "other", "Simon", "matched")', 'matched'],
  ])('%s → %s', (expression, expected) => {
    expect(
      run(expression, {
        givenName: 'B',
        surname: 'Simon',
        mail: null,
        userPrincipalName: 'B.Simon@contoso.com',
        appRoleAssignments: ['User', 'Admin'],
      }),
    ).toBe(expected)
  })

  it.each([
    ['', 'The expression is empty'],
    ['Join(" ", [givenName]', 'Expected "," or ")"'],
    ['[jobTitle]', '[jobTitle] is not a source attribute'],
    ['Frob([mail])', 'Frob is not a function the sandbox knows'],
    ['Not([mail], [mail])', 'Not takes 1 arguments, not 2'],
    ['"open', 'A string has no closing quote'],
    ['bare', '"bare" must be a function call'],
    ['[mail] [mail]', 'Unexpected "["'],
    [`${'Not('.repeat(20)}[mail]${')'.repeat(20)}`, 'nested more than 16 deep'],
  ])('refuses %j: %s', (expression, message) => {
    const parsed = parseExpression(expression, ATTRIBUTES)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toContain(message)
  })

  it('refuses expressions longer than 2048 characters without parsing them', () => {
    const parsed = parseExpression(`"${'a'.repeat(3000)}"`, ATTRIBUTES)
    expect(parsed).toEqual({ ok: false, error: 'The expression is longer than 2048 characters.' })
  })
})
