import { DSIG_NS, derToPem, descendantsNamed, NS } from '@sandbox/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  badCertificates,
  selfSignedCertificate,
  selfSignedWithoutKeyCertSign,
} from './corpus/bad-certificates'
import { deeplyNested, entityAttacks, padded } from './corpus/hostile-xml'
import { startXxeProbes, type XxeProbes } from './corpus/probes'
import { createSandbox, type Sandbox } from './corpus/sandbox'
import { parseCorpusXml, setText, toXml } from './corpus/xml-kit'

/**
 * Control Hub's IdP metadata import (hostile XML, certificates the trust mode refuses, malformed
 * or oversized metadata): every refusal
 * names a reason and stores nothing; the IdP's real federation metadata is the base of each case.
 */
let sandbox: Sandbox
let probes: XxeProbes
let realMetadata: string

beforeAll(async () => {
  sandbox = await createSandbox()
  probes = await startXxeProbes()
  const appId = sandbox.idp.idp.store.read().apps.find((a) => a.servicePrincipal.id === sandbox.idp.spId)
    ?.application.appId
  realMetadata = await (
    await sandbox.idp.idp.app.request(
      `/${sandbox.idp.idp.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
    )
  ).text()
})
afterAll(async () => {
  await probes.close()
})

function importMetadata(xml: string, trustMode = 'ca-signed'): Promise<Response> {
  return sandbox.sp.api('POST', `/api/v1/sso/idp-metadata?trustMode=${trustMode}`, xml, 'application/xml')
}

/** Asserts a refusal with `code` (when given) and that nothing was stored. */
async function expectRefused(response: Response, code?: string): Promise<string> {
  const text = await response.text()
  expect(response.status, text).toBeGreaterThanOrEqual(400)
  expect(response.status, text).toBeLessThan(500)
  if (code) expect(JSON.parse(text).error.code, text).toBe(code)
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)
  return text
}

async function refusedUnchanged(xml: string, code?: string, trustMode?: string): Promise<string> {
  const before = sandbox.sp.store.read()
  const text = await expectRefused(await importMetadata(xml, trustMode), code)
  expect(sandbox.sp.store.read()).toBe(before)
  return text
}

/** The real metadata with every signing KeyDescriptor's X509Data replaced by `certificates`. */
function withSigningCertificates(certificates: readonly Buffer[]): string {
  const doc = parseCorpusXml(realMetadata.replace(/^\uFEFF/, ''))
  for (const descriptor of descendantsNamed(doc, NS.metadata, 'KeyDescriptor')) {
    if (descriptor.getAttribute('use') === 'encryption') continue
    const data = descendantsNamed(descriptor, DSIG_NS, 'X509Data')[0] as Element
    while (data.firstChild) data.removeChild(data.firstChild)
    for (const der of certificates) {
      const element = doc.createElementNS(DSIG_NS, 'X509Certificate')
      setText(element, der.toString('base64'))
      data.appendChild(element)
    }
  }
  return toXml(doc)
}

describe('Control Hub imports the IdP’s real metadata (the refusals below are not vacuous)', () => {
  it('accepts the federation metadata as Entra serves it', async () => {
    expect((await importMetadata(realMetadata)).status).toBe(200)
  })
})

describe('any DOCTYPE is refused before parsing (SP metadata import)', () => {
  it('refuses a bare DOCTYPE', async () => {
    const text = await refusedUnchanged(`<!DOCTYPE EntityDescriptor>${realMetadata.replace(/^\uFEFF/, '')}`)
    expect(text).toContain('DOCTYPE')
  })
})

describe('entity expansion and external entities (SP metadata import)', () => {
  it('refuses every variant within 1 s, reading no file and fetching no URL', async () => {
    for (const [name, xml] of entityAttacks(realMetadata.replace(/^\uFEFF/, ''), probes)) {
      const began = performance.now()
      const text = await refusedUnchanged(xml)
      expect(performance.now() - began, name).toBeLessThan(1000)
      expect(text, name).not.toContain(probes.marker)
    }
    expect(probes.hits()).toBe(0)
  })
})

describe('oversized and deeply nested metadata (SP metadata import)', () => {
  it('refuses 10 MB (413), 1.5 MB and 50 000-deep documents', async () => {
    const before = sandbox.sp.store.read()
    expect((await importMetadata(padded(realMetadata, 10 * 1024 * 1024))).status).toBe(413)
    expect(sandbox.sp.store.read()).toBe(before)
    await refusedUnchanged(padded(realMetadata, 1.5 * 1024 * 1024))
    await refusedUnchanged(deeplyNested(realMetadata.replace(/^\uFEFF/, ''), 50_000))
  })
})

describe('secure mode: a self-signed IdP certificate, even pasted into the trust store', () => {
  it('refuses CERT_SELF_SIGNED and changes nothing', async () => {
    const selfSigned = await selfSignedCertificate(sandbox.idp.clock.now())
    await refusedUnchanged(withSigningCertificates([selfSigned]), 'CERT_SELF_SIGNED')
    // An admin pastes it into the trust store as if it were a root: still refused. The shared
    // validator names the sharper reason here (the signing certificate is itself an anchor)
    // where a self-signed certificate alone would be CERT_SELF_SIGNED; either way nothing is stored.
    const pasted = await sandbox.sp.api('POST', '/api/v1/sso/trusted-roots', { pem: derToPem(selfSigned) })
    await pasted.arrayBuffer()
    const text = await refusedUnchanged(withSigningCertificates([selfSigned]))
    expect(JSON.parse(text).error.code).toMatch(/^(CERT_SELF_SIGNED|CERT_IS_TRUST_ANCHOR)$/)
    // The less secure mode is the one that takes it.
    expect((await importMetadata(withSigningCertificates([selfSigned]), 'self-signed-allowed')).status).toBe(
      200,
    )
    expect((await importMetadata(realMetadata)).status).toBe(200)
  })
})

describe('secure mode: a self-signed certificate whose keyUsage lacks keyCertSign', () => {
  it('is refused as CERT_SELF_SIGNED (not as an untrusted chain), and the less secure mode takes it', async () => {
    const selfSigned = await selfSignedWithoutKeyCertSign(sandbox.idp.clock.now())
    const text = await refusedUnchanged(withSigningCertificates([selfSigned]), 'CERT_SELF_SIGNED')
    expect(JSON.parse(text).error.message).toContain('it is self-signed')
    expect(JSON.parse(text).error.fix).toContain('Allow self-signed certificate in metadata')
    expect((await importMetadata(withSigningCertificates([selfSigned]), 'self-signed-allowed')).status).toBe(
      200,
    )
    expect((await importMetadata(realMetadata)).status).toBe(200)
  })
})

describe('secure mode: CA as signer, issuer without basicConstraints, untrusted root, validity, keyUsage, weak signature, RSA-1024, EC', () => {
  it('refuses each with its specific code, storing nothing', async () => {
    const cases = await badCertificates(sandbox.idp.idp.runtime.ca, sandbox.idp.clock.now())
    expect(cases.map((c) => c.name)).toHaveLength(11)
    for (const c of cases) {
      const text = await refusedUnchanged(withSigningCertificates(c.x509Data), c.code)
      expect(JSON.parse(text).error.message, c.name).toMatch(/refused/)
    }
  })
})

describe('multiple EntityDescriptors; no signing KeyDescriptor; wrong entityID; > 1 MB', () => {
  it('refuses each, storing nothing', async () => {
    // Each copy without its XML declaration: one inside an element is not well-formed XML.
    const body = realMetadata.replace(/^\uFEFF/, '').replace(/^<\?xml[^>]*\?>\s*/, '')
    const two = `<EntitiesDescriptor xmlns="${NS.metadata}">${body}${body}</EntitiesDescriptor>`
    await refusedUnchanged(two, 'METADATA_MULTIPLE_ENTITIES')
    const doc = parseCorpusXml(body)
    for (const descriptor of descendantsNamed(doc, NS.metadata, 'KeyDescriptor')) {
      descriptor.parentNode?.removeChild(descriptor)
    }
    await refusedUnchanged(toXml(doc), 'IDP_METADATA_NO_SIGNING_KEY')
    await refusedUnchanged(body.replace(/entityID="[^"]*"/, ''), 'METADATA_NO_ENTITY_ID')
    const spMetadata = await (await sandbox.sp.api('GET', '/api/v1/sso/sp-metadata')).text()
    await refusedUnchanged(spMetadata, 'IDP_METADATA_NO_IDP_ROLE')
    await refusedUnchanged(padded(body, 1024 * 1024 + 100))
  })
})
