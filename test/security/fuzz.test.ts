import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { BINDING, encodeRedirectBinding, NS, signEnveloped } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { authnRequestXml } from '../../packages/idp/src/test-support/saml-app'
import { fuzzBase64, fuzzXml, mutate, randomText } from './corpus/fuzz-inputs'
import { controlText, wellFormed } from './corpus/hostile-parameters'
import { createResponseSource, type ResponseSource, webexIdentity } from './corpus/idp-response'
import {
  idpParameterRequests,
  type ParameterFuzzSetup,
  prepareParameterFuzz,
  spParameterRequests,
} from './corpus/parameter-requests'
import { createPrng, type Prng } from './corpus/prng'
import { createSandbox, type Intercepted, type Sandbox } from './corpus/sandbox'
import { first, parseCorpusXml, toXml } from './corpus/xml-kit'

/**
 * Seeded, deterministic fuzzing of every endpoint that parses hostile input, in-process via
 * `app.request` (no sockets): 10 000 inputs per endpoint (`FUZZ_COUNT=n` to change). For every input: the answer is a 4xx or a correct success (never a
 * 5xx or a throw), and a refused input leaves the stored state untouched (the store's snapshot
 * object is the same one). The heap after GC at 100 % of the run stays within a bound of the
 * heap at 25 %. `FUZZ_REPORT=1` prints the status counts and heap growth per endpoint.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000)
/** The parameter fuzz: many request templates per server, so a fifth of the count each. */
const PARAMETER_COUNT = Math.max(100, Math.floor(COUNT / 5))

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * Heap after full collections, yielding between them: request bodies streamed through Hono's
 * bodyLimit are freed by FinalizationRegistry callbacks, which only run once the event loop turns.
 */
async function heapAfterGc(): Promise<number> {
  for (let round = 0; round < 4; round += 1) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
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
  /** Refusals that name a processing instruction: the inputs that reached the parser's PI check. */
  readonly processingInstructionRefusals: number
}

