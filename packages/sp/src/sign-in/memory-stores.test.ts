import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { fixedClock } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { createMemoryStores, SP_MEMORY_BOUNDS } from './memory-stores'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapAfterGc(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const MESSAGES = 200
const MESSAGE_PADDING = 100_000

/** A SAML-Response-sized string per sign-in, and values cut out of it as the XML parser does. */
function parsedValues(i: number) {
  const message = `<samlp:Response ID="_${String(i).padStart(39, '0')}" Issuer="https://sts.windows.net/x/">${'x'.repeat(MESSAGE_PADDING)}${i}</samlp:Response>`
  const id = message.slice(20, 60)
  const issuer = message.slice(70, 97)
  return { id, issuer, detail: `issued by ${issuer} for ${id}` }
}

describe('SP memory stores', () => {
  it('keep what they store without the message it was read from (so no sign-in keeps its whole message alive)', () => {
    const stores = createMemoryStores(fixedClock(Date.UTC(2025, 0, 1)))
    const before = heapAfterGc()
    for (let i = 0; i < MESSAGES; i += 1) {
      const { id, issuer, detail } = parsedValues(i)
      stores.rememberAssertion(id, Date.UTC(2025, 0, 2))
      stores.addSession({
        id: `session-${i}`,
        browserId: `browser-${i}`,
        user: { id: `user-${i}`, userName: 'b.simon@contoso.com', displayName: 'B. Simon' },
        nameId: id,
        nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        sessionIndex: id,
        issuer,
        attributes: { name: [id] },
        certificate: { subject: 'CN=Microsoft Azure Federated SSO Certificate', thumbprint: 'AB12' },
        timing: { issueInstant: '2025-01-01T00:00:00.000Z', notBefore: null, notOnOrAfter: null },
        checks: [{ name: 'Issuer', passed: true, detail }],
        signedInAt: '2025-01-01T00:00:00.000Z',
      })
    }
    const retainedBytes = heapAfterGc() - before
    // The messages alone are 200 × 100 KB = 20 MB; what the stores keep of them is ~100 KB.
    expect(retainedBytes).toBeLessThan((MESSAGES * MESSAGE_PADDING) / 4)
    expect(stores.seenBefore(parsedValues(7).id)).toBe(true)
    expect(stores.session('session-7')?.checks[0]?.detail).toBe(parsedValues(7).detail)
  })

  it("answers a user's LogoutResponse however many logouts another user starts", () => {
    const stores = createMemoryStores(fixedClock(Date.UTC(2025, 0, 1)), {
      ...SP_MEMORY_BOUNDS,
      logoutRequests: { capacity: 4, perUser: 2 },
    })
    stores.addLogoutRequest('_victim', 'user-victim')
    for (let i = 0; i < 100; i += 1) stores.addLogoutRequest(`_flood-${i}`, 'user-flooder')
    expect(stores.sizes().logoutRequests).toBe(3)
    expect(stores.useLogoutRequest('_flood-0')).toBe(false)
    expect(stores.useLogoutRequest('_flood-99')).toBe(true)
    expect(stores.useLogoutRequest('_victim')).toBe(true)
    expect(stores.useLogoutRequest('_victim')).toBe(false)
  })
})
