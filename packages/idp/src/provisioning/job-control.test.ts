import { createServer, type Server } from 'node:http'
import { manualScheduler } from '@sandbox/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID } from '../enterprise-apps/gallery'
import { createTestServices } from '../test-support/harness'

/**
 * A SCIM target that keeps what it is sent and can hold the next create on its way in (as a
 * slow network or Webex would): it is stored and answered once the test releases it.
 */
async function startTarget() {
  const stored = new Map<string, Record<string, unknown>>()
  const timeline: string[] = []
  let hold: { arrived: () => void; answer: Promise<void> } | null = null
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', async () => {
      const url = new URL(request.url ?? '/', 'http://target')
      const kind = url.pathname.split('/')[2] ?? ''
      timeline.push(`${request.method} /${kind}`)
      const send = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/scim+json' }).end(JSON.stringify(body))
      if (request.method === 'GET') {
        const wanted = /eq "(.*)"$/.exec(url.searchParams.get('filter') ?? '')?.[1]?.toLowerCase()
        const found = [...stored.values()].filter(
          (r) => r.kind === kind && String(r.userName ?? r.displayName ?? '').toLowerCase() === wanted,
        )
        send(200, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
          totalResults: found.length,
          Resources: found,
        })
        return
      }
      if (request.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
        const held = hold
        hold = null
        if (held) {
          held.arrived()
          await held.answer
        }
        const resource = { ...body, id: `target-${stored.size + 1}`, kind }
        stored.set(resource.id, resource)
        if (held) timeline.push(`answered POST /${kind}`)
        send(201, resource)
        return
      }
      send(200, stored.get(url.pathname.split('/')[3] ?? '') ?? {})
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    tenantUrl: `http://127.0.0.1:${port}/scim`,
    timeline,
    posts: (kind: string) => timeline.filter((t) => t === `POST /${kind}`).length,
    /** Holds the answer to the next create; resolves `arrived` once that create is in. */
    holdNextCreate() {
      let release: () => void = () => undefined
      let arrived: () => void = () => undefined
      const arrival = new Promise<void>((resolve) => {
        arrived = resolve
      })
      hold = {
        arrived,
        answer: new Promise<void>((resolve) => {
          release = resolve
        }),
      }
      return { arrival, release: () => release() }
    },
    close: () =>
      new Promise<void>((resolve) => {
        // A failed test may leave a create held; its client is gone with the test.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let target: Awaited<ReturnType<typeof startTarget>> | undefined
afterEach(async () => {
  await target?.close()
  target = undefined
})

/**
 * Gives a request that should not be sent time to arrive: what the test checks is that
 * nothing did, so a slow machine can only make it miss a regression, never fail a correct run.
 */
const settled = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 5))
}

/** The Cisco Webex app with its job pointed at the target, Sync all (the admin is the one user). */
async function provisionedApp() {
  target = await startTarget()
  const { services, store } = await createTestServices({ scheduler: manualScheduler() })
  const app = await services.apps.instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
  if (!app.ok) throw new Error(app.error.message)
  const spId = app.value.servicePrincipal.id
  const saved = await services.provisioning.configure(spId, {
    tenantUrl: target.tenantUrl,
    secretToken: 'target-token-1234',
    syncAll: true,
  })
  if (!saved.ok) throw new Error(JSON.stringify(saved.error))
  const jobId = store.read().provisioning.jobs[0]?.id ?? ''
  const userId = store.read().users[0]?.id ?? ''
  return { services, spId, jobId, userId, target }
}

describe('Provision on demand beside a cycle', () => {
  it('waits for the running cycle, so the user the cycle is creating is not created twice', async () => {
    const { services, spId, jobId, userId, target } = await provisionedApp()
    const held = target.holdNextCreate()
    const cycle = services.provisioning.runCycleNow(spId, jobId)
    await held.arrival
    const onDemand = services.provisioning.provisionOnDemand(spId, jobId, [
      { objectId: userId, objectTypeName: 'User' },
    ])
    await settled()
    // The on-demand request is in and the cycle's create unanswered: on demand has sent nothing.
    expect(target.timeline).toEqual(['GET /Users', 'POST /Users'])
    held.release()
    const [ranCycle, ranOnDemand] = await Promise.all([cycle, onDemand])
    expect(ranCycle.ok && ranCycle.value.counts.created).toBe(1)
    expect(ranOnDemand.ok).toBe(true)
    expect(target.posts('Users')).toBe(1)
    // Everything on demand sent came after the cycle's create was answered.
    expect(target.timeline.slice(0, 3)).toEqual(['GET /Users', 'POST /Users', 'answered POST /Users'])
  })

  it('holds a cycle asked for during an on-demand run until that run ends', async () => {
    const { services, spId, jobId, userId, target } = await provisionedApp()
    const held = target.holdNextCreate()
    const onDemand = services.provisioning.provisionOnDemand(spId, jobId, [
      { objectId: userId, objectTypeName: 'User' },
    ])
    await held.arrival
    const cycle = services.provisioning.runCycleNow(spId, jobId)
    await settled()
    expect(target.timeline).toEqual(['GET /Users', 'POST /Users'])
    held.release()
    const [ranOnDemand, ranCycle] = await Promise.all([onDemand, cycle])
    expect(ranOnDemand.ok).toBe(true)
    expect(ranCycle.ok && ranCycle.value.counts.failed).toBe(0)
    expect(target.posts('Users')).toBe(1)
    expect(target.timeline.slice(0, 3)).toEqual(['GET /Users', 'POST /Users', 'answered POST /Users'])
  })
})
