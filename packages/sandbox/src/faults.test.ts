import { SAML, ValidateInResponseTo } from '@node-saml/node-saml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, type EntraFaultPreset, type Sandbox, SignInError, startSandbox } from './index'

let sandbox: Sandbox
let user = { username: '', password: '' }
let appId = ''
let servicePrincipalId = ''

const admin = (path: string, init: RequestInit = {}, on: 'entra' | 'webex' = 'entra') => {
  const base = on === 'entra' ? sandbox.entra : sandbox.webex
  const token = on === 'entra' ? sandbox.entra.graphToken : sandbox.webex.adminToken
  return fetch(`${base.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  })
}

/** The code of Webex's newest refused sign-in (Control Hub's troubleshooting log). */
async function lastWebexRefusal(): Promise<string | null> {
  const { attempts } = (await (await admin('/api/v1/sign-ins', {}, 'webex')).json()) as {
    attempts: { code: string | null }[]
  }
  return attempts.at(-1)?.code ?? null
}

/** Signs B.Simon in; resolves with how it ended: `ok`, or the SignInError's code. */
async function signInOutcome(): Promise<string> {
  try {
    await sandbox.signIn(user)
    return 'ok'
  } catch (error) {
    if (error instanceof SignInError) return error.code
    throw error
  }
}

interface LoggedSignIn {
  errorCode: number
  fault?: { preset: string }
}
const newestSignIn = async (): Promise<LoggedSignIn | undefined> =>
  ((await (await admin('/sandbox/api/signIns')).json()) as { value: LoggedSignIn[] }).value[0]

/** The Response Entra sent in its newest trace. */
async function lastResponseXml(): Promise<string> {
  const { value } = (await (await admin('/sandbox/api/traces?limit=1')).json()) as {
    value: { steps: { kind: string; title: string; message?: { xml: string } }[] }[]
  }
  const sent = value[0]?.steps.find((s) => s.kind === 'response-sent')?.message?.xml
  if (!sent) throw new Error('no Response in the newest trace')
  return sent
}

/** The tutorial's set-up: B.Simon and the Cisco Webex app, whose ids the tests bind faults to. */
async function setUpTutorial(): Promise<void> {
  const setUp = await sandbox.setupTutorial()
  user = { username: setUp.username, password: setUp.password }
  const app = await sandbox.entra.client.servicePrincipalByName('Cisco Webex')
  if (!app) throw new Error('setupTutorial made no Cisco Webex app')
  servicePrincipalId = app.id
  appId = (await sandbox.entra.client.samlPage(app.id)).appId
}

beforeAll(async () => {
  sandbox = await startSandbox()
  await setUpTutorial()
})

afterAll(async () => {
  await sandbox?.close()
})

describe('sign-in faults, each refused by the Webex ACS with its own code', () => {
  const cases: [EntraFaultPreset, string][] = [
    ['unsigned-assertion', 'SSO_ASSERTION_UNSIGNED'],
    ['bad-signature', 'SSO_INVALID_SIGNATURE'],
    ['wrong-audience', 'SSO_AUDIENCE_MISMATCH'],
    ['wrong-recipient', 'SSO_RECIPIENT_MISMATCH'],
    ['expired', 'SSO_ASSERTION_EXPIRED'],
    ['not-yet-valid', 'SSO_ASSERTION_NOT_YET_VALID'],
    ['sha1-signature', 'SSO_DEPRECATED_ALGORITHM'],
    ['responder-status', 'SSO_IDP_ERROR'],
    ['authn-failed-status', 'SSO_IDP_ERROR'],
    ['missing-uid', 'SSO_UID_MISSING'],
  ]
  it.each(cases)(
    '%s: the next sign-in is refused with %s, logged and traced as that fault',
    async (preset, code) => {
      await sandbox.entra.faults.add({ preset })
      expect(await signInOutcome()).toBe('ERROR_PAGE')
      expect(await lastWebexRefusal()).toBe(code)
      const logged = await newestSignIn()
      expect(logged?.fault?.preset).toBe(preset)
      const { value } = (await (await admin('/sandbox/api/traces?limit=1')).json()) as {
        value: { steps: { title: string }[] }[]
      }
      expect(value[0]?.steps.map((s) => s.title)).toContain(`Sandbox fault: ${preset}`)
      // One sign-in spent the fault: the next one is normal again.
      expect(await sandbox.entra.faults.list()).toEqual([])
      expect(await signInOutcome()).toBe('ok')
    },
  )

  it('error-page: Entra shows the chosen AADSTS code with its real message, in the log under that code', async () => {
    await sandbox.entra.faults.add({ preset: 'error-page', errorCode: 'AADSTS50105' })
    const failed = await sandbox.signIn(user).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(SignInError)
    const page = (failed as SignInError).failure.page
    expect(page?.status).toBe(403)
    expect(page?.body).toContain('AADSTS50105: Your administrator has configured the application Cisco Webex')
    expect(page?.body).toContain(`The signed in user &#39;${user.username}&#39;`)
    const logged = await newestSignIn()
    expect(logged).toMatchObject({ errorCode: 50105, fault: { preset: 'error-page' } })
  })

  it('slow: the Response arrives no sooner than delayMs, and the sign-in then succeeds', async () => {
    await sandbox.entra.faults.add({ preset: 'slow', delayMs: 400 })
    const started = performance.now()
    expect(await signInOutcome()).toBe('ok')
    expect(performance.now() - started).toBeGreaterThanOrEqual(400)
    expect((await newestSignIn())?.fault?.preset).toBe('slow')
  })

  it('Graph auditLogs/signIns names the fault in status.additionalDetails', async () => {
    const { value } = (await (await admin('/v1.0/auditLogs/signIns')).json()) as {
      value: { status: { additionalDetails: string | null } }[]
    }
    expect(value.some((s) => s.status.additionalDetails?.includes('Sandbox fault slow'))).toBe(true)
  })
})

