import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { BINDING, encodeRedirectBinding, NS } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { authnRequestXml } from '../../packages/idp/src/test-support/saml-app'
import { fuzzBase64, fuzzXml, mutate, randomText } from './corpus/fuzz-inputs'
import { createResponseSource, type ResponseSource, webexIdentity } from './corpus/idp-response'
import { createPrng, type Prng } from './corpus/prng'

/**
 * Seeded, deterministic fuzzing of every endpoint that parses hostile input, in-process via
 * `app.request` (no sockets): 10 000 inputs per endpoint (`FUZZ_COUNT=n` to change). For every input: the answer is a 4xx or a correct success (never a
 * 5xx or a throw), and a refused input leaves the stored state untouched (the store's snapshot
 * object is the same one). The heap after GC at 100 % of the run stays within a bound of the
 * heap at 25 %.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000)

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapAfterGc(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** One fuzzed endpoint: how to send an input and what a correct success looks like. */
interface FuzzTarget {
  readonly name: string
  send(prng: Prng): Promise<Response>
  /** The stored-state snapshot (compared by identity: a refusal must not replace it). */
  state(): unknown
  /** Statuses below 400 this endpoint may answer with. */
  readonly successes: readonly number[]
}

interface FuzzReport {
  readonly statuses: Map<number, number>
  readonly heapGrowthBytes: number
}

async function fuzz(target: FuzzTarget, seed: number): Promise<FuzzReport> {
  const prng = createPrng(seed)
  const statuses = new Map<number, number>()
  const problems: string[] = []
  let quarterHeap = 0
  for (let i = 0; i < COUNT; i += 1) {
    if (i === Math.floor(COUNT / 4)) quarterHeap = heapAfterGc()
    const before = target.state()
    let response: Response
    try {
      response = await target.send(prng)
    } catch (error) {
      problems.push(`#${i} threw: ${(error as Error).message}`)
      continue
    }
    const body = await response.text()
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    if (response.status >= 500 || (response.status < 400 && !target.successes.includes(response.status))) {
      problems.push(`#${i} answered ${response.status}: ${body.slice(0, 200)}`)
    }
    if (response.status >= 400 && target.state() !== before) {
      problems.push(`#${i} was refused (${response.status}) but changed the stored state`)
    }
    if (/\n\s+at .+:\d+:\d+\)?\n/.test(body)) problems.push(`#${i} leaked a stack trace`)
    if (problems.length >= 5) break
  }
  expect(problems).toEqual([])
  const heapGrowthBytes = heapAfterGc() - quarterHeap
  // Three quarters of the run may keep bounded caches filling; it must not keep the inputs.
  expect(heapGrowthBytes).toBeLessThan(48 * 1024 * 1024)
  return { statuses, heapGrowthBytes }
}

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString()

describe(`fuzz: ${COUNT} inputs per endpoint`, () => {
  let idp: ResponseSource
  let metadataIdp: ResponseSource
  beforeAll(async () => {
    idp = await createResponseSource(webexIdentity('9f00d1e5-fuzz-sso'))
    metadataIdp = await createResponseSource(webexIdentity('9f00d1e5-fuzz-metadata'))
  })

  const requestSeeds = (): string[] => [
    authnRequestXml({ issuer: idp.sp.entityId, acsUrl: idp.sp.acsUrl }),
    authnRequestXml({
      issuer: idp.sp.entityId,
      acsUrl: null,
      attributes: ' AssertionConsumerServiceIndex="0" ForceAuthn="true" IsPassive="true"',
      children: `<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" AllowCreate="true"/>`,
    }),
    `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_lr1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>${idp.sp.entityId}</saml:Issuer><saml:NameID>admin@contoso.com</saml:NameID></samlp:LogoutRequest>`,
  ]

  it('the IdP SSO endpoint, HTTP-Redirect binding', async () => {
    const seeds = requestSeeds()
    const report = await fuzz(
      {
        name: 'idp-sso-redirect',
        state: () => idp.idp.store.read(),
        successes: [200, 302],
        send: (prng) => {
          const query =
            prng.int(5) === 0
              ? mutate(
                  prng,
                  encodeRedirectBinding({ parameter: 'SAMLRequest', xml: prng.pick(seeds), relayState: 'r' }),
                )
              : encodeRedirectBinding({
                  parameter: prng.int(6) === 0 ? 'SAMLResponse' : 'SAMLRequest',
                  xml: fuzzXml(prng, seeds),
                  ...(prng.int(3) === 0 ? { relayState: randomText(prng, 120) } : {}),
                })
          return Promise.resolve(idp.idp.app.request(`/${idp.idp.tenantId}/saml2?${query}`))
        },
      },
      1,
    )
    expect(report.statuses.get(302) ?? 0).toBeGreaterThan(0) // some inputs were legitimate
  })

  it('the IdP SSO endpoint, HTTP-POST binding', async () => {
    const seeds = requestSeeds()
    const report = await fuzz(
      {
        name: 'idp-sso-post',
        state: () => idp.idp.store.read(),
        successes: [200, 302],
        send: (prng) => {
          const xml = fuzzXml(prng, seeds)
          const fields: Record<string, string> = { SAMLRequest: fuzzBase64(prng, xml) }
          if (prng.int(4) === 0) fields.RelayState = randomText(prng, 200)
          let body = form(fields)
          if (prng.int(10) === 0) body = `${body}&SAMLRequest=${encodeURIComponent(fields.SAMLRequest ?? '')}`
          if (prng.int(10) === 0) body = mutate(prng, body)
          const contentType =
            prng.int(10) === 0
              ? prng.pick(['text/plain', 'application/json', 'multipart/form-data'])
              : 'application/x-www-form-urlencoded'
          return Promise.resolve(
            idp.idp.app.request(`/${idp.idp.tenantId}/saml2`, {
              method: 'POST',
              headers: { 'content-type': contentType },
              body,
            }),
          )
        },
      },
      2,
    )
    expect(report.statuses.get(302) ?? 0).toBeGreaterThan(0)
  })

  it('the IdP metadata upload', async () => {
    const metadata =
      `<md:EntityDescriptor xmlns:md="${NS.metadata}" entityID="${metadataIdp.sp.entityId}">` +
      `<md:SPSSODescriptor protocolSupportEnumeration="${NS.protocol}">` +
      `<md:SingleLogoutService Binding="${BINDING.redirect}" Location="${metadataIdp.sp.acsUrl.replace('Consumer', 'SPSloRedirect')}"/>` +
      `<md:AssertionConsumerService Binding="${BINDING.post}" Location="${metadataIdp.sp.acsUrl}" index="0" isDefault="true"/>` +
      '</md:SPSSODescriptor></md:EntityDescriptor>'
    const token = metadataIdp.idp.store.read().graphApiToken
    const report = await fuzz(
      {
        name: 'idp-metadata-upload',
        state: () => metadataIdp.idp.store.read(),
        successes: [200],
        send: (prng) => {
          const xml = fuzzXml(prng, [metadata])
          const json = prng.int(5) === 0
          return Promise.resolve(
            metadataIdp.idp.app.request(`/sandbox/api/servicePrincipals/${metadataIdp.spId}/saml/metadata`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': json ? 'application/json' : 'application/xml',
              },
              body: json
                ? prng.int(2) === 0
                  ? JSON.stringify({ xml })
                  : mutate(prng, JSON.stringify({ xml }))
                : xml,
            }),
          )
        },
      },
      3,
    )
    expect(report.statuses.get(200) ?? 0).toBeGreaterThan(0)
  })
})
