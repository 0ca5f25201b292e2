import { describe, expect, it } from 'vitest'
import { createServerApp } from './server-app'

function testApp(logged: string[]) {
  return createServerApp({
    service: 'test-emulator',
    version: '9.9.9',
    product: 'Test emulator',
    logPrefix: 'test',
    log: (line) => logged.push(line),
  })
    .get('/page', (c) => c.html('<p>ok</p>'))
    .get('/broken', () => {
      throw new Error('secret detail')
    })
    .get('/unsendable', (c) => c.redirect('/home\u0001', 303))
}

describe('createServerApp', () => {
  it('answers /healthz with the service and its version', async () => {
    const answer = await testApp([]).request('/healthz')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(await answer.json()).toMatchObject({ status: 'ok', service: 'test-emulator', version: '9.9.9' })
  })

  it('puts the security headers on the routes mounted after it', async () => {
    const answer = await testApp([]).request('/page')
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(answer.headers.get('x-frame-options')).toBe('DENY')
  })

  it('logs an unexpected error of a later route and answers a 500 that names the log, not the error', async () => {
    const logged: string[] = []
    const answer = await testApp(logged).request('/broken')
    expect(answer.status).toBe(500)
    const text = await answer.text()
    expect(text).toBe('The Test emulator hit an internal error; the details are in its log.')
    expect(text).not.toContain('secret detail')
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^test: GET \/broken failed: Error: secret detail/)
  })

  it('turns a header Node cannot send into that same 500', async () => {
    const logged: string[] = []
    const answer = await testApp(logged).request('/unsendable')
    expect(answer.status).toBe(500)
    expect(answer.headers.get('location')).toBeNull()
    expect(logged[0]).toContain('location header carries a character Node cannot send')
  })
})
