import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { FLASH_LIFETIME_SECONDS, type FlashToast, openFlash, sealFlash } from './console-flash'

const SECRET = new Uint8Array(32).fill(7)
const OTHER = new Uint8Array(32).fill(8)
const NOW = Date.UTC(2024, 3, 16, 15, 18, 25)
const TOAST: FlashToast = {
  kind: 'success',
  title: 'Application assignment succeeded',
  message: '1 users & 0 groups have been assigned access.',
}

describe('console flash cookie', () => {
  it('opens what it sealed, once the redirect arrives', () => {
    expect(openFlash(sealFlash(TOAST, SECRET, NOW), SECRET, NOW + 2_000)).toEqual(TOAST)
  })

  it('refuses a value signed with another secret', () => {
    expect(openFlash(sealFlash(TOAST, OTHER, NOW), SECRET, NOW)).toBeNull()
  })

  it('refuses a value whose payload was changed after signing', () => {
    const [, signature] = sealFlash(TOAST, SECRET, NOW).split('.')
    const forged = Buffer.from(
      JSON.stringify({ k: 'success', t: 'User deleted', m: '', e: NOW / 1000 + 60 }),
    ).toString('base64url')
    expect(openFlash(`${forged}.${signature}`, SECRET, NOW)).toBeNull()
  })

  it('refuses an expired value', () => {
    const sealed = sealFlash(TOAST, SECRET, NOW)
    expect(openFlash(sealed, SECRET, NOW + (FLASH_LIFETIME_SECONDS + 1) * 1000)).toBeNull()
  })

  it('refuses absent, malformed and oversized values without throwing', () => {
    for (const value of [undefined, '', 'abc', 'a.b.c', '.', `${'x'.repeat(5000)}.y`, 'e30.AAAA']) {
      expect(openFlash(value, SECRET, NOW)).toBeNull()
    }
  })

  it('refuses a correctly signed body of the wrong shape', () => {
    const payload = Buffer.from(JSON.stringify({ k: 'celebrate', t: 'x', m: 'y', e: NOW })).toString(
      'base64url',
    )
    const signature = createHmac('sha256', SECRET).update(payload).digest('base64url')
    expect(openFlash(`${payload}.${signature}`, SECRET, NOW)).toBeNull()
  })

  it('cuts over-long texts so the cookie stays small', () => {
    const sealed = sealFlash(
      { kind: 'error', title: 't'.repeat(1000), message: 'm'.repeat(5000) },
      SECRET,
      NOW,
    )
    const opened = openFlash(sealed, SECRET, NOW)
    expect(opened?.title.length).toBe(200)
    expect(opened?.message.length).toBe(600)
    expect(sealed.length).toBeLessThan(4096)
  })
})
