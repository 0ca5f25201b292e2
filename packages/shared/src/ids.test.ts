import { describe, expect, it } from 'vitest'
import { randomIds, seededIds } from './ids'

/** A lowercase version-4 GUID (version nibble 4, variant 10xx), as Entra writes them. */
const GUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
/** Entra's SAML IDs: `_` then a version-4 GUID. */
const ENTRA_SAML_ID = new RegExp(`^_${GUID_V4.source.slice(1)}`)

describe('SAML IDs', () => {
  it('are "_" and a version-4 GUID, like Entra’s, in random and in seeded mode', () => {
    const seeded = seededIds('shape')
    for (let i = 0; i < 200; i += 1) {
      expect(randomIds.samlId()).toMatch(ENTRA_SAML_ID)
      expect(seeded.samlId()).toMatch(ENTRA_SAML_ID)
      expect(seeded.guid()).toMatch(GUID_V4)
      expect(randomIds.guid()).toMatch(GUID_V4)
    }
  })

  it('carry 122 random bits: every non-fixed bit takes both values over many ids', () => {
    const seen = { ones: new Uint32Array(128), count: 0 }
    for (let i = 0; i < 2000; i += 1) {
      const hex = randomIds.samlId().slice(1).replaceAll('-', '')
      const bytes = Buffer.from(hex, 'hex')
      for (let bit = 0; bit < 128; bit += 1) {
        if (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) seen.ones[bit] = (seen.ones[bit] ?? 0) + 1
      }
      seen.count += 1
    }
    const fixed = [48, 49, 50, 51, 64, 65]
    const varying = [...seen.ones].filter(
      (ones, bit) => !fixed.includes(bit) && ones > 0 && ones < seen.count,
    )
    expect(varying).toHaveLength(122)
    expect(fixed.map((bit) => seen.ones[bit])).toEqual([0, 1, 0, 0, 1, 0].map((b) => b * seen.count))
  })

  it('do not repeat, and the seeded sequence is the same for the same seed', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => randomIds.samlId()))
    expect(ids.size).toBe(5000)
    const a = seededIds('same')
    const b = seededIds('same')
    expect([a.samlId(), a.samlId()]).toEqual([b.samlId(), b.samlId()])
  })

  it('seed certificate serials (positive 16-byte DER integers) and encryption bytes, and random ids have neither', () => {
    const [a, b] = [seededIds('serials'), seededIds('serials')]
    const serials = [a.serialHex?.(), a.serialHex?.()]
    expect(serials).toEqual([b.serialHex?.(), b.serialHex?.()])
    expect(serials[0]).not.toBe(serials[1])
    for (const serial of serials) expect(serial).toMatch(/^(0[1-9a-f]|[1-7][0-9a-f])[0-9a-f]{30}$/)
    expect(a.bytes?.(45)).toEqual(b.bytes?.(45))
    expect(seededIds('serials').bytes?.(45)).toHaveLength(45)
    expect(randomIds.serialHex).toBeUndefined()
    expect(randomIds.bytes).toBeUndefined()
  })
})
