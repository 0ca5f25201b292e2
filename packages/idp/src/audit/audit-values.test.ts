import { describe, expect, it } from 'vitest'
import { changedProperties, directoryValue, entraPropertyName, jsonValue, linkProperties } from './audit-log'
import { readableAuditValue } from './audit-values'

describe('audit values', () => {
  it('encodes as Graph does: assignment values as JSON strings, directory values as JSON arrays', () => {
    expect(jsonValue('Default Access')).toBe('"Default Access"')
    expect(jsonValue(undefined)).toBeNull()
    expect(directoryValue(['https://a.example'])).toBe('["https://a.example"]')
    expect(directoryValue(true)).toBe('[true]')
    expect(directoryValue(null)).toBe('[]')
    expect(linkProperties('remove', [['Group.DisplayName', 'Webex users']])).toEqual([
      { displayName: 'Group.DisplayName', oldValue: '"Webex users"', newValue: null },
    ])
    expect(
      changedProperties(
        { displayName: 'A', mail: null },
        { displayName: 'B', mail: null },
        ['displayName', 'mail'],
        entraPropertyName,
      ),
    ).toEqual([{ displayName: 'DisplayName', oldValue: '["A"]', newValue: '["B"]' }])
  })

  it('reads an encoded value back as plain text for the details pane', () => {
    expect(readableAuditValue('"Default Access"')).toBe('Default Access')
    expect(readableAuditValue('["https://a.example","https://b.example"]')).toBe(
      'https://a.example, https://b.example',
    )
    expect(readableAuditValue('[true]')).toBe('true')
    expect(readableAuditValue('[]')).toBe('')
    expect(readableAuditValue(null)).toBe('')
    expect(readableAuditValue('not json')).toBe('not json')
  })
})
