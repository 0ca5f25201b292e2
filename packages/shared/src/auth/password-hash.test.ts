import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password-hash'

describe('password hashing', () => {
  it('verifies the right password, again and again (the remembered success path)', async () => {
    const stored = await hashPassword('Correct horse 1')
    expect(await verifyPassword('Correct horse 1', stored)).toBe(true)
    expect(await verifyPassword('Correct horse 1', stored)).toBe(true)
  })

  it('refuses a wrong password before and after the right one verified', async () => {
    const stored = await hashPassword('Correct horse 2')
    expect(await verifyPassword('correct horse 2', stored)).toBe(false)
    expect(await verifyPassword('Correct horse 2', stored)).toBe(true)
    expect(await verifyPassword('Correct horse 2 ', stored)).toBe(false)
  })

  it('does not carry a verified password over to another stored hash (password changed)', async () => {
    const old = await hashPassword('Old password 3')
    const changed = await hashPassword('New password 3')
    expect(await verifyPassword('Old password 3', old)).toBe(true)
    expect(await verifyPassword('Old password 3', changed)).toBe(false)
    expect(await verifyPassword('New password 3', changed)).toBe(true)
  })

  it('treats the NFC and NFD spellings of a password as the same password', async () => {
    const stored = await hashPassword('Caf\u00e9 4')
    expect(await verifyPassword('Cafe\u0301 4', stored)).toBe(true)
  })

  it('never matches a malformed or foreign hash', async () => {
    expect(await verifyPassword('x', 'bcrypt$10$abc')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$0$8$1$c2FsdA$aGFzaA')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$131072$8$1$c2FsdA$aGFzaA')).toBe(false)
  })
})
