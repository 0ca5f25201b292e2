import { describe, expect, it } from 'vitest'
import { detached } from './detached'

describe('detached', () => {
  it('copies plain data deeply and keeps every value, undefined and lone surrogates included', () => {
    const original = {
      id: '_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
      relayState: undefined,
      sessionIndex: null,
      attributes: { groups: ['g1', 'g2'], odd: ['\ud800 lone surrogate'] },
      checks: [{ name: 'Signature', passed: true, detail: 'RSA-SHA256' }],
      expiresAt: 1_700_000_000_000,
    }
    const copy = detached(original)
    expect(copy).toStrictEqual(original)
    expect(copy).not.toBe(original)
    expect(copy.attributes).not.toBe(original.attributes)
    expect(copy.checks[0]).not.toBe(original.checks[0])
    expect('relayState' in copy).toBe(true)
    expect(copy.attributes.odd[0]).toBe('\ud800 lone surrogate')
  })

  it('returns strings unchanged in value', () => {
    const message = `<Response ID="${'_'.padEnd(41, 'f')}">${'x'.repeat(10_000)}</Response>`
    const id = message.slice(14, 55)
    expect(detached(id)).toBe(id)
    expect(detached('')).toBe('')
  })
})
