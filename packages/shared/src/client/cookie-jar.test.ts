import { describe, expect, it } from 'vitest'
import { CookieJar, isSameSite } from './cookie-jar'

const idp = new URL('http://localhost:7070/tenant/saml2')
const sp = new URL('http://localhost:7080/idb/Consumer/metaAlias/org/sp')

describe('CookieJar (browser semantics)', () => {
  it('shares host cookies across ports, as browsers do, so servers must use distinct names', () => {
    const jar = new CookieJar()
    jar.store(idp, 'idp_session=abc; Path=/; HttpOnly; SameSite=Lax')
    jar.store(sp, 'sp_session=xyz; Path=/; HttpOnly; SameSite=Lax')
    expect(jar.headerFor(sp, { method: 'GET', initiator: null })).toBe('idp_session=abc; sp_session=xyz')
  })

  it('treats different hosts as different sites and withholds Lax cookies from cross-site POSTs', () => {
    const jar = new CookieJar()
    const target = new URL('http://localhost:7080/acs')
    jar.store(target, 'lax=1; Path=/; SameSite=Lax')
    jar.store(target, 'strict=1; Path=/; SameSite=Strict')
    const crossSite = new URL('http://127.0.0.1:7070/page')
    expect(isSameSite(crossSite, target)).toBe(false)
    expect(jar.headerFor(target, { method: 'POST', initiator: crossSite })).toBe('')
    expect(jar.headerFor(target, { method: 'GET', initiator: crossSite })).toBe('lax=1')
    expect(jar.headerFor(target, { method: 'POST', initiator: idp })).toBe('lax=1; strict=1')
  })

  it('honours Path, Max-Age=0 deletion, Expires and Domain limits', () => {
    let now = 1_000_000
    const jar = new CookieJar(() => now)
    jar.store(sp, 'scoped=1; Path=/idb')
    jar.store(sp, 'gone=1; Path=/')
    jar.store(sp, 'gone=; Path=/; Max-Age=0')
    jar.store(sp, 'brief=1; Path=/; Max-Age=10')
    jar.store(sp, 'evil=1; Domain=example.com')
    expect(jar.headerFor(new URL('http://localhost:7080/idb/x'), { method: 'GET', initiator: null })).toBe(
      'scoped=1; brief=1',
    )
    expect(jar.headerFor(new URL('http://localhost:7080/other'), { method: 'GET', initiator: null })).toBe(
      'brief=1',
    )
    now += 11_000
    expect(jar.headerFor(new URL('http://localhost:7080/other'), { method: 'GET', initiator: null })).toBe('')
  })

  it('keeps Secure cookies off plain http except on localhost', () => {
    const jar = new CookieJar()
    jar.store(new URL('https://sandbox.test/'), 's=1; Secure; Path=/')
    expect(jar.headerFor(new URL('http://sandbox.test/'), { method: 'GET', initiator: null })).toBe('')
    expect(jar.headerFor(new URL('https://sandbox.test/'), { method: 'GET', initiator: null })).toBe('s=1')
  })
})