describe('an independent SP (@node-saml/node-saml) refuses the faulted Responses too', () => {
  async function nodeSaml(): Promise<SAML> {
    const metadata = await (
      await fetch(
        (
          await sandbox.entra.client.samlPage(servicePrincipalId)
        ).samlCertificates.appFederationMetadataUrl,
      )
    ).text()
    const idpCert = /<X509Certificate>([^<]+)</.exec(metadata)?.[1]
    const org = await sandbox.webex.client.organization()
    if (!idpCert) throw new Error('no certificate in the federation metadata')
    return new SAML({
      issuer: org.entityId,
      callbackUrl: org.acsUrl,
      idpCert,
      audience: org.entityId,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.never,
    })
  }
  const validate = async (saml: SAML, xml: string) =>
    saml.validatePostResponseAsync({ SAMLResponse: Buffer.from(xml).toString('base64') })

  it('accepts a normal Response, rejects bad-signature and wrong-audience ones', async () => {
    const saml = await nodeSaml()
    const normal = await sandbox.signIn(user)
    await expect(validate(saml, normal.samlResponse.xml)).resolves.toMatchObject({ loggedOut: false })
    await sandbox.entra.faults.add({ preset: 'bad-signature' })
    await signInOutcome()
    await expect(validate(saml, await lastResponseXml())).rejects.toThrow(/signature/i)
    await sandbox.entra.faults.add({ preset: 'wrong-audience' })
    await signInOutcome()
    await expect(validate(saml, await lastResponseXml())).rejects.toThrow(/audience/i)
  })
})

describe('scoping', () => {
  it('count: N counts down over the next N sign-ins, then sign-ins are normal', async () => {
    const added = await sandbox.entra.faults.add({ preset: 'wrong-audience', count: 2 })
    expect(added).toMatchObject({ remaining: 2, appId: null })
    expect(await signInOutcome()).toBe('ERROR_PAGE')
    expect((await sandbox.entra.faults.list())[0]?.remaining).toBe(1)
    expect(await signInOutcome()).toBe('ERROR_PAGE')
    expect(await sandbox.entra.faults.list()).toEqual([])
    expect(await signInOutcome()).toBe('ok')
  })

  it('appId: every sign-in to that app until cleared; other apps are untouched', async () => {
    const other = await sandbox.entra.faults.add({ preset: 'missing-uid', appId })
    expect(other).toMatchObject({ appId, appDisplayName: 'Cisco Webex', remaining: null })
    expect(await signInOutcome()).toBe('ERROR_PAGE')
    expect(await signInOutcome()).toBe('ERROR_PAGE')
    expect(await sandbox.entra.faults.list()).toHaveLength(1)
    await sandbox.entra.faults.remove(other.id)
    expect(await signInOutcome()).toBe('ok')
  })

  it('reset() clears every waiting fault on both servers', async () => {
    await sandbox.entra.faults.add({ preset: 'expired', count: 5 })
    await sandbox.webex.faults.add({ preset: 'server-error' })
    await sandbox.reset()
    expect(await sandbox.entra.faults.list()).toEqual([])
    expect(await sandbox.webex.faults.list()).toEqual([])
    // Put the tutorial back for the tests that follow.
    await setUpTutorial()
  })
})

