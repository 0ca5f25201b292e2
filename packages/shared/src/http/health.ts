import { Hono } from 'hono'

/** What `/healthz` reports; CI waits for `status: "ok"`. */
export interface HealthReport {
  readonly status: 'ok'
  readonly service: string
  readonly version: string
  readonly uptimeSeconds: number
}

/** `GET /healthz`: answers 200 with a small JSON body once the server serves requests. */
export function healthRoutes(service: string, version: string, startedAt: number) {
  return new Hono().get('/healthz', (c) =>
    c.json<HealthReport>(
      { status: 'ok', service, version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
      200,
      { 'Cache-Control': 'no-store' },
    ),
  )
}
