import { describe, expect, it } from 'vitest'
import { decodeFlash, encodeFlash, FLASH_MESSAGES } from './flash'

describe('flash messages after POST-redirect-GET', () => {
  it('round-trips codes and tracking ids into the tutorial-era toast texts', () => {
    const value = encodeFlash([
      { code: 'idp-metadata-imported' },
      { code: 'sso-enable-failed', trackingId: 'SBX_1a2b:3' },
    ])
    expect(value).toBe('idp-metadata-imported|sso-enable-failed~SBX_1a2b:3')
    expect(decodeFlash(value)).toEqual([
      { kind: 'success', message: 'Successfully imported IdP metadata file' },
      { kind: 'error', message: 'Failed to enable Single Sign-On (SSO).', trackingId: 'SBX_1a2b:3' },
    ])
  })

  it('shows nothing the server did not write when the cookie is tampered with', () => {
    expect(decodeFlash('<script>alert(1)</script>')).toEqual([])
    expect(decodeFlash('toString|__proto__|constructor')).toEqual([])
    expect(decodeFlash('sso-enabled~<img src=x>')).toEqual([
      { kind: 'success', message: FLASH_MESSAGES['sso-enabled'].message },
    ])
    expect(decodeFlash('sso-enabled~a~b')).toEqual([])
    expect(decodeFlash('x'.repeat(5000))).toEqual([])
    expect(decodeFlash(undefined)).toEqual([])
  })

  it('drops unsafe tracking ids when encoding and keeps at most three toasts', () => {
    expect(encodeFlash([{ code: 'sso-enabled', trackingId: 'a|b' }])).toBe('sso-enabled')
    const many = encodeFlash(Array.from({ length: 5 }, () => ({ code: 'sso-disabled' as const })))
    expect(decodeFlash(many)).toHaveLength(3)
  })
})
