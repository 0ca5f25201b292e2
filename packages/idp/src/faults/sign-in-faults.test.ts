import { beforeAll, describe, expect, it } from 'vitest'
import { createTestServices, type TestServices } from '../test-support/harness'
import { setUpSamlApp } from '../test-support/saml-app'

let t: TestServices
let appId = ''
let otherAppId = ''
beforeAll(async () => {
  t = await createTestServices()
  ;({ appId } = await setUpSamlApp(t))
  ;({ appId: otherAppId } = await setUpSamlApp(t, {
    name: 'Other',
    entityId: 'https://other.test',
    acs: 'https://other.test/acs',
  }))
})

describe('sign-in faults', () => {
  it('picks a fault bound to the app before an older one for any app, and spends counts down to gone', () => {
    const { faults } = t.services
    faults.clear()
    const anyApp = faults.add({ preset: 'expired', count: 2 })
    const bound = faults.add({ preset: 'wrong-audience', appId, count: 1 })
    if (!anyApp.ok || !bound.ok) throw new Error('the faults were refused')
    expect(faults.peek(appId)?.id).toBe(bound.value.id)
    expect(faults.peek(otherAppId)?.id).toBe(anyApp.value.id)
    faults.spend(bound.value.id)
    expect(faults.peek(appId)?.id).toBe(anyApp.value.id)
    faults.spend(anyApp.value.id)
    expect(faults.list()).toMatchObject([{ id: anyApp.value.id, remaining: 1 }])
    faults.spend(anyApp.value.id)
    expect(faults.list()).toEqual([])
  })

  it('keeps a fault bound to an app without count until it is removed', () => {
    const { faults } = t.services
    faults.clear()
    const bound = faults.add({ preset: 'slow', appId })
    if (!bound.ok) throw new Error('refused')
    expect(bound.value).toMatchObject({ remaining: null, delayMs: 2000 })
    faults.spend(bound.value.id)
    faults.spend(bound.value.id)
    expect(faults.peek(appId)?.id).toBe(bound.value.id)
    expect(faults.remove(bound.value.id)).toBe(true)
    expect(faults.remove(bound.value.id)).toBe(false)
  })

  it('accepts an AADSTS code spelled as a number or in lower case, and refuses more than 50 waiting faults', () => {
    const { faults } = t.services
    faults.clear()
    const spelled = [
      faults.add({ preset: 'error-page', errorCode: '50105' }),
      faults.add({ preset: 'error-page', errorCode: 'aadsts50011' }),
    ]
    expect(spelled.map((added) => added.ok && added.value.errorCode)).toEqual(['AADSTS50105', 'AADSTS50011'])
    for (let i = faults.list().length; i < 50; i += 1) faults.add({ preset: 'expired' })
    const refused = faults.add({ preset: 'expired' })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.message).toMatch(/50 faults are already waiting; clear some/)
    expect(faults.list()).toHaveLength(50)
    faults.clear()
  })

  it('is cleared by the sandbox reset', async () => {
    t.services.faults.add({ preset: 'expired', count: 3 })
    await t.services.sandbox.reset()
    expect(t.services.faults.list()).toEqual([])
  })
})