async function fuzz(target: FuzzTarget, seed: number, count = COUNT): Promise<FuzzReport> {
  const prng = createPrng(seed)
  const statuses = new Map<number, number>()
  const problems: string[] = []
  let quarterHeap = 0
  let processingInstructionRefusals = 0
  for (let i = 0; i < count; i += 1) {
    if (i === Math.floor(count / 4)) quarterHeap = await heapAfterGc()
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
    if (response.status >= 400 && body.includes('processing instruction')) processingInstructionRefusals += 1
    if (problems.length >= 5) break
  }
  expect(problems).toEqual([])
  const heapGrowthBytes = (await heapAfterGc()) - quarterHeap
  // Three quarters of the run may keep bounded caches filling (pending requests, the sign-in
  // log); it must not keep the inputs: 7 500 of them would be several times this bound.
  expect(heapGrowthBytes).toBeLessThan(16 * 1024 * 1024)
  if (process.env.FUZZ_REPORT === '1') {
    const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`)
    process.stdout.write(
      `fuzz ${target.name}: ${counts.join(' ')}; ${processingInstructionRefusals} PI refusals; heap +${(heapGrowthBytes / 1048576).toFixed(1)} MB\n`,
    )
  }
  return { statuses, heapGrowthBytes, processingInstructionRefusals }
}

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString()

/** The token with one character changed (still a valid header value). */
function wrongToken(prng: Prng, token: string): string {
  const at = prng.int(token.length)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const replacement = alphabet.replace(token[at] ?? '', '')
  return `${token.slice(0, at)}${replacement[prng.int(replacement.length)]}${token.slice(at + 1)}`
}

/** encodeURIComponent for fuzzed text: a lone surrogate (which it cannot encode) becomes U+FFFD. */
const encodeQuery = (text: string): string =>
  encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  )

describe(`fuzz: ${COUNT} inputs per endpoint`, { timeout: 180_000 }, () => {
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
    expect(report.processingInstructionRefusals).toBeGreaterThan(0) // PIs reached the parser's check
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
          if (prng.int(10) === 0) body = `${body}&SAMLRequest=${encodeQuery(fields.SAMLRequest ?? '')}`
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
    expect(report.processingInstructionRefusals).toBeGreaterThan(0) // PIs reached the parser's check
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
    expect(report.processingInstructionRefusals).toBeGreaterThan(0) // PIs reached the parser's check
  })

  describe('the Webex emulator', () => {
    let sandbox: Sandbox
    let seeds: Intercepted[]
    let federation: string
    beforeAll(async () => {
      sandbox = await createSandbox()
      seeds = []
      for (let i = 0; i < 4; i += 1) seeds.push(await sandbox.intercept())
      const appId = sandbox.idp.idp.store.read().apps.find((a) => a.servicePrincipal.id === sandbox.idp.spId)
        ?.application.appId
      federation = await (
        await sandbox.idp.idp.app.request(
          `/${sandbox.idp.idp.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
        )
      ).text()
    })

    it('the ACS', async () => {
      const xmls = seeds.map((s) => s.responseXml)
      const report = await fuzz(
        {
          name: 'sp-acs',
          state: () => sandbox.sp.store.read(),
          successes: [303],
          send: (prng) => {
            const seed = prng.pick(seeds)
            // 1 in 200 is the genuine Response of its own browser (a success the first time).
            const xml = prng.int(200) === 0 ? seed.responseXml : fuzzXml(prng, xmls)
            const field = prng.int(10) === 0 ? fuzzBase64(prng, xml) : Buffer.from(xml).toString('base64')
            const fields = new URLSearchParams({ SAMLResponse: field })
            if (prng.int(4) === 0) fields.set('RelayState', randomText(prng, 120))
            const body = prng.int(20) === 0 ? mutate(prng, fields.toString()) : fields.toString()
            const cookie = seed.browser.jar
              .cookiesFor(new URL(sandbox.sp.url))
              .map((c) => `${c.name}=${c.value}`)
              .join('; ')
            return Promise.resolve(
              sandbox.sp.app.request(`/idb/Consumer/metaAlias/${sandbox.sp.orgId}/sp`, {
                method: 'POST',
                headers: {
                  'content-type':
                    prng.int(20) === 0 ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
                  ...(prng.int(3) === 0 ? {} : { cookie }),
                },
                body,
              }),
            )
          },
        },
        4,
      )
      expect(report.statuses.get(403) ?? 0).toBeGreaterThan(COUNT / 4) // most reached the checks
      expect(report.processingInstructionRefusals).toBeGreaterThan(0) // PIs reached the parser's check
    })

    it('the SLO endpoint, HTTP-POST binding', async () => {
      // Seeds the trusted IdP signed: a LogoutRequest for the signed-in admin and a LogoutResponse.
      const key = sandbox.idp.signingKey()
      const issuer = `https://sts.windows.net/${sandbox.idp.idp.tenantId}/`
      const destination = `${sandbox.sp.url}/idb/SPSloPOST/metaAlias/${sandbox.sp.orgId}/sp`
      const signed = (xml: string): string => {
        const doc = parseCorpusXml(xml)
        signEnveloped(
          doc.documentElement,
          first(doc, 'Issuer'),
          { privateKey: key.privateKey, certificatesBase64: [] },
          'rsa-sha256',
        )
        return toXml(doc)
      }
      const at = new Date(sandbox.idp.clock.now()).toISOString()
      const requests = [
        signed(
          `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_fuzz-lr" Version="2.0" IssueInstant="${at}" Destination="${destination}"><saml:Issuer>${issuer}</saml:Issuer><saml:NameID>${sandbox.idp.adminUpn}</saml:NameID><samlp:SessionIndex>_s1</samlp:SessionIndex></samlp:LogoutRequest>`,
        ),
      ]
      const responses = [
        signed(
          `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_fuzz-lo" Version="2.0" IssueInstant="${at}" Destination="${destination}" InResponseTo="_unknown"><saml:Issuer>${issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`,
        ),
      ]
      const report = await fuzz(
        {
          name: 'sp-slo-post',
          state: () => sandbox.sp.store.read(),
          successes: [200, 302],
          send: (prng) => {
            const parameter = prng.int(3) === 0 ? 'SAMLResponse' : 'SAMLRequest'
            const xml = fuzzXml(prng, parameter === 'SAMLRequest' ? requests : responses)
            const fields = new URLSearchParams({ [parameter]: fuzzBase64(prng, xml) })
            if (prng.int(4) === 0) fields.set('RelayState', randomText(prng, 120))
            const body = prng.int(20) === 0 ? mutate(prng, fields.toString()) : fields.toString()
            return Promise.resolve(
              sandbox.sp.app.request(`/idb/SPSloPOST/metaAlias/${sandbox.sp.orgId}/sp`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body,
              }),
            )
          },
        },
        7,
      )
      expect(report.statuses.get(302) ?? 0).toBeGreaterThan(0) // some LogoutRequests were answered
      expect(report.processingInstructionRefusals).toBeGreaterThan(0)
    })

    it('the IdP metadata import (Control Hub)', async () => {
      const report = await fuzz(
        {
          name: 'sp-metadata-import',
          state: () => sandbox.sp.store.read(),
          successes: [200],
          send: (prng) => {
            const xml = fuzzXml(prng, [federation.replace(/^\uFEFF/, '')])
            const mode = prng.pick(['ca-signed', 'self-signed-allowed', 'frobnicate'])
            return Promise.resolve(
              prng.int(5) === 0
                ? sandbox.sp.api(
                    'POST',
                    '/api/v1/sso/idp-metadata',
                    mutate(prng, JSON.stringify({ xml, trustMode: mode })),
                  )
                : sandbox.sp.api(
                    'POST',
                    `/api/v1/sso/idp-metadata?trustMode=${mode}`,
                    xml,
                    'application/xml',
                  ),
            )
          },
        },
        5,
      )
      expect(report.statuses.get(200) ?? 0).toBeGreaterThan(0)
      expect(report.processingInstructionRefusals).toBeGreaterThan(0) // PIs reached the parser's check
    })

    it('SCIM', async () => {
      const token = sandbox.sp.services.scimToken.current()
      const v2 = `/identity/scim/${sandbox.sp.orgId}/v2`
      const v1 = `/v1/scim/${sandbox.sp.orgId}`
      const created = await sandbox.sp.app.request(`${v2}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: 'fuzz.target@contoso.com',
          userType: 'user',
        }),
      })
      const targetId = ((await created.json()) as { id: string }).id
      const user = JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'fuzz@contoso.com',
        userType: 'user',
        name: { givenName: 'Fuzz', familyName: 'Er' },
        emails: [{ value: 'fuzz@contoso.com', type: 'work', primary: true }],
        active: true,
      })
      const patch = JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'replace', path: 'displayName', value: 'x' },
          { op: 'add', path: 'emails[type eq "work"].value', value: 'y@contoso.com' },
          { op: 'remove', path: 'name.givenName' },
        ],
      })
      const filters = [
        'userName eq "fuzz@contoso.com"',
        'emails[type eq "work" and value co "@"]',
        'meta.lastModified gt "2020-01-01T00:00:00Z"',
        'not (active eq true) or displayName sw "F"',
      ]
      const report = await fuzz(
        {
          name: 'sp-scim',
          state: () => sandbox.sp.store.read(),
          successes: [200, 201, 204],
          send: (prng) => {
            const headers = {
              authorization: prng.int(30) === 0 ? `Bearer ${wrongToken(prng, token)}` : `Bearer ${token}`,
              'content-type': 'application/scim+json',
            }
            const kind = prng.int(4)
            // Both URL flavours: Webex's v2 and the legacy one Entra's connector uses.
            const base = prng.int(4) === 0 ? v1 : v2
            const request = (path: string, init: RequestInit) =>
              Promise.resolve(sandbox.sp.app.request(path, init))
            if (kind === 0)
              return request(`${base}/Users`, { method: 'POST', headers, body: mutate(prng, user) })
            if (kind === 1)
              return request(
                `${base}/Users/${prng.int(8) === 0 ? encodeQuery(randomText(prng, 40)) : targetId}`,
                {
                  method: 'PATCH',
                  headers,
                  body: mutate(prng, patch),
                },
              )
            if (kind === 2)
              return request(`${base}/Users/${targetId}`, {
                method: 'PUT',
                headers,
                body: mutate(prng, user),
              })
            const filter = encodeQuery(mutate(prng, prng.pick(filters)))
            return request(
              `${base}/Users?filter=${filter}&startIndex=${prng.int(5) - 1}&count=${prng.int(300) - 10}`,
              {
                method: 'GET',
                headers,
              },
            )
          },
        },
        6,
      )
      expect(report.statuses.get(400) ?? 0).toBeGreaterThan(0)
    })
  })
})

// ─── Control characters in every parameter, and deep nesting for every parser ────────────────
// Each input is one request template (corpus/parameter-requests.ts) with its slots (query
// parameters, form fields, JSON values, path segments, headers the apps read) filled with control
// characters or with input nested past each parser's bounds (corpus/hostile-parameters.ts).

describe(`fuzz: control characters and deep nesting, ${PARAMETER_COUNT} inputs per server`, {
  timeout: 180_000,
}, () => {
  const SUCCESSES = [200, 201, 204, 302, 303]
  let setup: ParameterFuzzSetup
  beforeAll(async () => {
    setup = await prepareParameterFuzz(await createSandbox())
  })

  it('the Entra ID emulator: SAML, sign-in, token, My Apps, Graph and sandbox APIs', async () => {
    const templates = idpParameterRequests(setup)
    await fuzz(
      {
        name: 'idp-parameters',
        state: () => setup.sandbox.idp.idp.store.read(),
        successes: SUCCESSES,
        send: (prng) => Promise.resolve(prng.pick(templates)(prng)),
      },
      11,
      PARAMETER_COUNT,
    )
  })

  it('the Webex emulator: sign-on, SLO, Control Hub and users APIs, SCIM', async () => {
    const templates = spParameterRequests(setup)
    await fuzz(
      {
        name: 'sp-parameters',
        state: () => setup.sandbox.sp.store.read(),
        successes: SUCCESSES,
        send: (prng) => Promise.resolve(prng.pick(templates)(prng)),
      },
      12,
      PARAMETER_COUNT,
    )
  })

  it('the ACS after a genuine sign-in, with control characters in RelayState', async () => {
    const { sandbox } = setup
    const report = await fuzz(
      {
        name: 'acs-relay-state',
        state: () => sandbox.sp.store.read(),
        successes: [303],
        send: async (prng) => {
          const relayState = wellFormed(controlText(prng, '/webex/home'))
          const intercepted = await sandbox.intercept(prng.int(2) === 0 ? { relayState } : {})
          const answer = await sandbox.postToAcs(intercepted.browser, intercepted.responseXml, { relayState })
          const location = answer.headers.get('location') ?? ''
          // A landing is a local path Node can send; anything else would be an open redirect or a 500.
          if (answer.status === 303 && !/^\/(?![/\\])[\x21-\x7e]*$/.test(location))
            return new Response(`unsafe landing ${JSON.stringify(location)}`, { status: 599 })
          return answer
        },
      },
      13,
      Math.max(20, Math.floor(PARAMETER_COUNT / 20)),
    )
    expect(report.statuses.get(303) ?? 0).toBeGreaterThan(0)
  })
})
