import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  configureOverGraph,
  type ProvisioningSandbox,
  startProvisioningSandbox,
  webexUsers,
} from '../support/provisioning-setup'

let p: ProvisioningSandbox
let jobId = ''

beforeAll(async () => {
  p = await startProvisioningSandbox()
})
beforeEach(async () => {
  await p.resetProvisioning()
  jobId = await configureOverGraph(p)
})
afterAll(async () => {
  await p?.close()
})

const userPosts = () => p.proxy.matching('POST', /\/Users$/)

interface JobJson {
  status: {
    code: string
    quarantine: { reason: string; error: { code: string; message: string }; nextAttempt: string } | null
    lastExecution: { state: string } | null
  }
}
const job = async () =>
  (await (
    await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}`)
  ).json()) as JobJson

interface LogJson {
  provisioningAction: string
  provisioningStatusInfo: { status: string; errorInformation: { errorCode: string; reason: string } | null }
  provisioningSteps: { name: string; details: Record<string, string> }[]
}
const logs = async (filter: string) =>
  (
    (await (
      await p.graph('GET', `/auditLogs/provisioning?$filter=${encodeURIComponent(filter)}`)
    ).json()) as { value: LogJson[] }
  ).value

describe('a SCIM server that answers 429 or 500 is retried', () => {
  it('waits what Retry-After says after a 429, then the create goes through and the cycle succeeds', async () => {
    p.proxy.fail({
      match: (r) => r.method === 'POST' && r.path.endsWith('/Users'),
      times: 1,
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429', detail: 'Slow down.' },
    })
    const summary = await p.cycle()
    expect(summary).toMatchObject({ state: 'Succeeded', counts: { created: 1, failed: 0 } })
    expect(userPosts().map((r) => [r.status, r.injected])).toEqual([
      [429, true],
      [201, false],
    ])
    expect(p.scheduler.sleeps).toEqual([7000])
    const [created] = await logs("provisioningAction eq 'create'")
    const details = created?.provisioningSteps.find((s) => s.name === 'EntryExportAdd')?.details ?? {}
    expect(details['SCIM response 1']).toMatch(/^429/)
    expect(details['SCIM response 2']).toMatch(/^201/)
    expect(details['SCIM request 1']).toContain('Authorization: Bearer [redacted]')
    expect(JSON.stringify(created)).not.toContain(p.scim.token)
  })

  it('backs off exponentially after 500s (1 s, then 2 s) and completes the cycle', async () => {
    p.proxy.fail({ match: (r) => r.method === 'GET' && r.path.endsWith('/Users'), times: 2, status: 500 })
    const summary = await p.cycle()
    expect(summary).toMatchObject({ state: 'Succeeded', counts: { created: 1 } })
    expect(p.scheduler.sleeps).toEqual([1000, 2000])
    expect((await webexUsers(p)).map((u) => u.email)).toContain('b.simon@contoso.com')
  })
})

describe('a SCIM server that keeps failing quarantines the job', () => {
  it('with EncounteredEscrowProportionThreshold and the reason; the notification email is recorded; start clears it', async () => {
    const settings = await p.sandboxApi('PUT', `/servicePrincipals/${p.servicePrincipalId}/provisioning`, {
      notificationEmail: 'it-admins@contoso.com',
      sendEmailOnFailure: true,
    })
    expect(settings.status).toBe(200)
    p.proxy.fail({ match: () => true, status: 500, body: { detail: 'The SCIM store is down.' } })
    const summary = await p.cycle()
    expect(summary).toMatchObject({ state: 'Failed', counts: { failed: 1, created: 0 } })
    expect(p.proxy.matching('GET', /\/Users$/)).toHaveLength(4)
    const quarantined = await job()
    expect(quarantined.status.code).toBe('Quarantine')
    expect(quarantined.status.quarantine).toMatchObject({
      reason: 'EncounteredEscrowProportionThreshold',
      error: { code: 'InternalServerError' },
    })
    expect(quarantined.status.quarantine?.error.message).toContain('1 of 1 provisioning events failed')
    expect(quarantined.status.quarantine?.error.message).toContain('HTTP status code 500')
    const page = (await (
      await p.sandboxApi('GET', `/servicePrincipals/${p.servicePrincipalId}/provisioning`)
    ).json()) as {
      job: { status: { quarantine: { notificationSentTo: string | null } } }
    }
    expect(page.job.status.quarantine.notificationSentTo).toBe('it-admins@contoso.com')
    const [failure] = await logs("provisioningStatusInfo/status eq 'failure'")
    expect(failure?.provisioningStatusInfo.errorInformation).toMatchObject({
      errorCode: 'InternalServerError',
    })
    expect(failure?.provisioningStatusInfo.errorInformation?.reason).toContain(
      'It said: The SCIM store is down.',
    )

    p.proxy.clearFaults()
    expect(
      (
        await p.graph(
          'POST',
          `/servicePrincipals/${p.servicePrincipalId}/synchronization/jobs/${jobId}/start`,
        )
      ).status,
    ).toBe(204)
    expect((await job()).status.quarantine).toBeNull()
    expect(await p.cycle()).toMatchObject({ state: 'Succeeded', counts: { created: 1 } })
    expect((await job()).status.code).toBe('Active')
  })

  it('at once with EncounteredQuarantineException when the token is refused (401), stopping the cycle', async () => {
    expect((await p.spApi('POST', '/api/v1/scim/token')).status).toBe(201)
    const summary = await p.cycle()
    expect(summary.state).toBe('Failed')
    const quarantined = await job()
    expect(quarantined.status.quarantine).toMatchObject({
      reason: 'EncounteredQuarantineException',
      error: { code: 'Unauthorized' },
    })
    expect(quarantined.status.quarantine?.error.message).toContain('Invalid credentials')
    expect(p.proxy.requests.every((r) => r.status === 401)).toBe(true)
    // No retry of a refused token: one request, and the cycle stopped there.
    expect(p.proxy.requests).toHaveLength(1)
  })

  it('times each request out, retries, then reports Timeout', async () => {
    await p.sandboxApi('PUT', `/servicePrincipals/${p.servicePrincipalId}/provisioning`, {
      requestTimeoutMs: 150,
    })
    p.proxy.fail({ match: (r) => r.method === 'GET', hang: true })
    const summary = await p.cycle()
    expect(summary.counts.failed).toBe(1)
    const [failure] = await logs("provisioningStatusInfo/status eq 'failure'")
    expect(failure?.provisioningStatusInfo.errorInformation?.errorCode).toBe('Timeout')
    expect(failure?.provisioningStatusInfo.errorInformation?.reason).toContain(
      'no answer within 0.15 s (4 attempts)',
    )
  })
})