describe('hostile fault requests are refused with what to fix, and nothing is stored', () => {
  const refusals: [string, Record<string, unknown>, RegExp][] = [
    [
      'an unknown preset',
      { preset: 'drop-tables' },
      /Unknown fault preset "drop-tables"\. Use one of: unsigned-assertion/,
    ],
    ['count 0', { preset: 'expired', count: 0 }, /count must be a whole number from 1 to 100/],
    ['count 101', { preset: 'expired', count: 101 }, /count must be a whole number from 1 to 100/],
    ['count 1.5', { preset: 'expired', count: 1.5 }, /count must be a whole number/],
    [
      'delayMs over the bound',
      { preset: 'slow', delayMs: 30_001 },
      /delayMs must be a whole number of milliseconds from 1 to 30000/,
    ],
    [
      'delayMs on another preset',
      { preset: 'expired', delayMs: 5 },
      /delayMs applies only to the slow preset/,
    ],
    ['error-page without a code', { preset: 'error-page' }, /needs errorCode/],
    [
      'an unknown AADSTS code',
      { preset: 'error-page', errorCode: 'AADSTS99999' },
      /not an AADSTS code the sandbox knows\. Use one of: AADSTS/,
    ],
    [
      'an unknown app id',
      { preset: 'expired', appId: '00000000-0000-0000-0000-000000000000' },
      /No app has the application id .* GET \/v1\.0\/servicePrincipals/,
    ],
    ['an unknown field', { preset: 'expired', everyone: true }, /everyone/],
    ['a string count', { preset: 'expired', count: '3' }, /count/],
  ]
  it.each(refusals)('IdP: %s → 400', async (_name, body, message) => {
    const answer = await admin('/sandbox/api/faults', { method: 'POST', body: JSON.stringify(body) })
    expect(answer.status).toBe(400)
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(message)
    expect(await sandbox.entra.faults.list()).toEqual([])
  })

  it('IdP: a service principal id given as appId names the app id to use', async () => {
    const refused = sandbox.entra.faults.add({ preset: 'expired', appId: servicePrincipalId })
    await expect(refused).rejects.toBeInstanceOf(ApiError)
    await expect(refused).rejects.toThrow(/service principal's object id; use the app's application id/)
  })

  it('IdP: removing an unknown fault is a 404, and the API needs the bearer token', async () => {
    expect((await admin('/sandbox/api/faults/nope', { method: 'DELETE' })).status).toBe(404)
    expect((await fetch(`${sandbox.entra.url}/sandbox/api/faults`)).status).toBe(401)
  })

  it('SP: an unknown preset, a bound broken, another org → 400 with a fix; no token → 401', async () => {
    for (const body of [
      { preset: 'flood' },
      { preset: 'rate-limited', retryAfterSeconds: 0 },
      { preset: 'slow', delayMs: 60_000 },
      { preset: 'server-error', count: 1000 },
      { preset: 'server-error', orgId: 'another-org' },
      { preset: 'server-error', delayMs: 10 },
    ]) {
      const answer = await admin(
        '/api/v1/sandbox/faults',
        { method: 'POST', body: JSON.stringify(body) },
        'webex',
      )
      expect(answer.status, JSON.stringify(body)).toBe(400)
      const { error } = (await answer.json()) as { error: { code: string; fix: string } }
      expect(error.code).toBe('SCIM_FAULT_INVALID')
      expect(error.fix).toMatch(/GET \/api\/v1\/sandbox\/faults/)
    }
    expect(await sandbox.webex.faults.list()).toEqual([])
    expect((await fetch(`${sandbox.webex.url}/api/v1/sandbox/faults`)).status).toBe(401)
  })
})

describe('SCIM faults', () => {
  const scim = (path = '/Users') =>
    fetch(`${sandbox.webex.scimBaseUrl}${path}`, {
      headers: { authorization: `Bearer ${sandbox.webex.scimToken}` },
    })
  interface Activity {
    status: number
    fault: string | null
  }
  const activity = async (): Promise<Activity[]> =>
    ((await (await admin('/api/v1/scim/activity', {}, 'webex')).json()) as { items: Activity[] }).items

  it('rate-limited: 429 with Retry-After and a SCIM error, then normal; logged as the fault', async () => {
    await sandbox.webex.faults.add({ preset: 'rate-limited', count: 1, retryAfterSeconds: 7 })
    const limited = await scim()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(await limited.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '429',
    })
    expect((await scim()).status).toBe(200)
    expect((await activity())[0]).toMatchObject({ status: 429, fault: 'rate-limited' })
  })

  it('server-error: 500 for every call until cleared', async () => {
    await sandbox.webex.faults.add({ preset: 'server-error' })
    expect((await scim()).status).toBe(500)
    expect((await scim('/Groups')).status).toBe(500)
    await sandbox.webex.faults.clear()
    expect((await scim()).status).toBe(200)
    expect((await activity())[0]).toMatchObject({ status: 500, fault: 'server-error' })
  })

  it('slow: the normal answer, no sooner than delayMs; the successful read is logged as the fault', async () => {
    await sandbox.webex.faults.add({ preset: 'slow', delayMs: 300, count: 1 })
    const started = performance.now()
    expect((await scim()).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(300)
    expect((await activity())[0]).toMatchObject({ status: 200, fault: 'slow' })
  })

  it('an unauthenticated call is refused 401 and spends no fault', async () => {
    await sandbox.webex.faults.add({ preset: 'server-error', count: 1 })
    const anonymous = await fetch(`${sandbox.webex.scimBaseUrl}/Users`)
    expect(anonymous.status).toBe(401)
    expect(await sandbox.webex.faults.list()).toHaveLength(1)
    await sandbox.webex.faults.clear()
  })
})
