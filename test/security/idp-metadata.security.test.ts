import { BINDING, NS } from '@sandbox/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { deeplyNested, entityAttacks, padded } from './corpus/hostile-xml'
import { createResponseSource, type ResponseSource, webexIdentity } from './corpus/idp-response'
import { startXxeProbes, type XxeProbes } from './corpus/probes'

/**
 * The IdP's "Upload metadata file" (SP metadata into Entra) is a metadata import too:
 * the same hostile XML is refused there. Refusals are 4xx and leave the app exactly as it was.
 */
let source: ResponseSource
let probes: XxeProbes
beforeAll(async () => {
  probes = await startXxeProbes()
})
afterAll(async () => {
  await probes.close()
})
beforeEach(async () => {
  source = await createResponseSource(webexIdentity('3c9e8d7f-idp-metadata'))
})

function spMetadata(acsUrl = source.sp.acsUrl): string {
  return (
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" entityID="${source.sp.entityId}">` +
    `<md:SPSSODescriptor protocolSupportEnumeration="${NS.protocol}">` +
    `<md:AssertionConsumerService Binding="${BINDING.post}" Location="${acsUrl}" index="0" isDefault="true"/>` +
    '</md:SPSSODescriptor></md:EntityDescriptor>'
  )
}

const snapshot = (): string => JSON.stringify(source.idp.store.read())

function upload(body: string): Promise<Response> {
  return Promise.resolve(
    source.idp.app.request(`/sandbox/api/servicePrincipals/${source.spId}/saml/metadata`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${source.idp.store.read().graphApiToken}`,
        'content-type': 'application/xml',
      },
      body,
    }),
  )
}

async function expectRefused(response: Response, before: string): Promise<string> {
  const text = await response.text()
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(snapshot()).toBe(before)
  return text
}

describe('IdP metadata upload accepts the legitimate file (the refusals below are not vacuous)', () => {
  it('stores the ACS URL of a valid SP metadata file', async () => {
    const response = await upload(spMetadata(`${source.sp.acsUrl}`))
    expect(response.status).toBe(200)
  })
})

describe('any DOCTYPE is refused (IdP metadata upload)', () => {
  it('refuses a bare DOCTYPE and changes nothing', async () => {
    const before = snapshot()
    const text = await expectRefused(await upload(`<!DOCTYPE md:EntityDescriptor>${spMetadata()}`), before)
    expect(text).toMatch(/DOCTYPE/)
  })
})

describe('entity expansion and external entities (IdP metadata upload)', () => {
  it('refuses every variant within 1 s without reading the file or fetching the URL', async () => {
    const before = snapshot()
    for (const [name, xml] of entityAttacks(spMetadata(), probes)) {
      const began = performance.now()
      const text = await expectRefused(await upload(xml), before)
      expect(performance.now() - began, name).toBeLessThan(1000)
      expect(text, name).not.toContain(probes.marker)
    }
    expect(probes.hits()).toBe(0)
  })
})

describe('oversized and deeply nested metadata (IdP metadata upload)', () => {
  it('refuses a 10 MB file (413), a 1.5 MB one and 50 000-deep nesting, and keeps serving', async () => {
    const before = snapshot()
    expect((await upload(padded(spMetadata(), 10 * 1024 * 1024))).status).toBe(413)
    await expectRefused(await upload(padded(spMetadata(), 1.5 * 1024 * 1024)), before)
    await expectRefused(await upload(deeplyNested(spMetadata(), 50_000)), before)
    expect(snapshot()).toBe(before)
    expect((await upload(spMetadata())).status).toBe(200)
  })
})
