import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ProvisioningSandbox, startProvisioningSandbox } from '../support/provisioning-setup'

let p: ProvisioningSandbox
let jobId = ''
const sync = () => `/servicePrincipals/${p.servicePrincipalId}/synchronization`

beforeAll(async () => {
  p = await startProvisioningSandbox()
})
afterAll(async () => {
  await p?.close()
})

/** The parts of Graph's answers these tests read: an object, a collection or an error. */
interface GraphAnswer {
  readonly id: string
  readonly value: {
    readonly id: string
    readonly activityDateTime: string
    readonly [key: string]: unknown
  }[]
  readonly '@odata.nextLink'?: string
  readonly error: { readonly code: string; readonly message: string }
}
const json = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as GraphAnswer,
})

interface JobJson {
  id: string
  templateId: string
  schedule: { interval: string; state: string }
  status: {
    code: string
    lastExecution: { state: string; activityIdentifier: string } | null
    quarantine: unknown
  }
}
const getJob = async () => (await (await p.graph('GET', `${sync()}/jobs/${jobId}`)).json()) as JobJson

describe('Graph synchronization API', () => {
  it('lists the Cisco Webex template and creates one job from it, refusing a second or a wrong template', async () => {
    const templates = await json(await p.graph('GET', `${sync()}/templates`))
    const app = (await (await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}`)).json()) as {
      appId: string
    }
    expect(templates.body.value).toEqual([
      expect.objectContaining({ id: 'ciscoWebex', factoryTag: 'ciscowebex', applicationId: app.appId }),
    ])
    expect(
      (await json(await p.graph('POST', `${sync()}/jobs`, { templateId: 'scim' }))).body.error.code,
    ).toBe('TemplateNotFound')
    const created = await json(await p.graph('POST', `${sync()}/jobs`, { templateId: 'ciscoWebex' }))
    expect(created.status).toBe(201)
    jobId = created.body.id
    const tenant = (await (await p.sandboxApi('GET', '/tenant')).json()) as { tenantId: string }
    expect(jobId).toMatch(new RegExp(`^ciscoWebex\\.${tenant.tenantId.replace(/-/g, '')}\\.[0-9a-f-]{36}$`))
    expect(created.body).toMatchObject({
      templateId: 'ciscoWebex',
      schedule: { interval: 'PT40M', state: 'Disabled' },
      status: { code: 'NotConfigured' },
    })
    const again = await json(await p.graph('POST', `${sync()}/jobs`, { templateId: 'ciscoWebex' }))
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'JobAlreadyExists' } } })
    expect(
      (await p.graph('GET', `/servicePrincipals/00000000-0000-0000-0000-000000000000/synchronization/jobs`))
        .status,
    ).toBe(404)
  })

  it('takes the secrets Graph defines and refuses bad ones, naming the key', async () => {
    const put = (value: { key: string; value: string }[]) => p.graph('PUT', `${sync()}/secrets`, { value })
    expect((await json(await put([{ key: 'Shoe', value: '1' }]))).body.error).toMatchObject({
      code: 'InvalidSecrets',
    })
    expect((await json(await put([{ key: 'BaseAddress', value: 'ftp://x' }]))).body.error.code).toBe(
      'TenantUrlInvalid',
    )
    expect((await json(await put([{ key: 'SyncAll', value: 'maybe' }]))).body.error.message).toContain(
      'SyncAll must be "true" or "false"',
    )
    expect(
      (
        await put([
          { key: 'BaseAddress', value: p.tenantUrl },
          { key: 'SecretToken', value: p.scim.token },
          { key: 'SyncNotificationSettings', value: '{"Enabled":true,"Recipients":"ops@contoso.com"}' },
        ])
      ).status,
    ).toBe(204)
    expect((await getJob()).status.code).toBe('NotRun')
    const secrets = (await json(await p.graph('GET', `${sync()}/secrets`))).body.value as unknown as {
      key: string
      value: string
    }[]
    expect(secrets.find((s) => s.key === 'SyncNotificationSettings')?.value).toBe(
      '{"Enabled":true,"Recipients":"ops@contoso.com"}',
    )
  })

  it('start runs the initial cycle through the scheduler, then every interval; pause stops it', async () => {
    expect(p.scheduler.pending()).toEqual([])
    expect((await p.graph('POST', `${sync()}/jobs/${jobId}/start`)).status).toBe(204)
    expect(p.scheduler.pending()).toEqual([0])
    p.scheduler.advance(0)
    // Waits for the cycle the scheduler started, then runs one more.
    const manual = await p.cycle()
    expect(manual.kind).toBe('Incremental')
    const page = (await (
      await p.sandboxApi('GET', `/servicePrincipals/${p.servicePrincipalId}/provisioning`)
    ).json()) as {
      job: { status: { cycles: { trigger: string; kind: string }[] } }
    }
    expect(page.job.status.cycles.map((c) => [c.trigger, c.kind])).toEqual([
      ['start', 'Initial'],
      ['manual', 'Incremental'],
    ])
    // The next cycle is an interval after the last one ended (a few ms have passed since).
    const next = () => p.scheduler.pending()
    expect(next()).toHaveLength(1)
    expect(next()[0]).toBeGreaterThan(2_390_000)
    expect(next()[0]).toBeLessThanOrEqual(2_400_000)
    await p.sandboxApi('PUT', `/servicePrincipals/${p.servicePrincipalId}/provisioning`, {
      intervalSeconds: 30,
    })
    expect(next()).toHaveLength(1)
    expect(next()[0]).toBeGreaterThan(20_000)
    expect(next()[0]).toBeLessThanOrEqual(30_000)
    expect((await getJob()).schedule).toEqual({ expiration: null, interval: 'PT30S', state: 'Active' })
    expect((await p.graph('POST', `${sync()}/jobs/${jobId}/pause`)).status).toBe(204)
    expect(p.scheduler.pending()).toEqual([])
    expect((await getJob()).status.code).toBe('Paused')
  })

  it('restart forgets the target ids: the next cycle matches B.Simon again by query and creates nothing', async () => {
    expect(
      (await p.graph('POST', `${sync()}/jobs/${jobId}/restart`, { criteria: { resetScope: 'Full' } })).status,
    ).toBe(204)
    expect(
      (
        await json(
          await p.graph('POST', `${sync()}/jobs/${jobId}/restart`, {
            criteria: { resetScope: 'Everything' },
          }),
        )
      ).status,
    ).toBe(400)
    const from = p.proxy.requests.length
    const summary = await p.cycle()
    expect(summary).toMatchObject({ kind: 'Initial', counts: { created: 0, unchanged: 1 } })
    expect(p.proxy.requests.slice(from).map((r) => r.method)).toEqual(['GET'])
    await p.graph('POST', `${sync()}/jobs/${jobId}/pause`)
  })

  it('auditLogs/provisioning filters by job, identity, status, action and time, pages with $top', async () => {
    const logs = async (query: string) => json(await p.graph('GET', `/auditLogs/provisioning?${query}`))
    const all = await logs('')
    expect(all.status).toBe(200)
    expect(all.body.value.length).toBeGreaterThanOrEqual(2)
    const first = all.body.value.at(-1)
    if (!first) throw new Error('no provisioning log')
    expect(first).toMatchObject({
      jobId,
      provisioningAction: 'create',
      sourceIdentity: { displayName: 'B.Simon@contoso.com', identityType: 'User' },
      targetSystem: { displayName: 'Cisco Webex' },
      servicePrincipal: { id: p.servicePrincipalId, displayName: 'Cisco Webex' },
      provisioningStatusInfo: { status: 'success', errorInformation: null },
    })
    const f = (filter: string) => logs(`$filter=${encodeURIComponent(filter)}`)
    expect((await f(`jobId eq '${jobId}'`)).body.value).toHaveLength(all.body.value.length)
    expect(
      (await f("contains(sourceIdentity/displayName, 'simon') and provisioningAction eq 'create'")).body
        .value,
    ).toHaveLength(1)
    expect((await f("provisioningStatusInfo/status eq 'failure'")).body.value).toHaveLength(0)
    expect((await f(`activityDateTime gt ${first.activityDateTime}`)).body.value.length).toBe(
      all.body.value.length - 1,
    )
    expect((await f(`activityDateTime ge ${first.activityDateTime}`)).body.value.length).toBe(
      all.body.value.length,
    )
    const paged = await logs('$top=1')
    expect(paged.body.value).toHaveLength(1)
    expect(paged.body['@odata.nextLink']).toContain('%24skiptoken=1')
    const bad = await f("shoeSize eq 'x'")
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain(
      "'shoeSize' is not a property provisioning logs can be filtered on",
    )
    expect((await f("jobId eq 'unterminated")).status).toBe(400)
    expect((await logs('$top=0')).status).toBe(400)
    const one = await json(await p.graph('GET', `/auditLogs/provisioning/${first.id}`))
    expect(one.body.id).toBe(first.id)
    expect((await p.graph('GET', '/auditLogs/provisioning/nope')).status).toBe(404)
  })

  it('answers hostile or malformed bodies with 400, never 5xx', async () => {
    const raw = (method: string, path: string, body: string) =>
      fetch(`${p.sandbox.idp.url}/v1.0${path}`, {
        method,
        headers: {
          authorization: `Bearer ${p.sandbox.idp.graphApiToken}`,
          'content-type': 'application/json',
        },
        body,
      })
    for (const [method, path, body] of [
      ['POST', `${sync()}/jobs/${jobId}/provisionOnDemand`, '{not json'],
      ['POST', `${sync()}/jobs/${jobId}/provisionOnDemand`, '{"parameters":[{"subjects":[]}]}'],
      ['POST', `${sync()}/jobs/${jobId}/provisionOnDemand`, '{"parameters":"x"}'],
      ['PUT', `${sync()}/jobs/${jobId}/schema`, '{}'],
      [
        'PUT',
        `${sync()}/jobs/${jobId}/schema`,
        '{"synchronizationRules":[{"objectMappings":[{"sourceObjectName":"User","attributeMappings":[{"targetAttributeName":"userName","source":{"type":"Eval"}}]}]}]}',
      ],
      ['PUT', `${sync()}/jobs/${jobId}/schema`, '{"__proto__":{"x":1},"synchronizationRules":"x"}'],
      ['POST', `${sync()}/jobs/${jobId}/validateCredentials`, '{"credentials":"x"}'],
      ['PUT', `${sync()}/secrets`, '{"value":[{"key":1}]}'],
      ['POST', `${sync()}/jobs`, '{"templateId":["ciscoWebex"]}'],
      ['POST', `${sync()}/jobs/${jobId}/restart`, '{"criteria":{"resetScope":7}}'],
    ] as const) {
      const response = await raw(method, path, body)
      expect(response.status, `${method} ${path} ${body}`).toBe(400)
    }
    expect(
      (
        await raw(
          'PUT',
          `${sync()}/secrets`,
          `{"value":[{"key":"SecretToken","value":"${'x'.repeat(2_000_000)}"}]}`,
        )
      ).status,
    ).toBe(413)
    expect((await p.graph('POST', `${sync()}/jobs/nope/start`)).status).toBe(404)
  })
})
